package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.remotes.RemotesViewModel;
import dev.gatehouse.tests.remote.TemplateEdits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Remotes from the console against a real second engine (data plane and control plane on loopback): add it as a
 * remote with its access key, test the connection, push PetStore with a preview, call the remote stage over HTTP,
 * change one method, and see the next preview list only that change; a wrong secret is refused in plain words.
 */
class ConsoleRemotesFlowTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private SecondEngine engineB;

    @Override
    protected Path workspace() {
        engineB = new SecondEngine();
        return ConsoleFixture.copyOfSampleWorkspace();
    }

    @AfterEach
    void closeEngineB() {
        engineB.close();
    }

    @Test
    void addTestPushCallChangeAndPushOnlyTheChange(FxRobot robot) throws Exception {
        // given: the Remotes page, remote b added with its access key and secret
        robot.interact(() -> console.workbench().selectApi("petstore01"));
        robot.clickOn("#nav-remotes");
        addRemote(robot, "b", SecondEngine.SECRET);
        ConsoleFixture.waitUntil(() -> rows(robot).size() == 1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(engineB.remotesFile))).isEqualTo("rw-------");
        assertThat(Files.readString(engineB.remotesFile)).contains(SecondEngine.SECRET);
        assertThat(workspaceText()).doesNotContain(SecondEngine.SECRET);
        assertThat(robot.lookup("#remoteCredentials").queryAs(Label.class).getText())
                .isEqualTo("Credentials: access key " + SecondEngine.KEY_ID + " · secret ••••••••");

        // when: Test connection
        robot.clickOn("#remoteTest");

        // then: it reached b, which has no API yet
        ConsoleFixture.waitUntil(() -> text(robot, "#remoteConnection").startsWith("Connected"));
        assertThat(text(robot, "#remoteConnection")).isEqualTo("Connected to b (" + engineB.adminUrl() + "): 0 APIs");

        // when: PetStore is previewed for stage prod
        robot.clickOn("#pushPreview");
        ConsoleFixture.waitUntil(() -> text(robot, "#pushStatus").startsWith("Push creates"));

        // then: every method is new
        assertThat(lines(robot)).contains("+ GET /", "+ GET /pets", "+ POST /pets", "+ GET /pets/{petId}", "+ OPTIONS /pets");
        assertThat(text(robot, "#pushStatus")).startsWith("Push creates PetStore on b and deploys stage prod: ");

        // when: confirmed
        robot.clickOn("#pushConfirm");
        ConsoleFixture.waitUntil(() -> text(robot, "#pushStatus").startsWith("Created") || text(robot, "#pushStatus").startsWith("Push failed"));

        // then: created and deployed; the remote stage answers over HTTP as the sample's GET / does
        Matcher created = Pattern.compile("Created PetStore on b as (\\w+); deployment (\\w+) serves stage prod\\.")
                .matcher(text(robot, "#pushStatus"));
        assertThat(created.matches()).as(text(robot, "#pushStatus")).isTrue();
        String remoteId = created.group(1);
        assertThat(robot.lookup("#pushInvokeUrl").queryAs(TextField.class).getText()).contains(remoteId).endsWith("/prod");
        HttpResponse<String> v1 = get(engineB.stageUrl(remoteId, "prod"));
        assertThat(v1.statusCode()).isEqualTo(200);
        assertThat(v1.body()).contains("Welcome to your Pet Store API");
        ConsoleFixture.waitUntil(() -> robot.lookup("#remoteHistory").queryAs(ListView.class).getItems().size() == 1);

        // when: GET / answers differently in the draft, and the push is previewed again
        robot.interact(() -> console.workbench().edit("Change GET /", api -> api.updateResource(api.root().id(),
                r -> r.withMethod(TemplateEdits.withHtml(r.method("GET"), "<h1>v2</h1>")))));
        ConsoleFixture.waitUntil(() -> ConsoleFixture.api(console).root().method("GET").methodIntegration()
                .integrationResponses().get("200").responseTemplates().get("text/html").equals("<h1>v2</h1>"));
        robot.clickOn("#pushPreview");
        ConsoleFixture.waitUntil(() -> text(robot, "#pushStatus").startsWith("Push updates"));

        // then: the preview shows that one change only
        assertThat(lines(robot)).containsExactly("~ GET /");
        assertThat(text(robot, "#pushStatus")).isEqualTo("Push updates " + remoteId + " on b and deploys stage prod: 1 change.");

        // and once confirmed, the remote stage serves it
        robot.clickOn("#pushConfirm");
        ConsoleFixture.waitUntil(() -> text(robot, "#pushStatus").startsWith("Updated") || text(robot, "#pushStatus").startsWith("Push failed"));
        assertThat(text(robot, "#pushStatus")).startsWith("Updated PetStore on b as " + remoteId + ";");
        assertThat(get(engineB.stageUrl(remoteId, "prod")).body()).isEqualTo("<h1>v2</h1>");
        ConsoleFixture.waitUntil(() -> robot.lookup("#remoteHistory").queryAs(ListView.class).getItems().size() == 2);
    }

    @Test
    void aWrongSecretIsReportedAsRefusedCredentialsAndAStoppedRemoteAsUnreachable(FxRobot robot) {
        robot.clickOn("#nav-remotes");
        addRemote(robot, "forged", "not-the-secret");
        ConsoleFixture.waitUntil(() -> rows(robot).size() == 1);
        robot.clickOn("#remoteTest");
        ConsoleFixture.waitUntil(() -> text(robot, "#remoteConnection").startsWith("The remote"));
        assertThat(text(robot, "#remoteConnection")).startsWith("The remote forged (" + engineB.adminUrl() + ") refused the credentials: 403 ")
                .endsWith("Check the access key and secret.");

        // a push is refused the same way, before anything changes
        robot.clickOn("#pushPreview");
        ConsoleFixture.waitUntil(() -> robot.lookup("#pushStatus").queryAs(Label.class).getStyleClass().contains("danger"));
        assertThat(text(robot, "#pushStatus")).contains("remote forged (" + engineB.adminUrl() + "): find the remote API failed: 403 ");

        engineB.close();
        robot.clickOn("#remoteTest");
        ConsoleFixture.waitUntil(() -> text(robot, "#remoteConnection").startsWith("Cannot reach"));
        assertThat(text(robot, "#remoteConnection")).startsWith("Cannot reach forged (" + engineB.adminUrl()
                + "): nothing accepts connections there.");
    }

    private void addRemote(FxRobot robot, String name, String secret) {
        robot.clickOn("#remoteAdd");
        robot.clickOn("#remoteName").write(name);
        robot.doubleClickOn("#remoteUrl");
        robot.interact(() -> robot.lookup("#remoteUrl").queryAs(TextField.class).setText(""));
        robot.clickOn("#remoteUrl").write(engineB.adminUrl());
        robot.clickOn("#remoteAccessKey").write(SecondEngine.KEY_ID);
        robot.clickOn("#remoteSecret").write(secret);
        robot.clickOn("#remoteSave");
    }

    @SuppressWarnings("unchecked")
    private static List<RemotesViewModel.Row> rows(FxRobot robot) {
        return robot.lookup("#remotesTable").queryAs(TableView.class).getItems();
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(FxRobot robot) {
        List<RemotesViewModel.Line> items = robot.lookup("#pushLines").queryAs(ListView.class).getItems();
        return items.stream().map(RemotesViewModel.Line::text).toList();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String workspaceText() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(workspaceFolder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) all.append(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }
}

package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.shell.Page;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the OPERATE pages (Dashboard, Logs with a trace, Replay with a diff, Audit) after real traffic, to
 * {@code docs/screenshots/observe-*.png} ({@code -Dgatehouse.screenshots=docs}) or {@code tests/target/screenshots}
 * ({@code =target}). A generator: the default suite skips it.
 */
@EnabledIfSystemProperty(named = "gatehouse.screenshots", matches = "docs|target",
        disabledReason = "a screenshot generator: run with -Dgatehouse.screenshots=docs (or =target)")
class ConsoleObserveScreenshotsTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void operatePages(FxRobot robot) throws Exception {
        ConsoleFixture.awaitOpen(console);
        Path out = outputDir();
        WorkspaceSession session = console.workbench().session().orElseThrow();
        String api = ObserveTraffic.deployMockApi(session, "Orders", "{\n  \"orders\": [\n    {\"id\": 1, \"state\": \"open\"}\n  ]\n}");
        robot.interact(() -> console.workbench().selectApi(api));
        ConsoleFixture.waitUntil(() -> session.invokeUrl(api, "prod").isPresent() && console.workbench().selectedApi().map(a -> a.id().equals(api)).orElse(false));
        String url = session.invokeUrl(api, "prod").orElseThrow();

        // twelve seconds of uneven traffic, a few requests to a path the API does not have
        List<String> ids = new java.util.ArrayList<>();
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int second = 0; second < 12; second++) {
                ids.addAll(ObserveTraffic.get(url, 2 + (second * 7) % 9));
                if (second % 4 == 1) {
                    client.send(HttpRequest.newBuilder(URI.create(url + "/missing")).GET().build(), HttpResponse.BodyHandlers.discarding());
                }
                Thread.sleep(1000);
            }
        }
        robot.interact(() -> console.shell().show(Page.DASHBOARD));
        robot.interact(() -> combo(robot, "#dashboardStage").setValue("prod"));
        ConsoleFixture.waitUntil(() -> !"0".equals(robot.lookup("#dashboardCount").queryAs(Label.class).getText()));
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        shoot(out.resolve("observe-dashboard-light.png"));

        robot.interact(() -> console.shell().show(Page.LOGS));
        @SuppressWarnings("unchecked")
        TableView<?> table = robot.lookup("#logsTable").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> table.getItems().size() > 10);
        robot.interact(() -> table.getSelectionModel().select(2));
        ConsoleFixture.waitUntil(() -> robot.lookup("#logTrace").queryAs(TextArea.class).getText().contains("Execution log"));
        shoot(out.resolve("observe-logs-light.png"));

        session.updateApi(api, "Close order 1", a -> ObserveTraffic.withBody(a,
                "{\n  \"orders\": [\n    {\"id\": 1, \"state\": \"closed\"}\n  ]\n}"));
        robot.clickOn("#logsReplay");
        robot.clickOn("#replaySend");
        ConsoleFixture.waitUntil(() -> robot.lookup("#replaySummary").queryAs(Label.class).getText().contains("difference"));
        shoot(out.resolve("observe-replay-light.png"));

        robot.interact(() -> console.shell().show(Page.AUDIT));
        @SuppressWarnings("unchecked")
        TableView<?> audit = robot.lookup("#auditTable").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> audit.getItems().size() >= 3);
        robot.interact(() -> audit.getSelectionModel().select(0));
        shoot(out.resolve("observe-audit-light.png"));
        assertThat(out.resolve("observe-audit-light.png")).exists();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static Path outputDir() throws Exception {
        Path repo = Path.of(System.getProperty("gatehouse.repo", "..")).toAbsolutePath().normalize();
        boolean docs = "docs".equals(System.getProperty("gatehouse.screenshots"));
        return Files.createDirectories(docs ? repo.resolve("docs/screenshots") : repo.resolve("tests/target/screenshots"));
    }

    /** The window's scene as a PNG, once layout has settled. */
    private void shoot(Path file) throws Exception {
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(png, "png", file.toFile());
    }
}

package dev.gatehouse.tests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Console;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, item 7: API keys, usage plans and the stage's throttle and cache settings made in the console, checked
 * on the console's own data plane over real HTTP with AWS's status codes and bodies (aws-reference §1.11, §2.1, §8).
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleKeysPlansFlowTest {
    static {
        ConsoleFixture.useScreen(1360, 860);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Console console;

    @Start
    void start(javafx.stage.Stage stage) {
        console = ConsoleFixture.start(stage, ConsoleFixture.copyOfSampleWorkspace(), false);
    }

    @AfterEach
    void closeConsole() {
        ConsoleFixture.close(console);
    }

    @BeforeEach
    void workspaceIsOpen() {
        ConsoleFixture.awaitOpen(console);
    }

    @Test
    void aKeyInAPlanIsRequiredThenMeteredAndTheStageCacheServesAndFlushes(FxRobot robot) throws Exception {
        WorkspaceSession session = console.workbench().session().orElseThrow();
        String api = ConsoleFixture.api(console).id();

        // given an API key created on the API Keys page with a generated value
        robot.clickOn("#nav-api_keys");
        robot.clickOn("#apiKeyCreate");
        ConsoleFixture.waitUntil(() -> robot.lookup("#newApiKeyName").tryQuery().isPresent());
        robot.clickOn("#newApiKeyName").write("partner");
        robot.clickOn("#newApiKeyCreate");
        ConsoleFixture.waitUntil(() -> key("partner").isPresent());
        String value = key("partner").orElseThrow().value();
        assertThat(value).hasSizeGreaterThanOrEqualTo(20);
        // its value is masked until Show is pressed
        ConsoleFixture.waitUntil(() -> robot.lookup("#apiKeyValue").queryAs(TextField.class).getText().endsWith(value.substring(value.length() - 4)));
        assertThat(robot.lookup("#apiKeyValue").queryAs(TextField.class).getText()).doesNotContain(value.substring(0, 8));
        robot.clickOn("#apiKeyShow");
        ConsoleFixture.waitUntil(() -> value.equals(robot.lookup("#apiKeyValue").queryAs(TextField.class).getText()));

        // and a usage plan on PetStore's prod with a throttle that does not trip and a quota of 4 requests a day
        robot.clickOn("#nav-usage_plans");
        robot.clickOn("#usagePlanCreate");
        ConsoleFixture.waitUntil(() -> robot.lookup("#dialogText").tryQuery().isPresent());
        robot.clickOn("#dialogText").write("Basic").press(KeyCode.ENTER).release(KeyCode.ENTER);
        ConsoleFixture.waitUntil(() -> plan("Basic").isPresent() && "Basic".equals(robot.lookup("#usagePlanName").queryAs(TextField.class).getText()));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> apis = robot.lookup("#usagePlanApiPick").queryAs(ComboBox.class);
            apis.getItems().stream().filter(a -> a.toString().equals("PetStore")).findFirst().ifPresent(apis::setValue);
            robot.lookup("#usagePlanStagePick").queryAs(ComboBox.class).setValue("prod");
        });
        robot.clickOn("#usagePlanAddStage");
        robot.clickOn("#usagePlanRate").write("100");
        robot.clickOn("#usagePlanBurst").write("50");
        robot.clickOn("#usagePlanQuotaEnabled");
        robot.clickOn("#usagePlanQuotaLimit").write("0");
        // a quota of 0 is refused in words, and Save waits
        ConsoleFixture.waitUntil(() -> robot.lookup("#usagePlanSave").queryButton().isDisabled());
        assertThat(robot.lookup("#usagePlanProblem").queryAs(Label.class).getText())
                .isEqualTo("Quota (requests per DAY) must be a whole number from 1 to 2147483647 (not \"0\")");
        robot.doubleClickOn("#usagePlanQuotaLimit").write("4");
        ConsoleFixture.waitUntil(() -> !robot.lookup("#usagePlanSave").queryButton().isDisabled());
        robot.clickOn("#usagePlanSave");
        ConsoleFixture.waitUntil(() -> plan("Basic").map(p -> p.quota() != null && p.apiStages().size() == 1).orElse(false));
        UsagePlan stored = plan("Basic").orElseThrow();
        assertThat(stored.quota()).isEqualTo(new UsagePlan.QuotaSettings(4, 0, QuotaPeriod.DAY));
        assertThat(stored.throttle()).isEqualTo(new UsagePlan.ThrottleSettings(50, 100.0));
        assertThat(stored.apiStages()).containsExactly(new UsagePlan.ApiStage(api, "prod", Map.of()));

        // when the key is added to the plan on its API keys tab
        robot.clickOn("#tab-plan-keys");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> keys = robot.lookup("#usagePlanKeyPick").queryAs(ComboBox.class);
            keys.getItems().stream().filter(k -> k.toString().equals("partner")).findFirst().ifPresent(keys::setValue);
        });
        robot.clickOn("#usagePlanAddKey");
        String keyId = key("partner").orElseThrow().id();
        ConsoleFixture.waitUntil(() -> plan("Basic").map(p -> p.keyIds().contains(keyId)).orElse(false));
        assertThat(console.workbench().undoTextProperty().get()).isEqualTo("Undo Add API key partner to usage plan Basic");

        // and GET /pets requires an API key, prod is redeployed and points at this console's own backend stage
        String port = waitForPort(session, api);
        session.updateApi(api, "Require an API key on GET /pets", a -> {
            Resource pets = a.resources().stream().filter(r -> r.path().equals("/pets")).findFirst().orElseThrow();
            return a.withResource(pets.withMethod(pets.resourceMethods().get("GET").withApiKeyRequired(true)));
        });
        setBackend(session, api, "127.0.0.1:" + port + "/restapis/petbackend/backend/_user_request_");
        session.deploy(api, "prod", "GET /pets needs a key"); // returns once the plan with both changes is served
        String pets = session.invokeUrl(api, "prod").orElseThrow() + "/pets";

        // then without a key: 403 Forbidden; with it: the pets
        HttpResponse<String> noKey = get(pets, null);
        assertThat(noKey.statusCode()).isEqualTo(403);
        assertThat(noKey.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        HttpResponse<String> first = get(pets, value); // quota: 1 of 4
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"type\"").contains("dog");

        // when the stage cache is provisioned with GET /pets cached for 300 s on the stage's Settings tab
        robot.clickOn("#nav-stages");
        robot.clickOn("#tab-settings");
        robot.clickOn("#stageCacheEnabled");
        robot.interact(() -> robot.lookup("#stageOverrideMethod").queryAs(ComboBox.class).getSelectionModel().select("GET /pets"));
        ConsoleFixture.waitUntil(() -> robot.lookup("#stageOverrideCaching").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        // a TTL past AWS's 3600 s is refused in words
        robot.doubleClickOn("#stageOverrideTtl").write("4000");
        ConsoleFixture.waitUntil(() -> robot.lookup("#stageOverridePut").queryButton().isDisabled());
        assertThat(robot.lookup("#stageOverrideProblem").queryAs(Label.class).getText())
                .isEqualTo("Cache time-to-live of GET /pets (seconds) must be a whole number from 0 to 3600 (not \"4000\")");
        robot.doubleClickOn("#stageOverrideTtl").write("300");
        robot.clickOn("#stageOverridePut");
        ConsoleFixture.waitUntil(() -> overrides(robot).getItems().size() == 1);
        robot.clickOn("#stageSettingsSave");
        ConsoleFixture.waitUntil(() -> stage(api).map(s -> s.cacheClusterEnabled() && s.methodSettings().containsKey("~1pets/GET")).orElse(false));
        Stage.MethodSetting setting = stage(api).orElseThrow().methodSettings().get("~1pets/GET");
        assertThat(setting.cachingEnabled()).isTrue();
        assertThat(setting.cacheTtlInSeconds()).isEqualTo(300);

        // then the next call is stored (2 of 4), and one after the backend went away is still answered: a cache hit (3 of 4)
        HttpResponse<String> stored200 = get(pets, value);
        assertThat(stored200.statusCode()).isEqualTo(200);
        setBackend(session, api, "127.0.0.1:1/nothing-listens-here");
        HttpResponse<String> hit = get(pets, value);
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.body()).isEqualTo(stored200.body());
        assertThat(session.traffic().cachedResponses(api, "prod")).isEqualTo(1);

        // when Flush cache is pressed, the next call misses and reaches the dead backend (4 of 4)
        robot.clickOn("#stageFlushCache");
        ConsoleFixture.waitUntil(() -> robot.lookup("#stageCacheState").queryAs(Label.class).getText().startsWith("Cache flushed: 0 responses"));
        HttpResponse<String> miss = get(pets, value);
        assertThat(miss.statusCode()).isGreaterThanOrEqualTo(500);

        // and the quota is used up: 429 Limit Exceeded
        HttpResponse<String> over = get(pets, value);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");

        // and the plan's usage chart shows partner's 4 requests today
        robot.clickOn("#nav-usage_plans");
        robot.clickOn("#tab-plan-usage");
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MM-dd"));
        ConsoleFixture.waitUntil(() -> todaysRequests(robot, "partner", today) == 4);
        assertThat(robot.lookup("#usagePlanUsageSummary").queryAs(Label.class).getText())
                .isEqualTo("partner: 4 requests today, 0 left in today's quota");

        // when partner's remaining quota is set on the plan's API keys tab (AWS UpdateUsage), first to a non-number
        setBackend(session, api, "127.0.0.1:" + port + "/restapis/petbackend/backend/_user_request_");
        robot.clickOn("#tab-plan-keys");
        robot.interact(() -> robot.lookup("#usagePlanKeys").queryAs(javafx.scene.control.ListView.class).getSelectionModel().select(0));
        robot.clickOn("#usagePlanSetRemaining");
        ConsoleFixture.waitUntil(() -> robot.lookup("#dialogText").tryQuery().isPresent());
        assertThat(robot.lookup("#dialogText").queryAs(TextField.class).getText()).as("a reset proposes the whole limit").isEqualTo("4");
        robot.doubleClickOn("#dialogText").write("lots").press(KeyCode.ENTER).release(KeyCode.ENTER);
        // then the answer is refused in words and nothing changes
        ConsoleFixture.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane refused = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(refused.getContentText()).isEqualTo("Remaining requests must be a whole number from 0 to 2147483647 (not \"lots\")");
        robot.clickOn(robot.from(refused).lookup((Button b) -> "OK".equals(b.getText())).queryButton());
        assertThat(get(pets, value).statusCode()).isEqualTo(429);

        // when it is set to 1, then the engine admits exactly one more call (200) and refuses the next: Limit Exceeded
        robot.clickOn("#usagePlanSetRemaining");
        ConsoleFixture.waitUntil(() -> robot.lookup("#dialogText").tryQuery().isPresent());
        robot.doubleClickOn("#dialogText").write("1").press(KeyCode.ENTER).release(KeyCode.ENTER);
        ConsoleFixture.waitUntil(() -> robot.lookup("#usagePlansNotice").queryAs(Label.class).getText()
                .equals("partner has 1 request left in today's quota of Basic"));
        ConsoleFixture.waitUntil(() -> robot.lookup("#usagePlanUsageSummary").queryAs(Label.class).getText()
                .equals("partner: 4 requests today, 1 left in today's quota"));
        HttpResponse<String> again = get(pets, value);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("dog");
        HttpResponse<String> overAgain = get(pets, value);
        assertThat(overAgain.statusCode()).isEqualTo(429);
        assertThat(overAgain.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
    }

    @Test
    void anImportedKeyShorterThan20CharactersIsRefusedAndADeletedKeyComesBackWithUndo(FxRobot robot) {
        // given the Create API key form with a custom value of 19 characters
        robot.clickOn("#nav-api_keys");
        robot.clickOn("#apiKeyCreate");
        ConsoleFixture.waitUntil(() -> robot.lookup("#newApiKeyName").tryQuery().isPresent());
        robot.clickOn("#newApiKeyName").write("imported");
        robot.clickOn("#newApiKeyCustom");
        robot.clickOn("#newApiKeyValue").write("abcdefghij123456789");

        // then AWS's rule is shown and Create waits
        ConsoleFixture.waitUntil(() -> robot.lookup("#newApiKeyCreate").queryButton().isDisabled());
        assertThat(robot.lookup("#newApiKeyProblem").queryAs(Label.class).getText())
                .isEqualTo("API Key value should be at least 20 characters (it has 19)");

        // when a 20th character is typed and the key created, then it holds exactly that value, disabled on request
        robot.write("0");
        robot.clickOn("#newApiKeyEnabled");
        robot.clickOn("#newApiKeyCreate");
        ConsoleFixture.waitUntil(() -> key("imported").isPresent());
        ApiKey key = key("imported").orElseThrow();
        assertThat(key.value()).isEqualTo("abcdefghij1234567890");
        assertThat(key.enabled()).isFalse();

        // when it is deleted after the confirmation, then it is gone; Undo brings it back with its value
        ConsoleFixture.waitUntil(() -> !robot.lookup("#apiKeyDelete").queryButton().isDisabled());
        robot.clickOn("#apiKeyDelete");
        ConsoleFixture.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(pane.getContentText()).startsWith("Delete API key imported?").contains("Edit → Undo");
        robot.clickOn(robot.from(pane).lookup((Button b) -> "Delete API key".equals(b.getText())).queryButton());
        ConsoleFixture.waitUntil(() -> key("imported").isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        ConsoleFixture.waitUntil(() -> key("imported").map(k -> "abcdefghij1234567890".equals(k.value())).orElse(false));
    }

    private static String waitForPort(WorkspaceSession session, String api) {
        ConsoleFixture.waitUntil(() -> session.invokeUrl(api, "prod").isPresent());
        URI uri = URI.create(session.invokeUrl(api, "prod").orElseThrow());
        return String.valueOf(uri.getPort());
    }

    private static void setBackend(WorkspaceSession session, String api, String host) {
        session.updateStage(api, "prod", "Point prod at " + host, s -> {
            Map<String, String> vars = new java.util.TreeMap<>(s.variables());
            vars.put("petstoreHost", host);
            return s.withVariables(vars, s.lastUpdatedDate() == null ? 0 : s.lastUpdatedDate());
        });
    }

    private static HttpResponse<String> get(String url, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) request.header("x-api-key", apiKey);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Optional<ApiKey> key(String name) {
        return console.workbench().session().orElseThrow().traffic().apiKeys().stream().filter(k -> k.name().equals(name)).findFirst();
    }

    private Optional<UsagePlan> plan(String name) {
        return console.workbench().session().orElseThrow().traffic().usagePlans().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private Optional<Stage> stage(String api) {
        return console.workbench().session().orElseThrow().stages(api).stream().filter(s -> s.stageName().equals("prod")).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> overrides(FxRobot robot) {
        return robot.lookup("#stageMethodOverrides").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static long todaysRequests(FxRobot robot, String keyName, String day) {
        BarChart<String, Number> chart = robot.lookup("#usagePlanChart").queryAs(BarChart.class);
        for (XYChart.Series<String, Number> s : List.copyOf(chart.getData())) {
            if (!keyName.equals(s.getName())) continue;
            for (XYChart.Data<String, Number> d : s.getData()) if (day.equals(d.getXValue())) return d.getYValue().longValue();
        }
        return -1;
    }
}

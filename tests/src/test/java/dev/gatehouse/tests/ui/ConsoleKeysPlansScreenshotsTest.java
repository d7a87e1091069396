package dev.gatehouse.tests.ui;

import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.shell.Page;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UnauthorizedCacheControlHeaderStrategy;
import dev.gatehouse.engine.model.UsagePlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;

/**
 * Renders the API Keys and Usage Plans pages and the stage's Settings tab to PNG, with real keys, a plan metered by
 * real requests to the console's data plane, and stage overrides. A generator, run only with
 * {@code -Dgatehouse.screenshots=docs} (into {@code docs/screenshots/keysplans-*.png}) or {@code =target}.
 */
@EnabledIfSystemProperty(named = "gatehouse.screenshots", matches = "docs|target",
        disabledReason = "a screenshot generator: run with -Dgatehouse.screenshots=docs (or =target)")
class ConsoleKeysPlansScreenshotsTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void keysPlansAndStageSettingsRender(FxRobot robot) throws Exception {
        ConsoleFixture.awaitOpen(console);
        robot.interact(() -> {
            stage.setWidth(1360);
            stage.setHeight(860);
        });
        WorkspaceSession session = console.workbench().session().orElseThrow();
        String api = ConsoleFixture.api(console).id();
        // two keys in a plan on PetStore/prod (GET / needs a key), one more key outside it, requests made with both
        ApiKey partner = session.traffic().createApiKey("partner-acme", "Acme Corp's integration", null, true);
        ApiKey mobile = session.traffic().createApiKey("mobile-app", "iOS and Android apps", null, true);
        session.traffic().createApiKey("legacy-batch", "Nightly export, retired", null, false);
        String plan = Ids.shortId();
        session.traffic().putUsagePlan(new UsagePlan(plan, "Basic", "Free tier: 10 requests a second, 1,000 a day",
                List.of(new UsagePlan.ApiStage(api, "prod", Map.of("/pets/POST", new UsagePlan.ThrottleSettings(2, 1.0)))),
                new UsagePlan.ThrottleSettings(20, 10.0), new UsagePlan.QuotaSettings(1000, 0, QuotaPeriod.DAY), null, Map.of(),
                List.of(partner.id(), mobile.id())), "Create usage plan Basic");
        session.updateApi(api, "Require an API key on GET /", a -> {
            Resource root = a.root();
            return a.withResource(root.withMethod(root.resourceMethods().get("GET").withApiKeyRequired(true)));
        });
        session.updateStage(api, "prod", "Stage settings", s -> s.withCacheCluster(true, "0.5", 1).withMethodSettings(Map.of(
                "*/*", new Stage.MethodSetting(null, null, null, 200, 100.0, null, 300, null, null, null),
                "~1pets/GET", new Stage.MethodSetting(null, null, null, 200, 100.0, true, 600, false, true,
                        UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER),
                "~1pets/POST", new Stage.MethodSetting(null, null, null, 10, 5.0, false, 0, false, true,
                        UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403)), 1));
        session.deploy(api, "prod", "GET / needs a key");
        ConsoleFixture.waitUntil(() -> session.invokeUrl(api, "prod").isPresent());
        String root = session.invokeUrl(api, "prod").orElseThrow() + "/";
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 12; i++) {
            String key = i < 8 ? partner.value() : mobile.value();
            http.send(HttpRequest.newBuilder(URI.create(root)).header("x-api-key", key).build(), HttpResponse.BodyHandlers.discarding());
        }
        Path out = ConsoleFixture.screenshotDir();

        robot.interact(() -> console.shell().show(Page.API_KEYS));
        TableView<?> keys = robot.lookup("#apiKeyTable").queryAs(TableView.class);
        ConsoleFixture.waitUntil(() -> keys.getItems().size() == 3);
        ConsoleFixture.snapshot(stage, out.resolve("keysplans-api-keys-light.png"));
        robot.clickOn("#apiKeyCreate");
        ConsoleFixture.waitUntil(() -> robot.lookup("#newApiKeyName").tryQuery().isPresent());
        robot.clickOn("#newApiKeyName").write("partner-globex");
        robot.clickOn("#newApiKeyCustom");
        robot.clickOn("#newApiKeyValue").write("too-short-value");
        ConsoleFixture.snapshot(robot.lookup("#apiKeyCreateDialog").query().getScene().getWindow(),
                out.resolve("keysplans-create-key-dialog-light.png"));
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#apiKeyCreateDialog").query().getScene().getWindow()).close());

        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            robot.interact(() -> {
                console.shell().darkThemeProperty().set(dark);
                console.shell().show(Page.USAGE_PLANS);
            });
            TableView<?> plans = robot.lookup("#usagePlanTable").queryAs(TableView.class);
            ConsoleFixture.waitUntil(() -> plans.getItems().size() == 1);
            robot.clickOn("#tab-plan-details");
            ConsoleFixture.snapshot(stage, out.resolve("keysplans-usage-plan-" + theme + ".png"));
            robot.clickOn("#tab-plan-usage");
            ConsoleFixture.waitUntil(() -> robot.lookup("#usagePlanUsageSummary").queryAs(javafx.scene.control.Label.class)
                    .getText().contains("partner-acme: 8 requests today"));
            ConsoleFixture.snapshot(stage, out.resolve("keysplans-usage-chart-" + theme + ".png"));
        }
        robot.interact(() -> {
            console.shell().darkThemeProperty().set(false);
            console.shell().show(Page.STAGES);
        });
        robot.clickOn("#tab-settings");
        ConsoleFixture.waitUntil(() -> robot.lookup("#stageMethodOverrides").queryAs(TableView.class).getItems().size() == 2);
        ConsoleFixture.snapshot(stage, out.resolve("keysplans-stage-settings-light.png"));
    }
}

package dev.gatehouse.tests.ui;

import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.shell.Page;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.UsagePlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;

/**
 * Screenshots of a usage plan's API keys tab with "Set remaining quota…" and its dialog (AWS UpdateUsage), written
 * with {@code -Dgatehouse.screenshots=docs} into {@code docs/screenshots/usage-reset-*.png} (or {@code =target}).
 */
@EnabledIfSystemProperty(named = "gatehouse.screenshots", matches = "docs|target")
class ConsoleUsageResetScreenshotsTest extends SampleConsoleTest {
    static {
        ConsoleFixture.useScreen(1440, 900);
    }

    @Test
    void theApiKeysTabOfAPlanOffersToSetTheRemainingQuota(FxRobot robot) {
        Path out = ConsoleFixture.screenshotDir();
        WorkspaceSession session = console.workbench().session().orElseThrow();
        String api = ConsoleFixture.api(console).id();
        String key = session.traffic().createApiKey("partner-acme", null, null, true).id();
        session.traffic().putUsagePlan(new UsagePlan("gold01", "Gold", "Partners", List.of(new UsagePlan.ApiStage(api, "prod",
                Map.of())), new UsagePlan.ThrottleSettings(50, 100.0), new UsagePlan.QuotaSettings(1000, 0, QuotaPeriod.DAY),
                null, Map.of(), List.of(key)), "Create usage plan Gold");
        robot.interact(() -> {
            stage.setWidth(1360);
            stage.setHeight(860);
            console.shell().show(Page.USAGE_PLANS);
        });
        ConsoleFixture.waitUntil(() -> robot.lookup("#usagePlanKeys").tryQuery().isPresent());
        robot.clickOn("#tab-plan-keys");
        ListView<?> keys = robot.lookup("#usagePlanKeys").queryAs(ListView.class);
        ConsoleFixture.waitUntil(() -> keys.getItems().size() == 1);
        robot.interact(() -> keys.getSelectionModel().select(0));
        ConsoleFixture.snapshot(stage, out.resolve("usage-reset-plan-keys-light.png"));

        robot.clickOn("#usagePlanSetRemaining");
        ConsoleFixture.waitUntil(() -> robot.lookup("#dialogText").tryQuery().isPresent());
        ConsoleFixture.snapshot(robot.lookup("#dialogText").query().getScene().getWindow(),
                out.resolve("usage-reset-dialog-light.png"));
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#dialogText").query().getScene().getWindow()).close());
    }
}

package dev.gatehouse.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.Stage;
import org.junit.jupiter.api.Test;

/** UpdateStage's access-log patch paths, with AWS's documented operations (replace each field, remove the whole). */
class AccessLogPatchTest {

    private static final String CLF = "$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod "
            + "$context.resourcePath $context.protocol\" $context.status $context.responseLength $context.requestId";
    private static final String ARN = "arn:aws:logs:us-east-1:123456789012:log-group:API-Gateway-Access-Logs";

    private static Stage patch(Stage s, String op, String path, String value) {
        return StageRoutes.StagePatches.apply(s, new Patch(op, path, value, null), 2_000L);
    }

    @Test
    void replacingFormatThenDestinationSetsBothAndKeepsTheOther() {
        Stage s = patch(Stage.of("prod", "d1", 1_000L), "replace", "/accessLogSettings/format", CLF);
        assertThat(s.accessLogSettings()).isEqualTo(new Stage.AccessLogSettings(CLF, null));
        s = patch(s, "replace", "/accessLogSettings/destinationArn", ARN);
        assertThat(s.accessLogSettings()).isEqualTo(new Stage.AccessLogSettings(CLF, ARN));
        assertThat(s.lastUpdatedDate()).isEqualTo(2_000L);
        assertThat(s.deploymentId()).isEqualTo("d1");
    }

    @Test
    void removingAccessLogSettingsTurnsAccessLoggingOff() {
        Stage s = patch(patch(Stage.of("prod", "d1", 1_000L), "replace", "/accessLogSettings/format", CLF),
                "remove", "/accessLogSettings", null);
        assertThat(s.accessLogSettings()).isNull();
    }

    @Test
    void anUnknownAccessLogFieldIsRefusedWithTheListOfPaths() {
        assertThatThrownBy(() -> patch(Stage.of("prod", "d1", 1_000L), "replace", "/accessLogSettings/level", "INFO"))
                .isInstanceOf(ControlException.class)
                .hasMessageContaining("Invalid patch path '/accessLogSettings/level' specified for op 'replace'")
                .hasMessageContaining("/accessLogSettings/format");
    }

    @Test
    void aFormatWithoutValueIsRefused() {
        assertThatThrownBy(() -> patch(Stage.of("prod", "d1", 1_000L), "replace", "/accessLogSettings/format", null))
                .isInstanceOf(ControlException.class).hasMessage("Invalid null value for /accessLogSettings/format");
    }
}

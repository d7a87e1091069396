package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a stage's methodSettings resolve for one method, as on AWS: the method's own key, else {@code *}{@code /*}. */
class StageObserveSettingsTest {

    private static Stage.MethodSetting level(LoggingLevel level, boolean dataTrace) {
        return new Stage.MethodSetting(true, level, dataTrace, null, null, null, null, null, null, null);
    }

    private static StageObserveSettings stage(Map<String, Stage.MethodSetting> settings) {
        return new StageObserveSettings("api1", "Api", "prod", settings, null, false);
    }

    @Test
    void onlyStarSlashStarAppliesToEveryMethod() {
        StageObserveSettings s = stage(Map.of("*/*", level(LoggingLevel.INFO, true)));
        assertThat(s.loggingLevel("/pets/{id}", "GET")).isEqualTo(LoggingLevel.INFO);
        assertThat(s.dataTrace("/", "POST")).isTrue();
    }

    @Test
    void aLoneMethodSettingAppliesToItsMethodOnlyWrittenPlainOrWithTilde1() {
        StageObserveSettings plain = stage(Map.of("/pets/{id}/GET", level(LoggingLevel.ERROR, false)));
        assertThat(plain.loggingLevel("/pets/{id}", "GET")).isEqualTo(LoggingLevel.ERROR);
        assertThat(plain.loggingLevel("/pets/{id}", "POST")).isEqualTo(LoggingLevel.OFF);
        StageObserveSettings escaped = stage(Map.of("~1pets~1{id}/GET", level(LoggingLevel.INFO, false)));
        assertThat(escaped.loggingLevel("/pets/{id}", "GET")).isEqualTo(LoggingLevel.INFO);
        assertThat(escaped.loggingLevel("/pets", "GET")).isEqualTo(LoggingLevel.OFF);
    }

    @Test
    void aMethodsOwnSettingWinsOverStarSlashStar() {
        StageObserveSettings s = stage(Map.of("*/*", level(LoggingLevel.ERROR, false),
                "/pets/GET", level(LoggingLevel.INFO, true)));
        assertThat(s.loggingLevel("/pets", "GET")).isEqualTo(LoggingLevel.INFO);
        assertThat(s.dataTrace("/pets", "GET")).isTrue();
        assertThat(s.loggingLevel("/pets", "DELETE")).isEqualTo(LoggingLevel.ERROR);
    }
}

package dev.gatehouse.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenCommandTest {

    @Test
    void lifetimesAreReadInShortUnitsOrIso8601() {
        assertThat(TokenCommand.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TokenCommand.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TokenCommand.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(TokenCommand.duration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(TokenCommand.duration("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void anUnreadableLifetimeIsRefusedSayingWhatIsWanted() {
        for (String bad : new String[] {"1", "h", "1w", "soon", "P1X"}) {
            assertThatThrownBy(() -> TokenCommand.duration(bad)).as(bad).isInstanceOf(CliErrors.class)
                    .hasMessage("--expires wants a duration such as 90s, 30m, 1h, 7d or PT1H, not '" + bad + "'");
        }
    }
}

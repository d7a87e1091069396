package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;

class WireHeaderNamesTest {

    @Test
    void aNameKeepsItsExactCasingAndComesBackAsTheSameAsciiStringEachTime() {
        CharSequence first = WireHeaderNames.of("X-Amzn-Trace-Id");
        assertThat(first).isInstanceOf(AsciiString.class);
        assertThat(first.toString()).isEqualTo("X-Amzn-Trace-Id");
        assertThat(WireHeaderNames.of("X-Amzn-Trace-Id")).isSameAs(first);
        assertThat(WireHeaderNames.of("x-amzn-trace-id").toString()).isEqualTo("x-amzn-trace-id");
    }

    @Test
    void aNameOutsideAsciiOrLongerThanSixtyFourCharactersPassesThroughAsItIs() {
        String accented = "X-Caf\u00e9";
        assertThat(WireHeaderNames.of(accented)).isSameAs(accented);
        String longName = "X-" + "a".repeat(70);
        assertThat(WireHeaderNames.of(longName)).isSameAs(longName);
    }
}

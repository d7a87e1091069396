package dev.gatehouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;

class WireHeaderValuesTest {

    @Test
    void anAsciiValueBecomesAnAsciiStringWithTheSameCharacters() {
        for (String v : new String[] {"application/json", "", "Thu, 03 Dec 2026 17:00:00 GMT", "a\tb", "x\r\ny", "\u007f"}) {
            CharSequence wire = WireHeaderValues.of(v);
            assertThat(wire).isInstanceOf(AsciiString.class);
            assertThat(wire.toString()).isEqualTo(v);
        }
    }

    @Test
    void aValueWithAnyOtherCharacterIsLeftAsItIsForVertxToJudge() {
        for (String v : new String[] {"caf\u00e9", "\u20ac", "\ud83d\ude00", "ok\u0080"}) {
            assertThat(WireHeaderValues.of(v)).isSameAs(v);
        }
    }
}

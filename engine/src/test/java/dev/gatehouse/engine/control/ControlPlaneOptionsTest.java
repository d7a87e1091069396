package dev.gatehouse.engine.control;

import dev.gatehouse.engine.sigv4.AccessKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ControlPlaneOptionsTest {

    @Test
    void bindsBeyondLoopbackOnlyWithAccessKeys() {
        assertThatThrownBy(() -> new ControlPlaneOptions("0.0.0.0", 0, AccessKeys.none(), 1024, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--credentials");

        assertThat(new ControlPlaneOptions("0.0.0.0", 0, AccessKeys.of("AKID", "s"), 1024, Clock.systemUTC()).host())
                .isEqualTo("0.0.0.0");
        assertThat(ControlPlaneOptions.loopback(0, AccessKeys.none()).host()).isEqualTo("127.0.0.1");
        assertThat(ControlPlaneOptions.isLoopback("localhost")).isTrue();
    }
}

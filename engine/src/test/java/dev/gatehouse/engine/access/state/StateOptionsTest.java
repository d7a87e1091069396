package dev.gatehouse.engine.access.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class StateOptionsTest {

    @Test
    void theDefaultPolicyLetsThrottlesFailOpenAndQuotasFailClosed() {
        assertThat(FailurePolicy.DEFAULT).isEqualTo(new FailurePolicy(true, false));
        assertThat(FailurePolicy.DEFAULT.toString()).isEqualTo("throttle=open,quota=closed");
    }

    @Test
    void aPolicyNamesEitherPartAndTheOtherKeepsItsDefault() {
        assertThat(FailurePolicy.parse("throttle=closed,quota=open")).isEqualTo(new FailurePolicy(false, true));
        assertThat(FailurePolicy.parse("quota=open")).isEqualTo(new FailurePolicy(true, true));
        assertThat(FailurePolicy.parse(" Throttle = CLOSED ")).isEqualTo(new FailurePolicy(false, false));
    }

    @Test
    void aWrongPolicySaysWhichPartIsWrong() {
        assertThatThrownBy(() -> FailurePolicy.parse("throttle=maybe")).hasMessage(
                "State failure policy for throttle is 'maybe'; expected open or closed");
        assertThatThrownBy(() -> FailurePolicy.parse("cache=open")).hasMessage(
                "State failure policy names 'cache'; expected throttle or quota");
        assertThatThrownBy(() -> FailurePolicy.parse("open")).hasMessage(
                "State failure policy part 'open' is not NAME=open|closed (expected throttle=open|closed,quota=open|closed)");
    }

    @Test
    void stateIsInProcessByDefaultOrARedisUrl() {
        assertThat(StateOptions.parse("in-process", FailurePolicy.DEFAULT).redis()).isNull();
        assertThat(StateOptions.parse("redis://127.0.0.1:6390", FailurePolicy.DEFAULT).redis())
                .isEqualTo(URI.create("redis://127.0.0.1:6390"));
        assertThatThrownBy(() -> StateOptions.parse("memcached://127.0.0.1:11211", FailurePolicy.DEFAULT))
                .hasMessage("State memcached://127.0.0.1:11211 is not a Redis URL; expected redis://HOST:PORT");
        assertThatThrownBy(() -> StateOptions.parse("localhost:6379", FailurePolicy.DEFAULT))
                .hasMessage("State localhost:6379 is not a Redis URL; expected redis://HOST:PORT");
        assertThatThrownBy(() -> StateOptions.parse("redis", FailurePolicy.DEFAULT))
                .hasMessage("State 'redis' is neither in-process nor a URL; expected redis://HOST:PORT");
    }
}

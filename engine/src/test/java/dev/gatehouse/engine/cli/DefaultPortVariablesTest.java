package dev.gatehouse.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultPortVariablesTest {

    @Test
    void aVariableNamingTheDefaultPortIsNotedWhenTheEngineServesOnAnotherPort() {
        Map<String, String> variables = Map.of("petstoreHost", "127.0.0.1:4010/restapis/petbackend/backend/_user_request_");

        assertThat(DefaultPortVariables.notes("PetStore", "prod", variables, 8080)).containsExactly(
                "note: PetStore / prod: stage variable petstoreHost points at 127.0.0.1:4010 (Gatehouse's default port),"
                        + " but this engine serves on 8080: requests that use it go to whatever listens on 4010."
                        + " Serve with --port 4010, or change the variable in the stage's settings (the console's Stages view).");
    }

    @Test
    void onTheDefaultPortNothingIsNoted() {
        assertThat(DefaultPortVariables.notes("PetStore", "prod", Map.of("h", "127.0.0.1:4010"), 4010)).isEmpty();
    }

    @Test
    void otherPortsAndOtherHostsAreNotNoted() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("longerPort", "127.0.0.1:40100/x");
        variables.put("otherPort", "localhost:4011");
        variables.put("remote", "api.example.com:4010");
        variables.put("plain", "legacy");

        assertThat(DefaultPortVariables.notes("Inventory", "dev", variables, 8080)).isEmpty();
    }

    @Test
    void localhostAndTheIpv6LoopbackCountAndEachVariableIsNotedOnce() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("a", "http://localhost:4010/x and again localhost:4010");
        variables.put("b", "[::1]:4010");

        assertThat(DefaultPortVariables.notes("Api", "s", variables, 0)).hasSize(2)
                .anySatisfy(n -> assertThat(n).contains("variable a points at localhost:4010"))
                .anySatisfy(n -> assertThat(n).contains("variable b points at [::1]:4010"));
    }
}

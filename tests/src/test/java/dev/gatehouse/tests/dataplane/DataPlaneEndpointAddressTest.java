package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP integration whose endpoint comes from a stage variable that is not set (the sample PetStore's
 * {@code http://${stageVariables.petstoreHost}/pets} in a draft test invoke) has no host: it must fail at once with
 * AWS's configuration error (500 {"message": "Internal server error"}, "Execution failed due to configuration
 * error: Invalid endpoint address"), not wait for the 29-second integration timeout.
 */
class DataPlaneEndpointAddressTest {

    @TempDir Path dir;

    @Test
    void anEndpointWithoutAHostFailsAtOnceAsAConfigurationError() {
        try (GatewayHarness gh = new GatewayHarness(dir)) {
            ApiDefinition api = gh.createApi("hostless", a -> withMethod(a, "/pets", Method.of("GET").withIntegration(
                    Integration.of(IntegrationType.HTTP, "GET", "http://${stageVariables.petstoreHost}/pets"))));
            String pets = api.resourceByPath("/pets").orElseThrow().id();
            TestInvokeResult result = gh.gateway.testInvoke(api.id(), pets, "GET",
                    new TestInvokeRequest("/pets", null, null, null, null));
            assertThat(result.status()).isEqualTo(500);
            assertThat(result.body()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(result.log()).contains("Execution failed due to configuration error: Invalid endpoint address");
            assertThat(result.latency()).as("milliseconds, far below the 29 s timeout").isLessThan(29_000);
        }
    }
}

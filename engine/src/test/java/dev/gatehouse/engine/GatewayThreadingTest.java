package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.observe.ConsoleTraces;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan a gateway serves (with everything it wraps around the pipeline: console traces) tells the server which
 * requests may run on the event loop: a deployed MOCK method does, a request that routes nowhere does (the error
 * mapping answers), a local function's does not — with or without the console's trace header.
 */
class GatewayThreadingTest {

    @TempDir Path temp;

    @Test
    void aServedMockRunsOnTheEventLoopAndALocalFunctionDoesNotWithOrWithoutTheConsolesTraceHeader() {
        try (Gateway gateway = Gateway.of(Workspace.create(temp.resolve("ws"), "threads"))) {
            ApiDefinition api = ApiDefinition.create("threads01", "Threads", Instant.EPOCH);
            api = api.updateResource(api.root().id(), r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock())));
            api = api.addResource(api.root().id(), "fn", "fnres01").updateResource("fnres01", r -> r.withMethod(
                    Method.of("POST").withIntegration(Integration.of(IntegrationType.AWS_PROXY, "POST",
                            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                    + "arn:aws:lambda:us-east-1:123456789012:function:hello/invocations"))));
            gateway.history().apply(Edit.createApi(api));
            gateway.deploy("threads01", "prod", null);

            assertThat(gateway.runsOnEventLoop(get("/prod/", Headers.builder().build()))).isTrue();
            assertThat(gateway.runsOnEventLoop(get("/prod/",
                    Headers.builder().set(ConsoleTraces.HEADER, "t1").build()))).isTrue();
            assertThat(gateway.runsOnEventLoop(get("/nowhere/x", Headers.builder().build()))).isTrue();
            assertThat(gateway.runsOnEventLoop(GatewayRequest.of("POST", "/prod/fn", null, Headers.builder().build(),
                    new byte[0]))).as("a local function").isFalse();
            assertThat(gateway.runsOnEventLoop(GatewayRequest.of("POST", "/prod/fn", null,
                    Headers.builder().set(ConsoleTraces.HEADER, "t2").build(), new byte[0]))).isFalse();
        }
    }

    private static GatewayRequest get(String path, Headers headers) {
        return GatewayRequest.of("GET", path, null, headers, new byte[0]);
    }
}

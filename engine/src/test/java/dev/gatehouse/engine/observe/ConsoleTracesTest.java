package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestHandler;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConsoleTracesTest {
    private final ConsoleTraces traces = new ConsoleTraces();
    private final AtomicReference<GatewayRequest> seen = new AtomicReference<>();

    /** Stands in for the pipeline: reports the events a routed MOCK method would. */
    private final RequestHandler pipeline = (request, ctx) -> {
        seen.set(request);
        ctx.events().requestStart(ctx, request);
        ctx.events().methodRequest(ctx, "GET", "/pets", Map.of(), QueryParams.parse(""), request.headers(), null);
        GatewayResponse response = GatewayResponse.of(200, Headers.empty(), "{}");
        ctx.events().methodResponse(ctx, response);
        ctx.events().requestEnd(ctx, response);
        return response;
    };

    private GatewayResponse send(Headers headers) {
        RequestContext ctx = RequestContext.create("req-1", "ext=", Instant.now(), traces);
        return traces.stripping(pipeline).handle(GatewayRequest.of("GET", "/prod/pets", headers, null), ctx);
    }

    @Test
    void aRequestCarryingTheTraceHeaderIsLoggedUnderItsIdAndTheHeaderNeverReachesTheApi() {
        send(Headers.of("Accept", "application/json", ConsoleTraces.HEADER, "trace-42"));

        assertThat(seen.get().headers().contains(ConsoleTraces.HEADER)).isFalse();
        assertThat(seen.get().headers().first("Accept")).isEqualTo("application/json");
        assertThat(traces.log("trace-42")).hasValueSatisfying(log -> assertThat(log)
                .startsWith("Execution log for request req-1")
                .contains("Method request headers: {Accept=application/json}")
                .doesNotContain("trace-42"));
    }

    @Test
    void aRequestWithoutTheHeaderIsNotRecorded() {
        send(Headers.of("Accept", "application/json"));

        assertThat(seen.get().headers().first("Accept")).isEqualTo("application/json");
        assertThat(traces.log("req-1")).isEmpty();
    }

    @Test
    void anUnusableTraceIdIsStrippedButNotRecordedAndOnlyTheNewestLogsAreKept() {
        send(Headers.of(ConsoleTraces.HEADER, "not an id!"));
        assertThat(seen.get().headers().contains(ConsoleTraces.HEADER)).isFalse();
        assertThat(traces.log("not an id!")).isEmpty();

        for (int i = 0; i <= ConsoleTraces.KEPT; i++) send(Headers.of(ConsoleTraces.HEADER, "t" + i));
        assertThat(traces.log("t0")).isEmpty();
        assertThat(traces.log("t" + ConsoleTraces.KEPT)).isPresent();
    }
}

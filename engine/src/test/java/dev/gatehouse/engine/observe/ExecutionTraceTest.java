package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.errors.ErrorMappingFilter;
import dev.gatehouse.engine.integration.BackendFailure;
import dev.gatehouse.engine.integration.BackendResponse;
import dev.gatehouse.engine.integration.HttpBackend;
import dev.gatehouse.engine.integration.HttpProxyIntegration;
import dev.gatehouse.engine.integration.MockIntegration;
import dev.gatehouse.engine.integration.UriTemplate;
import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.Pipeline;
import dev.gatehouse.engine.pipeline.QueryParams;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.routing.ApiPlan;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RouteTable;
import dev.gatehouse.engine.routing.RoutingFilter;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.routing.StagePlan;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served path captures a request's execution-log events ({@link ExecutionTrace}) and the writer writes them
 * out later ({@link ExecutionLog#replay}): the text must be the one the live {@link ExecutionLog} writes while the
 * request runs (the reference: the format its own tests hold to AWS's), for every kind of event.
 */
class ExecutionTraceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2018-08-21T05:00:49Z"), ZoneOffset.UTC);
    private static final String T = "Tue Aug 21 05:00:49 UTC 2018 : ";

    /** The live log's text and the replayed trace's, for one request through the pipeline. */
    private record Both(ExecutionLog live, ExecutionLog replayed, RequestRecord record) { }

    private static Both run(MethodPlan method, String resource, GatewayRequest request) {
        RouteTable<MethodPlan> routes = RouteTable.<MethodPlan>builder().add(resource, method.httpMethod(), method).build();
        RuntimePlan plan = new RuntimePlan(Map.of("a1", new ApiPlan("a1", null,
                Map.of("test", new StagePlan("test", "d1", Map.of(), routes)))), null, null);
        ObserveSettings settings = new ObserveSettings();
        settings.put(new StageObserveSettings("a1", "api", "test",
                Map.of("*/*", new Stage.MethodSetting(false, LoggingLevel.INFO, true, null, null, null, null, null, null, null)),
                null, false));
        ObserveQueue queue = new ObserveQueue(4);
        ExecutionLog live = new ExecutionLog(CLOCK);
        RequestContext ctx = RequestContext.create("2be4ca29-0000-4000-8000-000000000001", "abc=", CLOCK.instant(),
                GatewayEventListener.composite(List.of(live, new ObservingListener(settings, queue, CLOCK))));
        try {
            new Pipeline(List.of(ErrorMappingFilter.INSTANCE, new RoutingFilter(plan))).handle(request, ctx);
        } catch (RuntimeException | Error thrown) {
            // requestFailed was reported (the server answers 500 on its own)
        }
        return new Both(live, new ExecutionLog(Clock.systemUTC()).replay(record(queue).executionTrace()), record(queue));
    }

    private static RequestRecord record(ObserveQueue queue) {
        List<RequestRecord> out = new ArrayList<>();
        try {
            queue.drain(out, 1, 1000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(out).hasSize(1);
        // put back for the next look
        queue.offer(out.getFirst());
        return out.getFirst();
    }

    private static void assertSameText(Both both) {
        assertThat(both.replayed().text()).isEqualTo(both.live().text());
        assertThat(both.replayed().storedText()).isEqualTo(both.live().storedText());
        assertThat(both.record().executionLog()).as("no text is written on the request path").isNull();
    }

    @Test
    void aMockRequestReplaysToTheLiveText() {
        MethodPlan mock = new MethodPlan("r1", "/pets/{petId}", "GET", "MOCK", List.of(MockIntegration.INSTANCE));
        Both both = run(mock, "/pets/{petId}", GatewayRequest.of("GET", "/test/pets/123?foo=bar&foo=baz",
                Headers.of("Accept", "application/json", "Authorization", "Bearer abcdefghijkl123456"), null));
        assertThat(both.live().text()).contains(T + "Method request query string: {foo=baz}\n");
        assertSameText(both);
    }

    @Test
    void anHttpProxyExchangeReplaysToTheLiveText() {
        HttpBackend backend = request -> new BackendResponse(200,
                Headers.of("Content-Type", "application/json", "Date", "Tue, 21 Aug 2018 05:00:49 GMT"),
                "[{\"id\":1,\"name\":\"Zoë 🐱\"}]".getBytes(StandardCharsets.UTF_8), 12);
        MethodPlan proxy = new MethodPlan("r2", "/{proxy+}", "POST", "HTTP_PROXY", List.of(new HttpProxyIntegration(
                "ANY", UriTemplate.compile("http://backend.test/{proxy}"), Duration.ofSeconds(29), backend)));
        Both both = run(proxy, "/{proxy+}", GatewayRequest.of("POST", "/test/pets",
                Headers.of("x-api-key", "abcdefghijklmnopqrstuvwxyz123456"), "{\"a\":\"x".repeat(300).getBytes(StandardCharsets.UTF_8)));
        assertThat(both.live().text()).contains(T + "Received response. Status: 200, Integration latency: 12 ms\n")
                .contains(" [TRUNCATED]\n");
        assertSameText(both);
    }

    @Test
    void aTimeoutReplaysToTheLiveTextWithItsFailureLine() {
        HttpBackend slow = request -> { throw new BackendFailure(BackendFailure.Kind.TIMEOUT, "timeout", null); };
        MethodPlan proxy = new MethodPlan("r2", "/slow", "GET", "HTTP_PROXY", List.of(new HttpProxyIntegration(
                "GET", UriTemplate.compile("http://backend.test/slow"), Duration.ofMillis(50), slow)));
        Both both = run(proxy, "/slow", GatewayRequest.of("GET", "/test/slow", Headers.empty(), null));
        assertThat(both.live().text()).endsWith(T + "Execution failed due to a timeout error\n"
                + T + "Method completed with status: 504\n");
        assertSameText(both);
    }

    @Test
    void aRequestThatFailsOutsideThePipelineReplaysToTheLiveTextWithTheInternalErrorLines() {
        MethodPlan broken = new MethodPlan("r1", "/m", "GET", "MOCK", List.of((req, chain) -> {
            throw new Error("a bug");
        }));
        Both both = run(broken, "/m", GatewayRequest.of("GET", "/test/m", Headers.empty(), null));
        assertThat(both.live().text()).endsWith(T + "Execution failed due to an internal error\n"
                + T + "Method completed with status: 500\n");
        assertSameText(both);
    }

    @Test
    void aBodyHoldingAPhraseCodeReplaysToTheLiveTextStoredAsPlainText() {
        MethodPlan mock = new MethodPlan("r1", "/m", "GET", "MOCK", List.of((req, chain) ->
                GatewayResponse.of(200, null, "a\u0001b\u001e")));
        Both both = run(mock, "/m", GatewayRequest.of("GET", "/test/m", Headers.empty(), null));
        assertThat(both.live().storedText()).isEqualTo(both.live().text());
        assertSameText(both);
    }

    /** Each reading one second after the one before: lines of later seconds keep their own time. */
    private static final class Ticking extends Clock {
        private long second = Instant.parse("2018-08-21T05:00:49Z").getEpochSecond();
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochSecond(second++); }
    }

    @Test
    void eachEventsLinesCarryThatEventsTimeAndLaterSecondsKeepTheirOwn() {
        ObserveSettings settings = new ObserveSettings();
        settings.put(new StageObserveSettings("a1", "api", "test",
                Map.of("*/*", new Stage.MethodSetting(false, LoggingLevel.INFO, true, null, null, null, null, null, null, null)),
                null, false));
        ObserveQueue queue = new ObserveQueue(4);
        ObservingListener listener = new ObservingListener(settings, queue, new Ticking());
        RequestContext ctx = RequestContext.create("2be4ca29-0000-4000-8000-000000000005", "abc=", CLOCK.instant(), listener);
        ctx.put(dev.gatehouse.engine.pipeline.ContextKeys.API_ID, "a1");
        ctx.put(dev.gatehouse.engine.pipeline.ContextKeys.STAGE, "test");
        GatewayRequest request = GatewayRequest.of("GET", "/test/pets", Headers.of("Host", "localhost"), null);
        GatewayResponse response = new GatewayResponse(200, Headers.of("Content-Type", "application/json"), null);
        listener.requestStart(ctx, request);
        listener.methodRequest(ctx, "GET", "/pets", Map.of(), QueryParams.empty(), request.headers(), null); // 49
        listener.endpointRequest(ctx, "GET", "http://backend.test/pets", Headers.of("Accept", "*/*"), null); // 50
        listener.endpointResponse(ctx, 200, 2, Headers.of(), null); // 51
        listener.methodResponse(ctx, response); // 52
        listener.requestEnd(ctx, response); // 53

        ExecutionLog log = new ExecutionLog(Clock.systemUTC()).replay(record(queue).executionTrace());

        String at = "Tue Aug 21 05:00:%d UTC 2018 : ";
        assertThat(log.text()).isEqualTo("Execution log for request 2be4ca29-0000-4000-8000-000000000005\n"
                + at.formatted(49) + "Starting execution for request: 2be4ca29-0000-4000-8000-000000000005\n"
                + at.formatted(49) + "HTTP Method: GET, Resource Path: /pets\n"
                + at.formatted(49) + "Method request path: {}\n"
                + at.formatted(49) + "Method request query string: {}\n"
                + at.formatted(49) + "Method request headers: {Host=localhost}\n"
                + at.formatted(49) + "Method request body before transformations: \n"
                + at.formatted(50) + "Endpoint request URI: http://backend.test/pets\n"
                + at.formatted(50) + "Endpoint request headers: {Accept=*/*}\n"
                + at.formatted(50) + "Endpoint request body after transformations: \n"
                + at.formatted(50) + "Sending request to http://backend.test/pets\n"
                + at.formatted(51) + "Received response. Status: 200, Integration latency: 2 ms\n"
                + at.formatted(51) + "Endpoint response headers: {}\n"
                + at.formatted(51) + "Endpoint response body before transformations: \n"
                + at.formatted(52) + "Method response body after transformations: \n"
                + at.formatted(52) + "Method response headers: {Content-Type=application/json}\n"
                + at.formatted(53) + "Successfully completed execution\n"
                + at.formatted(53) + "Method completed with status: 200\n");
        assertThat(ExecutionLogText.expand(log.storedText())).isEqualTo(log.text());
    }

    @Test
    void aPathParameterMapChangedAfterItsEventIsLoggedAsItWasAtTheEvent() {
        ObserveSettings settings = new ObserveSettings();
        settings.put(new StageObserveSettings("a1", "api", "test",
                Map.of("*/*", new Stage.MethodSetting(false, LoggingLevel.INFO, true, null, null, null, null, null, null, null)),
                null, false));
        ObserveQueue queue = new ObserveQueue(4);
        ObservingListener listener = new ObservingListener(settings, queue, CLOCK);
        RequestContext ctx = RequestContext.create("2be4ca29-0000-4000-8000-000000000006", "abc=", CLOCK.instant(), listener);
        ctx.put(dev.gatehouse.engine.pipeline.ContextKeys.API_ID, "a1");
        ctx.put(dev.gatehouse.engine.pipeline.ContextKeys.STAGE, "test");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("b", "2");
        params.put("a", "1");
        GatewayRequest request = GatewayRequest.of("GET", "/test/x/2/1", Headers.empty(), null);
        GatewayResponse response = new GatewayResponse(200, Headers.empty(), null);
        listener.requestStart(ctx, request);
        listener.methodRequest(ctx, "GET", "/x/{b}/{a}", params, QueryParams.empty(), request.headers(), null);
        params.put("c", "changed later");
        params.remove("a");
        listener.requestEnd(ctx, response);

        ExecutionLog log = new ExecutionLog(Clock.systemUTC()).replay(record(queue).executionTrace());

        // the live log writes the map when the event arrives: in its iteration order, as it was then
        assertThat(log.text()).contains(T + "Method request path: {b=2, a=1}\n");
    }

    @Test
    void oneReusedLogReplaysRequestAfterRequestWithNothingLeftOver() {
        MethodPlan mock = new MethodPlan("r1", "/m", "GET", "MOCK", List.of((req, chain) ->
                GatewayResponse.of(200, null, "x".repeat(5000))));
        Both big = run(mock, "/m", GatewayRequest.of("GET", "/test/m", Headers.empty(), null));
        MethodPlan small = new MethodPlan("r1", "/pets/{petId}", "GET", "MOCK", List.of(MockIntegration.INSTANCE));
        Both after = run(small, "/pets/{petId}", GatewayRequest.of("GET", "/test/pets/1", Headers.empty(), null));

        ExecutionLog reused = new ExecutionLog(Clock.systemUTC());
        reused.replay(big.record().executionTrace());
        assertThat(reused.text()).isEqualTo(big.live().text());
        reused.replay(after.record().executionTrace());
        assertThat(reused.text()).isEqualTo(after.live().text());
        assertThat(reused.storedText()).isEqualTo(after.live().storedText());
    }
}

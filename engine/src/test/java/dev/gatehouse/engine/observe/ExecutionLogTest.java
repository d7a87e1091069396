package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.errors.ErrorMappingFilter;
import dev.gatehouse.engine.integration.BackendFailure;
import dev.gatehouse.engine.integration.BackendResponse;
import dev.gatehouse.engine.integration.HttpBackend;
import dev.gatehouse.engine.integration.HttpProxyIntegration;
import dev.gatehouse.engine.integration.MockIntegration;
import dev.gatehouse.engine.integration.UriTemplate;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.Pipeline;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2018-08-21T05:00:49Z"), ZoneOffset.UTC);
    private static final String T = "Tue Aug 21 05:00:49 UTC 2018 : ";

    private static String run(MethodPlan method, String resource, GatewayRequest request) {
        RouteTable<MethodPlan> routes = RouteTable.<MethodPlan>builder().add(resource, "GET", method).build();
        RuntimePlan plan = new RuntimePlan(Map.of("a1", new ApiPlan("a1", null,
                Map.of("test", new StagePlan("test", "d1", Map.of(), routes)))), null, null);
        ExecutionLog log = new ExecutionLog(CLOCK);
        RequestContext ctx = RequestContext.create("2be4ca29-0000-4000-8000-000000000001", "abc=", CLOCK.instant(), log);
        new Pipeline(List.of(ErrorMappingFilter.INSTANCE, new RoutingFilter(plan))).handle(request, ctx);
        return log.text();
    }

    @Test
    void aMockMethodLogsWithoutEndpointLines() {
        MethodPlan mock = new MethodPlan("r1", "/pets/{petId}", "GET", "MOCK", List.of(MockIntegration.INSTANCE));
        String log = run(mock, "/pets/{petId}", GatewayRequest.of("GET", "/test/pets/123?foo=bar&foo=baz",
                Headers.of("Accept", "application/json"), null));
        assertThat(log).isEqualTo("""
                Execution log for request 2be4ca29-0000-4000-8000-000000000001
                T HTTP Method: GET, Resource Path: /pets/123
                T Method request path: {petId=123}
                T Method request query string: {foo=baz}
                T Method request headers: {Accept=application/json}
                T Method request body before transformations:\s
                T Method response body after transformations:\s
                T Method response headers: {Content-Type=application/json}
                T Successfully completed execution
                T Method completed with status: 200
                """.replace("T ", T).replace(T + "HTTP", T + "Starting execution for request: 2be4ca29-0000-4000-8000-000000000001\n" + T + "HTTP"));
    }

    @Test
    void aResponseWithoutABodyLogsAnEmptyBodyLine() {
        // a 204 from a backend carries no body; the line is still written, empty after the colon
        ExecutionLog log = new ExecutionLog(CLOCK);
        RequestContext ctx = RequestContext.create("2be4ca29-0000-4000-8000-000000000002", "abd=", CLOCK.instant(), log);

        log.endpointResponse(ctx, 204, 3, Headers.of(), null);

        assertThat(log.text()).contains(T + "Received response. Status: 204, Integration latency: 3 ms\n"
                + T + "Endpoint response headers: {}\n"
                + T + "Endpoint response body before transformations: \n");
    }

    @Test
    void anHttpProxyMethodLogsTheEndpointExchangeWithAuthorizationMasked() {
        HttpBackend backend = request -> new BackendResponse(200,
                Headers.of("Content-Type", "application/json", "Date", "Tue, 21 Aug 2018 05:00:49 GMT"),
                "[{\"id\":1}]".getBytes(StandardCharsets.UTF_8), 12);
        MethodPlan proxy = new MethodPlan("r2", "/{proxy+}", "GET", "HTTP_PROXY", List.of(new HttpProxyIntegration(
                "ANY", UriTemplate.compile("http://backend.test/{proxy}"), Duration.ofSeconds(29), backend)));
        String log = run(proxy, "/{proxy+}", GatewayRequest.of("GET", "/test/pets",
                Headers.of("Authorization", "Bearer abcdefghijkl123456"), null))
                .replaceAll("Root=1-[0-9a-f]{8}-[0-9a-f]{24}", "Root=TRACE");
        assertThat(log).isEqualTo(("""
                Execution log for request 2be4ca29-0000-4000-8000-000000000001
                T Starting execution for request: 2be4ca29-0000-4000-8000-000000000001
                T HTTP Method: GET, Resource Path: /pets
                T Method request path: {proxy=pets}
                T Method request query string: {}
                T Method request headers: {Authorization=*******************123456}
                T Method request body before transformations:\s
                T Endpoint request URI: http://backend.test/pets
                T Endpoint request headers: {Authorization=*******************123456, X-Amzn-Apigateway-Api-Id=a1, \
                User-Agent=AmazonAPIGateway_a1, X-Amzn-Trace-Id=Root=TRACE}
                T Endpoint request body after transformations:\s
                T Sending request to http://backend.test/pets
                T Received response. Status: 200, Integration latency: 12 ms
                T Endpoint response headers: {Content-Type=application/json, Date=Tue, 21 Aug 2018 05:00:49 GMT}
                T Endpoint response body before transformations: [{"id":1}]
                T Method response body after transformations: [{"id":1}]
                T Method response headers: {Content-Type=application/json, x-amzn-Remapped-Date=Tue, 21 Aug 2018 05:00:49 GMT}
                T Successfully completed execution
                T Method completed with status: 200
                """).replace("T ", T));
    }

    @Test
    void theApiKeyHeaderIsMaskedLikeAuthorizationAllButItsLastSixCharacters() {
        MethodPlan mock = new MethodPlan("r1", "/pets", "GET", "MOCK", List.of(MockIntegration.INSTANCE));
        String log = run(mock, "/pets", GatewayRequest.of("GET", "/test/pets",
                Headers.of("x-api-key", "abcdefghijklmnopqrstuvwxyz123456"), null));
        // 32 characters: 26 masked, "123456" shown
        assertThat(log).contains("Method request headers: {x-api-key=**************************123456}")
                .doesNotContain("abcdefghijklmnopqrstuvwxyz");
    }

    @Test
    void aTimeoutEndsWithTheFailureLineAndTheStatus() {
        HttpBackend slow = request -> { throw new BackendFailure(BackendFailure.Kind.TIMEOUT, "timeout", null); };
        MethodPlan proxy = new MethodPlan("r2", "/slow", "GET", "HTTP_PROXY", List.of(new HttpProxyIntegration(
                "GET", UriTemplate.compile("http://backend.test/slow"), Duration.ofMillis(50), slow)));
        String log = run(proxy, "/slow", GatewayRequest.of("GET", "/test/slow", Headers.empty(), null));
        assertThat(log).endsWith(("""
                T Sending request to http://backend.test/slow
                T Execution failed due to a timeout error
                T Method completed with status: 504
                """).replace("T ", T)).doesNotContain("Successfully completed");
    }

    @Test
    void aBadMockTemplateEndsWithAConfigurationError() {
        MethodPlan mock = new MethodPlan("r1", "/m", "GET", "MOCK", List.of(MockIntegration.INSTANCE));
        String log = run(mock, "/m", GatewayRequest.of("GET", "/test/m", Headers.empty(),
                "{\"statusCode\": \"abc\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(log).endsWith((T + "Execution failed due to configuration error: Unable to parse statusCode. "
                + "It should be an integer that is defined in the request template.\n"
                + T + "Method completed with status: 500\n"));
    }

    @Test
    void longValuesAreTruncatedAfter998Characters() {
        String body = "x".repeat(1500);
        MethodPlan mock = new MethodPlan("r1", "/m", "GET", "MOCK", List.of((req, chain) ->
                dev.gatehouse.engine.pipeline.GatewayResponse.of(200, null, body)));
        String log = run(mock, "/m", GatewayRequest.of("GET", "/test/m", Headers.empty(), null));
        assertThat(log).contains(T + "Method response body after transformations: " + "x".repeat(998) + " [TRUNCATED]\n");
    }

    @Test
    void aRepeatedHeaderIsOneEntryWithItsValuesJoinedByCommasAndACredentialIsMaskedOverAllItsValues() {
        Headers headers = Headers.builder().add("Accept", "text/html").add("Authorization", "Bearer abc")
                .add("accept", "application/json").add("Authorization", "Bearer 0123456789").add("x-api-key", "k12")
                .build();
        // Authorization joined: "Bearer abc,Bearer 0123456789" (28 characters): 22 masked, "456789" shown;
        // "k12" is shorter than six characters, so nothing of it is masked
        assertThat(ExecutionLog.headerMap(headers)).isEqualTo(
                "{Accept=text/html,application/json, Authorization=**********************456789, x-api-key=k12}");
    }

    @Test
    void aLongHeaderMapIsCutLikeAnyValueBracesIncluded() {
        ExecutionLog log = new ExecutionLog(CLOCK);
        RequestContext ctx = RequestContext.create("2be4ca29-0000-4000-8000-000000000003", "abe=", CLOCK.instant(), log);

        log.endpointResponse(ctx, 200, 1, Headers.of("X-Long", "y".repeat(2000)), null);

        // "{X-Long=" is 8 characters, so 990 of the value fit in the 998 kept
        assertThat(log.text()).contains(T + "Endpoint response headers: {X-Long=" + "y".repeat(990) + " [TRUNCATED]\n"
                + T + "Endpoint response body before transformations: \n");
    }

    private static ExecutionLog proxyExchange(Clock clock, byte[] responseBody) {
        ExecutionLog log = new ExecutionLog(clock);
        RequestContext ctx = RequestContext.create("2be4ca29-0000-4000-8000-000000000004", "abf=", clock.instant(), log);
        GatewayRequest request = GatewayRequest.of("GET", "/test/pets", Headers.of("Host", "localhost"), null);
        log.requestStart(ctx, request);
        log.methodRequest(ctx, "GET", "/pets", Map.of(), dev.gatehouse.engine.pipeline.QueryParams.empty(),
                request.headers(), null);
        log.endpointRequest(ctx, "GET", "http://backend.test/pets", Headers.of("Accept", "*/*"), null);
        log.endpointResponse(ctx, 200, 2, Headers.of("Content-Type", "application/json"), responseBody);
        dev.gatehouse.engine.pipeline.GatewayResponse response = new dev.gatehouse.engine.pipeline.GatewayResponse(
                200, Headers.of("Content-Type", "application/json"), responseBody);
        log.methodResponse(ctx, response);
        log.requestEnd(ctx, response);
        return log;
    }

    @Test
    void theStoredFormIsShorterAndReadsBackAsTheExactText() {
        ExecutionLog log = proxyExchange(CLOCK, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        String text = log.text();

        // 17 timed lines of the same second: 16 of them lose their 31-character time for one character; each fixed
        // phrase becomes one character; the form adds the time once between two marks
        assertThat(text.lines().filter(l -> l.startsWith(T))).hasSize(17);
        int phraseSaving = 0;
        for (String phrase : List.of("Execution log for request ", "Starting execution for request: ", "HTTP Method: ",
                ", Resource Path: ", "Method request path: ", "Method request query string: ", "Method request headers: ",
                "Method request body before transformations: ", "Endpoint request URI: ", "Endpoint request headers: ",
                "Endpoint request body after transformations: ", "Sending request to ", "Received response. Status: ",
                ", Integration latency: ", "Endpoint response headers: ", "Endpoint response body before transformations: ",
                "Method response body after transformations: ", "Method response headers: ",
                "Successfully completed execution", "Method completed with status: ")) {
            assertThat(text).as(phrase).containsOnlyOnce(phrase); // this exchange logs each phrase once
            phraseSaving += phrase.length() - 1;
        }
        assertThat(log.storedText()).hasSize(text.length() - 16 * 30 - phraseSaving + 2 + 31);
        assertThat(ExecutionLogText.expand(log.storedText())).isEqualTo(text);
        assertThat(text).startsWith("Execution log for request 2be4ca29-0000-4000-8000-000000000004\n" + T
                + "Starting execution for request: ").doesNotContain("\u001e");
    }

    @Test
    void linesOfALaterSecondKeepTheirOwnTime() {
        // each reading of this clock is one second later than the one before
        Clock ticking = new Clock() {
            private long second = Instant.parse("2018-08-21T05:00:49Z").getEpochSecond();
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return Instant.ofEpochSecond(second++); }
        };
        ExecutionLog log = proxyExchange(ticking, null);

        assertThat(log.text()).contains("Tue Aug 21 05:00:51 UTC 2018 : HTTP Method: GET, Resource Path: /pets\n");
        assertThat(ExecutionLogText.expand(log.storedText())).isEqualTo(log.text());
    }

    @Test
    void aBodyHoldingTheMarkerCharacterIsStoredAsPlainText() {
        ExecutionLog log = proxyExchange(CLOCK, "a\u001eb\n\u001ec".getBytes(StandardCharsets.UTF_8));

        assertThat(log.storedText()).isEqualTo(log.text()).startsWith("Execution log for request ");
        assertThat(ExecutionLogText.expand(log.storedText())).contains("transformations: a\u001eb\n\u001ec\n");
    }

    @Test
    void aBodyHoldingAPhraseCodeOrTheEndMarkIsStoredAsPlainText() {
        for (String body : List.of("a\u0001b", "x\u000ey", "z\u001f")) {
            ExecutionLog log = proxyExchange(CLOCK, body.getBytes(StandardCharsets.UTF_8));

            assertThat(log.storedText()).isEqualTo(log.text()).contains("transformations: " + body + "\n");
            assertThat(ExecutionLogText.expand(log.storedText())).isEqualTo(log.text());
        }
    }

    @Test
    void aBodyBeyondAsciiIsLoggedAsItsUtf8TextAndCutAfter998Characters() {
        ExecutionLog short_ = proxyExchange(CLOCK, "{\"name\":\"Zoë 🐱\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(short_.text()).contains(T + "Method response body after transformations: {\"name\":\"Zoë 🐱\"}\n");

        // 1,200 three-byte characters after one ASCII one: 998 characters kept, whatever their bytes
        String body = "a" + "€".repeat(1200);
        ExecutionLog cut = proxyExchange(CLOCK, body.getBytes(StandardCharsets.UTF_8));
        assertThat(cut.text()).contains(T + "Method response body after transformations: a" + "€".repeat(997) + " [TRUNCATED]\n");
        assertThat(ExecutionLogText.expand(cut.storedText())).isEqualTo(cut.text());

        // exactly 998 characters: kept whole
        String whole = "é".repeat(998);
        assertThat(proxyExchange(CLOCK, whole.getBytes(StandardCharsets.UTF_8)).text())
                .contains(T + "Method response body after transformations: " + whole + "\n");
    }

    @Test
    void aRowOfTheFirstCompactFormWithoutPhraseCodesReadsBackAsItsText() {
        String first = "Execution log for request x\n" + T + "Starting execution for request: x\n"
                + "\u001eHTTP Method: GET, Resource Path: /\n\u001e" + T + "\u001e";
        assertThat(ExecutionLogText.expand(first)).isEqualTo("Execution log for request x\n" + T
                + "Starting execution for request: x\n" + T + "HTTP Method: GET, Resource Path: /\n");
    }

    @Test
    void aLogStoredAsTextBeforeTheCompactFormReadsBackUnchanged() {
        String old = "Execution log for request x\n" + T + "Starting execution for request: x\n";
        assertThat(ExecutionLogText.expand(old)).isSameAs(old);
        assertThat(ExecutionLogText.expand(null)).isNull();
    }
}

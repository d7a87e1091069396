package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.mapping.IntegrationKeys;
import dev.gatehouse.engine.mapping.IntegrationParameters;
import dev.gatehouse.engine.mapping.ResponseSelector;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.FilterChain;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IntegrationMechanicsTest {

    @Test
    void uriTemplatesEncodeProxyValuesKeepingSlashesAndInsertStageVariables() {
        UriTemplate t = UriTemplate.compile("http://${stageVariables.host}/api/{proxy}?v=${stageVariables.v}");
        assertThat(t.expand(Map.of("proxy", "a b/ü/c"), Map.of("host", "backend.test:8080", "v", "2")))
                .isEqualTo("http://backend.test:8080/api/a%20b/%C3%BC/c?v=2");
        assertThat(UriTemplate.compile("http://b/{id}").expand(Map.of(), Map.of())).isEqualTo("http://b/");
        assertThatThrownBy(() -> UriTemplate.compile("ftp://x")).hasMessageContaining("Invalid HTTP endpoint");
    }

    @Test
    void mockStatusComesFromTheRenderedRequestTemplate() {
        assertThat(MockIntegration.statusCode(bytes("{\"statusCode\": 404}"))).isEqualTo(404);
        assertThat(MockIntegration.statusCode(bytes("{\"statusCode\": \"201\"}"))).isEqualTo(201);
        assertThat(MockIntegration.statusCode(bytes(""))).isEqualTo(200);
        assertThat(MockIntegration.statusCode(bytes("{\"other\": 1}"))).isEqualTo(200);
        assertThatThrownBy(() -> MockIntegration.statusCode(bytes("not json"))).isInstanceOf(GatewayException.class)
                .satisfies(e -> assertThat(((GatewayException) e).status()).isEqualTo(500));
        assertThatThrownBy(() -> MockIntegration.statusCode(bytes("{\"statusCode\": 99}"))).isInstanceOf(GatewayException.class);
    }

    @Test
    void theSameRenderedTemplateAgainGivesItsOwnStatusWhateverCameBetween() {
        byte[] notFound = bytes("{\"statusCode\": 404}");
        for (int i = 0; i < 3; i++) {
            assertThat(MockIntegration.statusCode(notFound)).isEqualTo(404);
            assertThat(MockIntegration.statusCode(notFound.clone())).isEqualTo(404);
            assertThat(MockIntegration.statusCode(bytes("{\"statusCode\": 202}"))).isEqualTo(202);
            assertThatThrownBy(() -> MockIntegration.statusCode(bytes("{\"statusCode\": 700}")))
                    .isInstanceOf(GatewayException.class);
            assertThatThrownBy(() -> MockIntegration.statusCode(bytes("{\"statusCode\": 700}")))
                    .as("an invalid template fails every time, never from a remembered status").isInstanceOf(GatewayException.class);
        }
        byte[] changing = bytes("{\"statusCode\": 201}");
        assertThat(MockIntegration.statusCode(changing)).isEqualTo(201);
        changing[15] = (byte) '3'; // the caller's array changes after the call: the remembered copy does not
        assertThat(MockIntegration.statusCode(changing)).isEqualTo(301);
    }

    @Test
    void responseSelectionTriesPatternsInOrderThenTheDefault() {
        ResponseSelector<String> s = ResponseSelector.<String>builder()
                .add("2\\d{2}", "ok").add(".*Not Found.*", "missing").add("", "default").build();
        assertThat(s.select("204")).isEqualTo("ok");
        assertThat(s.select("Pet Not Found")).isEqualTo("missing");
        assertThat(s.select("500")).isEqualTo("default");
        assertThat(ResponseSelector.<String>builder().add("2\\d{2}", "ok").build().select("500")).isNull();
        assertThat(ResponseSelector.<String>builder().add("2", "ok").build().select("201")).isNull();
    }

    @Test
    void backendFailuresBecomeAwsStatusesAndLogLines() {
        assertThat(failure(BackendFailure.Kind.TIMEOUT).status()).isEqualTo(504);
        assertThat(failure(BackendFailure.Kind.TIMEOUT).logLine()).isEqualTo("Execution failed due to a timeout error");
        assertThat(failure(BackendFailure.Kind.CONNECT_FAILED).status()).isEqualTo(500);
        assertThat(failure(BackendFailure.Kind.CONNECT_FAILED).logLine())
                .isEqualTo("Execution failed due to configuration error: detail");
        assertThat(failure(BackendFailure.Kind.PROTOCOL_ERROR).status()).isEqualTo(502);
        assertThat(failure(BackendFailure.Kind.RESPONSE_TOO_LARGE).status()).isEqualTo(502);
        assertThat(LoopHttpBackend.classify(new java.net.ConnectException("refused")).kind())
                .isEqualTo(BackendFailure.Kind.CONNECT_FAILED);
        assertThat(LoopHttpBackend.classify(new java.net.UnknownHostException("x")).getMessage())
                .isEqualTo("Invalid endpoint address");
    }

    @Test
    void httpProxyDropsHopByHopHeadersBothWaysAndMergesMappedParameters() {
        AtomicReference<BackendRequest> sent = new AtomicReference<>();
        HttpBackend backend = request -> {
            sent.set(request);
            return new BackendResponse(200, Headers.of("Connection", "keep-alive", "Transfer-Encoding", "chunked",
                    "X-Up", "1"), bytes("ok"), 3);
        };
        RequestContext ctx = RequestContext.create(null);
        ctx.put(ContextKeys.API_ID, "a1").put(ContextKeys.PATH_PARAMETERS, Map.of("id", "7"));
        ctx.put(IntegrationKeys.PARAMETERS, new IntegrationParameters(Map.of(), Map.of("extra", "a b"), Map.of("X-Mapped", "m")));
        GatewayRequest request = GatewayRequest.of("DELETE", "/prod/items/7?q=1", Headers.of(
                "Connection", "keep-alive, X-Secret", "X-Secret", "s", "Keep-Alive", "5", "Host", "gw", "X-Kept", "k"), null);
        GatewayResponse response = FilterChain.run(List.of(new HttpProxyIntegration("ANY",
                UriTemplate.compile("http://backend.test/items/{id}"), Duration.ofSeconds(1), backend)), request, ctx);
        BackendRequest r = sent.get();
        assertThat(r.method()).isEqualTo("DELETE");
        assertThat(r.uri().toString()).isEqualTo("http://backend.test/items/7?q=1&extra=a+b");
        assertThat(r.headers().names()).containsExactly("X-Kept", "X-Mapped", "X-Amzn-Apigateway-Api-Id", "User-Agent", "X-Amzn-Trace-Id");
        assertThat(r.headers().first("User-Agent")).isEqualTo("AmazonAPIGateway_a1");
        // AWS renames the backend's Connection (as it does Content-Length, Date, Server) instead of dropping it
        assertThat(response.headers().names()).containsExactly("x-amzn-Remapped-Connection", "X-Up");
        assertThat(response.headers().first("x-amzn-Remapped-Connection")).isEqualTo("keep-alive");
    }

    @Test
    void httpIntegrationSendsOnlyMappedParametersAndGatewayHeaders() {
        AtomicReference<BackendRequest> sent = new AtomicReference<>();
        HttpBackend backend = request -> {
            sent.set(request);
            return new BackendResponse(200, Headers.empty(), bytes("{}"), 1);
        };
        RequestContext ctx = RequestContext.create(null);
        ctx.put(ContextKeys.API_ID, "a1").put(ContextKeys.STAGE_VARIABLES, Map.of("ver", "v2"));
        ctx.put(IntegrationKeys.PARAMETERS, new IntegrationParameters(Map.of("petId", "9"), Map.of(), Map.of()));
        GatewayRequest request = GatewayRequest.of("GET", "/prod/pets/9?ignored=1", Headers.of("X-Client", "c"), null);
        FilterChain.run(List.of(new HttpIntegration("POST", UriTemplate.compile("http://b.test/${stageVariables.ver}/pets/{petId}"),
                Duration.ofSeconds(1), backend)), request, ctx);
        assertThat(sent.get().method()).isEqualTo("POST");
        assertThat(sent.get().uri().toString()).isEqualTo("http://b.test/v2/pets/9");
        assertThat(sent.get().headers().names()).containsExactly("Accept", "X-Amzn-Apigateway-Api-Id", "User-Agent", "X-Amzn-Trace-Id");
    }

    private static GatewayException failure(BackendFailure.Kind kind) {
        return new BackendFailure(kind, "detail", null).toGatewayException();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

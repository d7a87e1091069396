package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.mapping.IntegrationKeys;
import dev.gatehouse.engine.payload.BinaryMediaTypes;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.FilterChain;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** AWS and AWS_PROXY on functions, with a lambda standing in for Lambda's Invoke API (no process, no network). */
class FunctionIntegrationsTest {

    private static final LambdaTarget TARGET = LambdaTarget.of("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
            + "functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations");

    private static HttpBackend answering(AtomicReference<BackendRequest> sent, String payload, String functionError,
                                         String log) {
        return request -> {
            sent.set(request);
            Headers.Builder h = Headers.builder().set("X-Amzn-RequestId", "req-1");
            if (functionError != null) h.set("X-Amz-Function-Error", functionError);
            if (log != null) h.set("X-Amz-Log-Result", Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8)));
            return new BackendResponse(200, h.build(), payload.getBytes(StandardCharsets.UTF_8), 2);
        };
    }

    private static RequestContext context(List<String> logLines) {
        RequestContext ctx = RequestContext.create(new GatewayEventListener() {
            @Override public void integrationLog(RequestContext c, String line) {
                logLines.add(line);
            }
        });
        ctx.put(ContextKeys.API_ID, "a1").put(ContextKeys.STAGE, "prod").put(ContextKeys.RESOURCE_PATH, "/x")
                .put(ContextKeys.STAGE_VARIABLES, Map.of("fn", "GetHelloWorld"));
        return ctx;
    }

    @Test
    void theProxyIntegrationPostsTheEventToTheFunctionsInvokeUrlAndReportsItsLog() {
        AtomicReference<BackendRequest> sent = new AtomicReference<>();
        List<String> log = new ArrayList<>();
        GatewayResponse r = FilterChain.run(List.of(new FunctionProxyIntegration(TARGET, Duration.ofSeconds(1),
                        answering(sent, "{\"statusCode\":204}", null, "START RequestId: req-1\nREPORT RequestId: req-1\n"),
                        BinaryMediaTypes.NONE)),
                GatewayRequest.of("GET", "/prod/x", Headers.empty(), null), context(log));

        assertThat(r.status()).isEqualTo(204);
        assertThat(sent.get().method()).isEqualTo("POST");
        assertThat(sent.get().uri().toString()).isEqualTo("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:GetHelloWorld/invocations");
        assertThat(new String(sent.get().body(), StandardCharsets.UTF_8)).startsWith("{\"resource\":\"/x\",");
        assertThat(log).containsExactly("START RequestId: req-1", "REPORT RequestId: req-1");
    }

    @Test
    void aFunctionErrorBehindAProxyIs502WithAwsLogLine() {
        assertThatThrownBy(() -> FilterChain.run(List.of(new FunctionProxyIntegration(TARGET, Duration.ofSeconds(1),
                        answering(new AtomicReference<>(), "{\"errorMessage\":\"boom\",\"errorType\":\"Error\"}", "Unhandled", null),
                        BinaryMediaTypes.NONE)),
                GatewayRequest.of("GET", "/prod/x", Headers.empty(), null), context(new ArrayList<>())))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.logLine()).isEqualTo("Lambda execution failed with status 200 due to customer function "
                            + "error: boom. Lambda request id: req-1");
                });
    }

    @Test
    void theCustomIntegrationSelectsByErrorMessageOnlyWhenTheFunctionFailed() {
        RequestContext failed = context(new ArrayList<>());
        RequestContext succeeded = context(new ArrayList<>());
        FilterChain.run(List.of(new FunctionIntegration(TARGET, Duration.ofSeconds(1),
                        answering(new AtomicReference<>(), "{\"errorMessage\":\"Bad name\"}", "Unhandled", null))),
                GatewayRequest.of("GET", "/prod/x", Headers.empty(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), failed);
        AtomicReference<BackendRequest> sent = new AtomicReference<>();
        GatewayResponse ok = FilterChain.run(List.of(new FunctionIntegration(TARGET, Duration.ofSeconds(1),
                        answering(sent, "{\"b\":2}", null, null))),
                GatewayRequest.of("GET", "/prod/x", Headers.empty(), null), succeeded);

        assertThat(failed.get(IntegrationKeys.SELECTION_VALUE)).isEqualTo("Bad name");
        assertThat(succeeded.get(IntegrationKeys.SELECTION_VALUE)).isNull();
        assertThat(ok.bodyText()).isEqualTo("{\"b\":2}");
        assertThat(new String(sent.get().body(), StandardCharsets.UTF_8)).isEqualTo("{}");   // empty body sent as {}
    }

    @Test
    void aMissingFunctionIsAwsInvalidPermissionsError() {
        HttpBackend notFound = request -> new BackendResponse(404, Headers.of("x-amzn-ErrorType", "ResourceNotFoundException"),
                "{\"Message\":\"Function not found\"}".getBytes(StandardCharsets.UTF_8), 1);
        assertThatThrownBy(() -> FilterChain.run(List.of(new FunctionProxyIntegration(TARGET, Duration.ofSeconds(1),
                        notFound, BinaryMediaTypes.NONE)),
                GatewayRequest.of("GET", "/prod/x", Headers.empty(), null), context(new ArrayList<>())))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.logLine()).isEqualTo("Execution failed due to configuration error: Invalid permissions on Lambda function");
                });
    }
}

package dev.gatehouse.engine.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.mapping.IntegrationKeys;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestIds;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * What AWS and AWS_PROXY share: call Lambda's Invoke API through the gateway's backend (the local functions
 * answer it, see {@code functions.LambdaInvokeApi}), report the endpoint events and the function's log lines,
 * and turn an unknown function into AWS's configuration error. Blocks for the whole invocation. Stateless.
 */
final class FunctionCall {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FunctionCall() { }

    /**
     * The Invoke API's answer (200, possibly with {@code X-Amz-Function-Error}). An unknown function → 500
     * "Internal server error" logged "Execution failed due to configuration error: Invalid permissions on Lambda
     * function" (aws-reference §5.2: what API Gateway answers when it cannot invoke the function); the wait
     * passing {@code timeout} → 504 as for any integration timeout.
     */
    static BackendResponse invoke(RequestContext ctx, HttpBackend backend, String type, String url, byte[] payload,
                                  Duration timeout) {
        GatewayEventListener events = ctx.events();
        String apiId = ctx.getOrDefault(ContextKeys.API_ID, "");
        Instant t = ctx.getOrDefault(ContextKeys.REQUEST_TIME, Instant.now());
        String traceId = RequestIds.traceId(t.getEpochSecond());
        // the response mapping of an AWS integration returns it to the client, as for HTTP (see IntegrationKeys)
        ctx.put(IntegrationKeys.TRACE_ID, traceId);
        Headers headers = Headers.builder()
                .set("X-Amzn-Apigateway-Api-Id", apiId)
                .set("Accept", "application/json")
                .set("User-Agent", "AmazonAPIGateway_" + apiId)
                .set("X-Amzn-Trace-Id", traceId)
                .set("Content-Type", "application/json")
                .set("X-Amz-Invocation-Type", "RequestResponse")
                .set("X-Amz-Log-Type", "Tail")
                .build();
        events.integrationStart(ctx, type);
        events.endpointRequest(ctx, "POST", url, headers, payload);
        BackendResponse response;
        try {
            if (backend == null) throw new IllegalStateException("no backend to reach Lambda's Invoke API");
            response = backend.exchange(new BackendRequest("POST", URI.create(url), headers, payload, timeout));
        } catch (BackendFailure f) {
            events.integrationEnd(ctx, type, f);
            throw f.toGatewayException();
        } catch (RuntimeException e) {
            events.integrationEnd(ctx, type, e);
            throw e;
        }
        events.endpointResponse(ctx, response.status(), response.latencyMillis(), response.headers(), response.body());
        String tail = response.headers().last("X-Amz-Log-Result");
        if (tail != null) {
            try {
                new String(Base64.getDecoder().decode(tail), StandardCharsets.UTF_8).lines()
                        .forEach(line -> events.integrationLog(ctx, line));
            } catch (IllegalArgumentException notBase64) {
                // a log we cannot read is left out, never fatal
            }
        }
        if (response.status() != 200) {
            // 404: the function does not exist, which API Gateway reports as a permission problem; anything else
            // (429 throttled, a local function.json that cannot be read) with Lambda's own message. Always 500:
            // "If the Lambda API rejects the invocation request, API Gateway returns a 500 error code" (Lambda
            // developer guide, services-apigateway-errors)
            GatewayException e = GatewayException.configurationError(response.status() == 404
                    ? "Invalid permissions on Lambda function" : errorMessage(response.body()));
            events.integrationEnd(ctx, type, e);
            throw e;
        }
        events.integrationEnd(ctx, type, null);
        return response;
    }

    /** True when the function failed ({@code X-Amz-Function-Error}). */
    static boolean failed(BackendResponse response) {
        return response.headers().last("X-Amz-Function-Error") != null;
    }

    /**
     * The error document's {@code errorMessage} (a function's error), else the {@code message} of a Lambda API
     * error ({@code TooManyRequestsException}: "Rate Exceeded."), or "" when it has neither.
     */
    static String errorMessage(byte[] payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            if (n == null) return "";
            if (n.hasNonNull("errorMessage")) return n.get("errorMessage").asText();
            return n.hasNonNull("message") ? n.get("message").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }
}

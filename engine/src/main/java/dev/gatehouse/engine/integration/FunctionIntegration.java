package dev.gatehouse.engine.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.mapping.IntegrationKeys;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The terminal filter of an AWS (custom) method on a Lambda function. The request as it arrives here is the
 * request template's output (or the passed-through body) and must be JSON, else 400 {@code {"message": "Could not
 * parse request body into json: ..."}} (aws-reference §5.3); an empty body is sent as {@code {}}. The function's
 * result comes back as a 200 {@code application/json} response for the response-mapping filter. On a function
 * error the integration response is selected by the error's {@code errorMessage} (its {@code selectionPattern}
 * is matched against it, {@link IntegrationKeys#SELECTION_VALUE}); no match → the default response, with the error
 * document as its body, as AWS does. Blocks the request's thread ({@link #blocks()}). Thread-safe; one per method.
 */
public final class FunctionIntegration implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaTarget target;
    private final Duration timeout;
    private final HttpBackend invokeApi;

    public FunctionIntegration(LambdaTarget target, Duration timeout, HttpBackend invokeApi) {
        this.target = Objects.requireNonNull(target, "target");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.invokeApi = invokeApi;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        byte[] payload = isBlank(request.body()) ? "{}".getBytes(StandardCharsets.UTF_8) : request.body();
        try {
            JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw GatewayException.of(GatewayResponseType.BAD_REQUEST_BODY,
                    "Could not parse request body into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw GatewayException.internalError(e);
        }
        String url = target.invokeUrl(ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of()));
        BackendResponse answer = FunctionCall.invoke(ctx, invokeApi, "AWS", url, payload, timeout);
        if (FunctionCall.failed(answer)) ctx.put(IntegrationKeys.SELECTION_VALUE, FunctionCall.errorMessage(answer.body()));
        return new GatewayResponse(200, Headers.of("Content-Type", "application/json"), answer.body());
    }

    /** True: the filter parks its thread until the function answered (up to the integration's timeout). */
    public boolean blocks() {
        return true;
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) if (x != ' ' && x != '\n' && x != '\r' && x != '\t') return false;
        return true;
    }

    @Override public String toString() {
        return "FunctionIntegration{" + target + ", timeout=" + timeout.toMillis() + "ms}";
    }
}

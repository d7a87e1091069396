package dev.gatehouse.engine.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.access.AuthorizerFunctions;
import dev.gatehouse.engine.integration.LambdaTarget;
import dev.gatehouse.engine.model.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Runs Lambda authorizers on the workspace's local functions: the authorizer's URI names the function as an
 * integration URI does ({@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/ARN/invocations}, stage
 * variables allowed). Thread-safe.
 */
public final class LocalAuthorizerFunctions implements AuthorizerFunctions {

    private final LocalFunctions functions;

    public LocalAuthorizerFunctions(LocalFunctions functions) {
        this.functions = functions;
    }

    @Override public Outcome invoke(String authorizerUri, Map<String, String> stageVariables, byte[] event, Duration timeout) {
        if (!LambdaTarget.isLambda(authorizerUri)) throw new IllegalStateException("not a Lambda function: " + authorizerUri);
        String url = LambdaTarget.of(authorizerUri).invokeUrl(stageVariables);
        String arn = URLDecoder.decode(url.substring(url.indexOf("/functions/") + "/functions/".length(),
                url.lastIndexOf("/invocations")), StandardCharsets.UTF_8);
        String name = LocalFunctions.functionName(arn).orElseThrow(
                () -> new IllegalStateException("no function name in " + arn));
        InvokeResult result;
        try {
            result = functions.invoke(name, event, arn, timeout);
        } catch (FunctionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (!result.failed()) return new Outcome(result.payload(), null, null);
        String message = null;
        try {
            JsonNode error = Json.mapper().readTree(result.payload());
            if (error != null && error.hasNonNull("errorMessage")) message = error.get("errorMessage").asText();
        } catch (java.io.IOException e) {
            message = result.payloadText();
        }
        return new Outcome(null, result.functionError(), message);
    }
}

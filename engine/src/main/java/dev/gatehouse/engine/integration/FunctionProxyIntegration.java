package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.payload.BinaryMediaTypes;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The terminal filter of an AWS_PROXY method on a Lambda function: sends the payload-1.0 event
 * ({@link LambdaProxyEvent}) to the function through Lambda's Invoke API and turns its answer into the method
 * response ({@link LambdaProxyResponse}). A function error (an unhandled exception, a timeout, a crash) is 502
 * {@code {"message": "Internal server error"}} logged "Lambda execution failed with status 200 due to customer
 * function error: {errorMessage}. Lambda request id: {id}" (aws-reference §5.2). Blocks the request's thread for
 * the whole invocation ({@link #blocks()}). Thread-safe; one per method.
 */
public final class FunctionProxyIntegration implements Filter {

    private final LambdaTarget target;
    private final Duration timeout;
    private final HttpBackend invokeApi;
    private final BinaryMediaTypes binary;

    /** @param invokeApi the backend that answers Lambda's Invoke API (the gateway's, with the local functions) */
    public FunctionProxyIntegration(LambdaTarget target, Duration timeout, HttpBackend invokeApi, BinaryMediaTypes binary) {
        this.target = Objects.requireNonNull(target, "target");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.invokeApi = invokeApi;
        this.binary = Objects.requireNonNull(binary, "binary");
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        String url = target.invokeUrl(ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of()));
        BackendResponse answer = FunctionCall.invoke(ctx, invokeApi, "AWS_PROXY", url,
                LambdaProxyEvent.of(request, ctx, binary), timeout);
        if (FunctionCall.failed(answer)) {
            throw GatewayException.of(GatewayResponseType.INTEGRATION_FAILURE, "Internal server error").withStatus(502)
                    .withLogLine("Lambda execution failed with status 200 due to customer function error: "
                            + FunctionCall.errorMessage(answer.body()) + ". Lambda request id: "
                            + answer.headers().last("X-Amzn-RequestId"));
        }
        return LambdaProxyResponse.parse(answer.body(), binary, request.headers().last("Accept"));
    }

    /** True: the filter parks its thread until the function answered (up to the integration's timeout). */
    public boolean blocks() {
        return true;
    }

    @Override public String toString() {
        return "FunctionProxyIntegration{" + target + ", timeout=" + timeout.toMillis() + "ms}";
    }
}

package dev.gatehouse.engine.functions;

import dev.gatehouse.engine.integration.BackendFailure;
import dev.gatehouse.engine.integration.BackendRequest;
import dev.gatehouse.engine.integration.BackendResponse;
import dev.gatehouse.engine.integration.HttpBackend;
import dev.gatehouse.engine.pipeline.Headers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke API ({@code POST https://lambda.REGION.amazonaws.com/2015-03-31/functions/FN/invocations}),
 * answered by the local functions: API Gateway calls Lambda through this very API, so AWS and AWS_PROXY
 * integrations reach local functions through the gateway's {@link HttpBackend} with no special path, and every
 * other request goes to {@code others}. Answers as Lambda does: 200 with the payload, {@code X-Amz-Function-Error:
 * Unhandled} on a function error, {@code X-Amz-Executed-Version}, {@code X-Amz-Log-Result} (the last 4 KB of the
 * log, Base64) when asked with {@code X-Amz-Log-Type: Tail}; 404 {@code ResourceNotFoundException} for an unknown
 * function; 429 {@code TooManyRequestsException} past a reserved concurrency. The caller's timeout ends the wait with a {@link BackendFailure} TIMEOUT.
 *
 * <p>Blocks the calling thread for the whole invocation (a virtual thread on the data plane). Thread-safe.
 */
public final class LambdaInvokeApi implements HttpBackend {

    private static final Pattern HOST = Pattern.compile("lambda\\.([a-z0-9-]+)\\.amazonaws\\.com");
    private static final Pattern PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final int LOG_TAIL_BYTES = 4096;

    private final LocalFunctions functions;
    private final HttpBackend others;

    public LambdaInvokeApi(LocalFunctions functions, HttpBackend others) {
        this.functions = functions;
        this.others = others;
    }

    /** True for a Lambda Invoke URL. */
    public static boolean isInvokeUrl(URI uri) {
        return uri.getHost() != null && HOST.matcher(uri.getHost()).matches()
                && uri.getRawPath() != null && PATH.matcher(uri.getRawPath()).matches();
    }

    @Override public BackendResponse exchange(BackendRequest request) {
        if (!isInvokeUrl(request.uri())) return others.exchange(request);
        long start = System.nanoTime();
        Matcher path = PATH.matcher(request.uri().getRawPath());
        path.matches();
        String fn = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        Matcher host = HOST.matcher(request.uri().getHost());
        host.matches();
        String region = host.group(1);
        String name = LocalFunctions.functionName(fn).orElse(null);
        if (name == null) return notFound(fn, start);
        InvokeResult result;
        try {
            String arn = fn.startsWith("arn:") ? fn : Lambda.arn(region, name);
            result = functions.invoke(name, request.body(), arn, request.timeout());
        } catch (FunctionException e) {
            if (e.kind() == FunctionException.Kind.NOT_FOUND) return notFound(Lambda.arn(region, name), start);
            if (e.kind() == FunctionException.Kind.THROTTLED) return throttled(start);
            throw new BackendFailure(BackendFailure.Kind.TIMEOUT, e.getMessage(), e);
        } catch (IllegalArgumentException brokenConfig) {
            // function.json that cannot be read: Lambda's answer to a request it cannot serve as configured
            return new BackendResponse(400, Headers.of("Content-Type", "application/json",
                    "x-amzn-ErrorType", "InvalidParameterValueException"),
                    Lambda.errorDocument("InvalidParameterValueException", brokenConfig.getMessage())
                            .getBytes(StandardCharsets.UTF_8), millisSince(start));
        }
        Headers.Builder h = Headers.builder()
                .set("Content-Type", "application/json")
                .set("X-Amzn-RequestId", result.requestId())
                .set("X-Amz-Executed-Version", Lambda.VERSION);
        if (result.failed()) h.set("X-Amz-Function-Error", result.functionError());
        if ("Tail".equalsIgnoreCase(request.headers().last("X-Amz-Log-Type"))) {
            byte[] log = result.log().getBytes(StandardCharsets.UTF_8);
            byte[] tail = log.length <= LOG_TAIL_BYTES ? log : Arrays.copyOfRange(log, log.length - LOG_TAIL_BYTES, log.length);
            h.set("X-Amz-Log-Result", Base64.getEncoder().encodeToString(tail));
        }
        return new BackendResponse(200, h.build(), result.payload(), millisSince(start));
    }

    private static BackendResponse notFound(String fn, long start) {
        String arn = fn.startsWith("arn:") ? fn : Lambda.arn(Lambda.DEFAULT_REGION, fn);
        return new BackendResponse(404, Headers.of("Content-Type", "application/json",
                "x-amzn-ErrorType", "ResourceNotFoundException"),
                ("{\"Message\":\"Function not found: " + arn + "\",\"Type\":\"User\"}").getBytes(StandardCharsets.UTF_8),
                millisSince(start));
    }

    /**
     * Lambda's 429 for a function at its reserved concurrency: {@code TooManyRequestsException} with the
     * {@code Reason}, {@code Type} and {@code message} members of Lambda's API model (botocore lambda
     * service-2.json, shape TooManyRequestsException; ThrottleReason ReservedFunctionConcurrentInvocationLimitExceeded).
     */
    private static BackendResponse throttled(long start) {
        return new BackendResponse(429, Headers.of("Content-Type", "application/json",
                "x-amzn-ErrorType", "TooManyRequestsException"),
                "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}"
                        .getBytes(StandardCharsets.UTF_8), millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.integration.aws.AwsServiceArn;
import dev.gatehouse.engine.integration.aws.AwsServices;
import dev.gatehouse.engine.integration.aws.EndpointResolver;
import dev.gatehouse.engine.integration.aws.JsonProtocol;
import dev.gatehouse.engine.integration.aws.ServiceUrl;
import dev.gatehouse.engine.mapping.IntegrationKeys;
import dev.gatehouse.engine.mapping.IntegrationParameters;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The terminal filter of an AWS (non-proxy) method calling an AWS service other than Lambda
 * ({@code arn:aws:apigateway:REGION:SERVICE:action/ACTION} or {@code ...:path/PATH}). The request is built as for
 * an HTTP integration ({@link HttpIntegration}): only the mapped {@code integration.request.*} parameters, the
 * body as the request template rendered it, {@code Accept: application/json} unless mapped and API Gateway's own
 * headers; then
 * <ul>
 *   <li>the URL comes from the ARN and the resolved endpoint ({@link ServiceUrl}, {@link EndpointResolver}:
 *       workspace {@code aws.json}, {@code AWS_ENDPOINT_URL*}, the shared config file, else the real one);</li>
 *   <li>JSON-protocol services get {@code X-Amz-Target} and {@code Content-Type: application/x-amz-json-1.x} for
 *       action-style calls unless mapped ({@link JsonProtocol});</li>
 *   <li>the request is SigV4-signed for the ARN's region and service with the integration's {@code credentials}
 *       role's stand-in profile or the default chain (the execution log masks {@code Authorization}).</li>
 * </ul>
 * It runs on the same backend client as HTTP integrations. The service's answer, error or not, comes back unchanged
 * for the response-mapping filter, which selects the integration response by matching {@code selectionPattern}s
 * against the status code, as API Gateway does for AWS service integrations. Missing credentials, a bad
 * override or a URL that cannot be signed are configuration errors (500 {@code Internal server error}, logged as
 * "Execution failed due to configuration error: ..."). Thread-safe; one per method.
 */
public final class AwsServiceIntegration implements Filter {

    private final String httpMethod;
    private final AwsServiceArn arn;
    private final String credentials;
    private final Duration timeout;
    private final AwsServices aws;
    private final HttpBackend fallbackBackend;

    /**
     * @param httpMethod  the integration's {@code httpMethod} ({@code ANY} means the client's)
     * @param credentials the integration's {@code credentials} role ARN, or null
     */
    public AwsServiceIntegration(String httpMethod, AwsServiceArn arn, String credentials, Duration timeout,
                                 AwsServices aws, HttpBackend fallbackBackend) {
        this.httpMethod = Objects.requireNonNull(httpMethod, "httpMethod").toUpperCase(Locale.ROOT);
        this.arn = Objects.requireNonNull(arn, "arn");
        this.credentials = credentials;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.aws = Objects.requireNonNull(aws, "aws");
        this.fallbackBackend = fallbackBackend;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        IntegrationParameters mapped = ctx.getOrDefault(IntegrationKeys.PARAMETERS, IntegrationParameters.NONE);
        EndpointResolver.Endpoint endpoint;
        AwsCredentialsIdentity keys;
        try {
            endpoint = aws.endpoint(arn);
            keys = aws.credentials(credentials);
        } catch (IllegalArgumentException e) {
            throw GatewayException.configurationError(e.getMessage());
        }
        String target = ServiceUrl.build(arn, endpoint, mapped.path(),
                ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of()), mapped.querystring());
        Headers.Builder h = Headers.builder();
        mapped.header().forEach(h::set);
        if (!h.contains("Accept")) h.set("Accept", "application/json");
        JsonProtocol.Target json = arn.isAction() ? JsonProtocol.of(arn.service()) : null;
        if (json != null) {
            if (!h.contains("X-Amz-Target")) h.set("X-Amz-Target", json.header(arn.action()));
            if (!h.contains("Content-Type")) h.set("Content-Type", json.contentType());
        }
        String contentType = request.headers().last("Content-Type");
        if (request.body().length > 0 && !h.contains("Content-Type") && contentType != null) {
            h.set("Content-Type", contentType);
        }
        HttpExchange.addGatewayHeaders(h, ctx);
        String method = "ANY".equals(httpMethod) ? request.method() : httpMethod;
        Headers signed;
        try {
            Map<String, List<String>> out = aws.signer().sign(method, URI.create(target), h.build().toMultiMap(),
                    request.body(), arn.region(), arn.service(), keys);
            Headers.Builder s = Headers.builder();
            out.forEach((name, values) -> values.forEach(v -> s.add(name, v)));
            signed = s.build();
        } catch (IllegalArgumentException e) {
            throw GatewayException.configurationError("URI/URL syntax error encountered in signing process: " + target);
        }
        BackendResponse response = HttpExchange.run(ctx, fallbackBackend, "AWS", method, target, signed,
                request.body(), timeout);
        return new GatewayResponse(response.status(),
                HttpProxyIntegration.forwardable(response.headers()).build(), response.body());
    }

    @Override public String toString() {
        return "AwsServiceIntegration{" + httpMethod + " " + arn + ", timeout=" + timeout.toMillis() + "ms}";
    }
}

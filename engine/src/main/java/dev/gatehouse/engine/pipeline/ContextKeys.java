package dev.gatehouse.engine.pipeline;

import java.time.Instant;
import java.util.Map;

/**
 * The per-request values most filters share, named after API Gateway's {@code $context} variables.
 * The server sets the transport ones (ids, time, source ip, protocol, domain); the routing filter sets the
 * API, stage, resource and parameters. Feature-specific keys live with their feature.
 */
public final class ContextKeys {

    private ContextKeys() { }

    /** {@code $context.requestId}: a UUID, also sent as {@code x-amzn-RequestId}. */
    public static final ContextKey<String> REQUEST_ID = ContextKey.named("requestId");
    /** {@code $context.extendedRequestId}: sent as {@code x-amz-apigw-id}. */
    public static final ContextKey<String> EXTENDED_REQUEST_ID = ContextKey.named("extendedRequestId");
    /** When the server received the request. */
    public static final ContextKey<Instant> REQUEST_TIME = ContextKey.named("requestTime");
    /** {@code $context.identity.sourceIp}. */
    public static final ContextKey<String> SOURCE_IP = ContextKey.named("sourceIp");
    /** {@code $context.protocol}, e.g. {@code HTTP/1.1}. */
    public static final ContextKey<String> PROTOCOL = ContextKey.named("protocol");
    /** {@code $context.domainName}: the Host the client used, without port. */
    public static final ContextKey<String> DOMAIN_NAME = ContextKey.named("domainName");
    /** {@code $context.domainPrefix}: the first label of the domain name. */
    public static final ContextKey<String> DOMAIN_PREFIX = ContextKey.named("domainPrefix");

    /** {@code $context.apiId}. */
    public static final ContextKey<String> API_ID = ContextKey.named("apiId");
    /** {@code $context.stage}. */
    public static final ContextKey<String> STAGE = ContextKey.named("stage");
    /** {@code $context.deploymentId}. */
    public static final ContextKey<String> DEPLOYMENT_ID = ContextKey.named("deploymentId");
    /** {@code $context.resourceId}. */
    public static final ContextKey<String> RESOURCE_ID = ContextKey.named("resourceId");
    /** {@code $context.resourcePath}: the template, e.g. {@code /pets/{petId}}. */
    public static final ContextKey<String> RESOURCE_PATH = ContextKey.named("resourcePath");
    /** {@code $context.httpMethod}: the client's method (not {@code ANY}). */
    public static final ContextKey<String> HTTP_METHOD = ContextKey.named("httpMethod");
    /** {@code $context.path}: {@code /{stage}/...} as the client addressed it (base path for custom domains). */
    public static final ContextKey<String> PATH = ContextKey.named("path");
    /** The request path inside the stage ({@code /pets/1}), what the proxy event calls {@code path}. */
    public static final ContextKey<String> RESOURCE_REQUEST_PATH = ContextKey.named("resourceRequestPath");
    /** Path parameters by name, decoded ({@code proxy} without its leading slash). */
    public static final ContextKey<Map<String, String>> PATH_PARAMETERS = ContextKey.named("pathParameters");
    /** {@code $stageVariables}. */
    public static final ContextKey<Map<String, String>> STAGE_VARIABLES = ContextKey.named("stageVariables");
    /**
     * {@code $context.authorizer.*}: the authorizer's {@code principalId} and its context values (stringified, as
     * AWS passes them on); absent when the method has no authorizer.
     */
    public static final ContextKey<Map<String, String>> AUTHORIZER = ContextKey.named("authorizer");
    /** {@code $context.identity.apiKeyId} of a request admitted by its API key. */
    public static final ContextKey<String> API_KEY_ID = ContextKey.named("apiKeyId");
    /**
     * The access key id of a request an AWS_IAM method admitted by its SigV4 signature: {@code $context.identity.accessKey},
     * and the principal {@code identity.caller} / {@code identity.user} stand for (no IAM user ids exist locally).
     */
    public static final ContextKey<String> IAM_ACCESS_KEY = ContextKey.named("iamAccessKey");
    /** The integration type label for logs and metrics: {@code MOCK}, {@code HTTP}, {@code HTTP_PROXY}, ... */
    public static final ContextKey<String> INTEGRATION_TYPE = ContextKey.named("integrationType");
}

package dev.gatehouse.engine.pipeline;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.payload.BinaryMediaTypes;
import dev.gatehouse.engine.integration.AwsServiceIntegration;
import dev.gatehouse.engine.integration.FunctionIntegration;
import dev.gatehouse.engine.integration.aws.AwsServiceArn;
import dev.gatehouse.engine.integration.aws.AwsServices;
import dev.gatehouse.engine.integration.FunctionProxyIntegration;
import dev.gatehouse.engine.integration.HttpBackend;
import dev.gatehouse.engine.integration.LambdaTarget;
import dev.gatehouse.engine.integration.HttpIntegration;
import dev.gatehouse.engine.integration.HttpProxyIntegration;
import dev.gatehouse.engine.integration.MockIntegration;
import dev.gatehouse.engine.mapping.ResponseSelector;
import dev.gatehouse.engine.integration.UriTemplate;
import dev.gatehouse.engine.mapping.CompiledTemplate;
import dev.gatehouse.engine.mapping.MappingException;
import dev.gatehouse.engine.mapping.ParameterMapper;
import dev.gatehouse.engine.mapping.RequestMappingFilter;
import dev.gatehouse.engine.mapping.ResponseMappingFilter;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The integration's part of a method's filters, compiled once at deploy time: the response-mapping leg, the
 * request-mapping leg and the terminal integration ({@link RequestPipeline} puts them in their slots). Compiles
 * every template, parameter mapping and selection pattern now, so the request path only runs them. Thread-safe.
 */
final class IntegrationFilters {

    /**
     * The three integration slots of one method; {@code responseMapping} and {@code requestMapping} may be null
     * (HTTP_PROXY maps no response and, usually, no request).
     */
    record Compiled(Filter responseMapping, Filter requestMapping, Filter integration) {}

    private final TemplateCompiler templates;
    private final HttpBackend fallbackBackend;
    private final AwsServices aws;

    /**
     * @param fallbackBackend backend for calls made outside the data-plane server (test invoke); the server puts
     *                        its per-event-loop backend in the request context, which wins
     */
    IntegrationFilters(TemplateCompiler templates, HttpBackend fallbackBackend) {
        this(templates, fallbackBackend, AwsServices.fromEnvironment());
    }

    /** @param aws endpoints, credentials and signing for AWS integrations to services other than Lambda */
    IntegrationFilters(TemplateCompiler templates, HttpBackend fallbackBackend, AwsServices aws) {
        this.templates = templates;
        this.fallbackBackend = fallbackBackend;
        this.aws = aws;
    }

    /** @throws DefinitionException with the template, line and column when a template does not compile */
    Compiled compile(ApiDefinition api, Resource resource, Method method) {
        Integration integration = method.methodIntegration();
        String where = method.httpMethod() + " " + resource.path();
        BinaryMediaTypes binary = BinaryMediaTypes.of(api.restApi().binaryMediaTypes());
        try {
            return switch (integration.type()) {
                case HTTP_PROXY -> new Compiled(null,
                        onlyPassesPathParametersThrough(integration.requestParameters()) ? null
                                : new RequestMappingFilter(ParameterMapper.forRequest(integration.requestParameters(),
                                        integration.type()), Map.of(), integration.passthroughBehavior(), true),
                        new HttpProxyIntegration(integration.httpMethod(), UriTemplate.compile(integration.uri()),
                                timeout(integration), fallbackBackend));
                case HTTP -> mapped(method, integration, where, binary, new HttpIntegration(integration.httpMethod(),
                        UriTemplate.compile(integration.uri()), timeout(integration), fallbackBackend));
                case MOCK -> mapped(method, integration, where, binary, MockIntegration.INSTANCE);
                // Lambda functions: the backend answers Lambda's Invoke API (the gateway's reaches the local functions)
                case AWS -> LambdaTarget.isLambda(integration.uri())
                        ? mapped(method, integration, where, binary, new FunctionIntegration(
                                LambdaTarget.of(integration.uri()), timeout(integration), fallbackBackend))
                        : mapped(method, integration, where, binary, awsService(integration));
                case AWS_PROXY -> LambdaTarget.isLambda(integration.uri())
                        ? new Compiled(null, null, new FunctionProxyIntegration(LambdaTarget.of(integration.uri()),
                                timeout(integration), fallbackBackend, binary))
                        : new Compiled(null, null, unsupported(integration));
            };
        } catch (MappingException e) {
            throw DefinitionException.badRequest(e.getMessage()
                    + (e.line() > 0 ? " (" + e.templateName() + " line " + e.line() + ", column " + e.column() + ")" : ""));
        }
    }

    /** The mapped (non-proxy) integrations: response mapping, request mapping, then {@code terminal}. */
    private Compiled mapped(Method method, Integration integration, String where, BinaryMediaTypes binary,
                            Filter terminal) {
        return new Compiled(
                new ResponseMappingFilter(responses(method, integration, where), binary),
                new RequestMappingFilter(ParameterMapper.forRequest(integration.requestParameters(),
                        integration.type()), compileAll(integration.requestTemplates(), where + " request"),
                        integration.passthroughBehavior(), false, binary, integration.contentHandling()),
                terminal);
    }

    private ResponseSelector<ResponseMappingFilter.CompiledResponse> responses(Method method, Integration integration, String where) {
        ResponseSelector.Builder<ResponseMappingFilter.CompiledResponse> b = ResponseSelector.builder();
        // deterministic order: by status code key, as stored
        for (Map.Entry<String, IntegrationResponse> e : new TreeMap<>(integration.integrationResponses()).entrySet()) {
            IntegrationResponse r = e.getValue();
            int status;
            try {
                status = Integer.parseInt(r.statusCode());
            } catch (NumberFormatException | NullPointerException ex) {
                throw DefinitionException.badRequest("Invalid status code " + r.statusCode());
            }
            b.add(r.selectionPattern(), new ResponseMappingFilter.CompiledResponse(status,
                    ParameterMapper.forResponse(r.responseParameters(), integration.type()),
                    compileAll(r.responseTemplates(), where + " response " + r.statusCode()), r.contentHandling()));
        }
        return b.build();
    }

    private Map<String, CompiledTemplate> compileAll(Map<String, String> sources, String name) {
        Map<String, CompiledTemplate> out = new LinkedHashMap<>();
        sources.forEach((contentType, source) -> {
            if (source != null) out.put(contentType, templates.compile(source, name + " " + contentType));
        });
        return out;
    }

    /**
     * True when every mapping is {@code integration.request.path.X = method.request.path.X} (what the console and
     * imports write for {@code {proxy+}}): HTTP_PROXY substitutes the method's path parameters into the URI
     * anyway, so the request-mapping filter would only build the mapping context per request for nothing
     * (measured: ~4% of the proxied request's CPU samples).
     */
    static boolean onlyPassesPathParametersThrough(Map<String, String> requestParameters) {
        for (Map.Entry<String, String> e : requestParameters.entrySet()) {
            String target = e.getKey();
            if (!target.startsWith("integration.request.path.")) return false;
            String name = target.substring("integration.request.path.".length());
            if (!("method.request.path." + name).equals(e.getValue())) return false;
        }
        return true;
    }

    private static Duration timeout(Integration integration) {
        return Duration.ofMillis(integration.timeoutInMillis());
    }

    /** An AWS integration to another service (DynamoDB, SQS, S3, ...); a malformed ARN is a bad definition. */
    private Filter awsService(Integration integration) {
        AwsServiceArn arn;
        try {
            arn = AwsServiceArn.parse(integration.uri());
        } catch (IllegalArgumentException e) {
            throw DefinitionException.badRequest(e.getMessage());
        }
        if (integration.httpMethod() == null || integration.httpMethod().isBlank()) {
            throw DefinitionException.badRequest("Enumeration value for HttpMethod must be non-empty");
        }
        return new AwsServiceIntegration(integration.httpMethod(), arn, integration.credentials(),
                timeout(integration), aws, fallbackBackend);
    }

    /** AWS_PROXY integrations of AWS services other than Lambda fail clearly at run time. */
    private static Filter unsupported(Integration integration) {
        String detail = integration.type() + " integrations (" + integration.uri() + ") are not supported by the local "
                + "engine yet";
        return new Filter() {
            @Override public dev.gatehouse.engine.pipeline.GatewayResponse filter(
                    dev.gatehouse.engine.pipeline.GatewayRequest request, Chain chain) {
                throw GatewayException.configurationError(detail);
            }

            @Override public String toString() {
                return "UnsupportedIntegration{" + integration.type() + "}";
            }
        };
    }
}

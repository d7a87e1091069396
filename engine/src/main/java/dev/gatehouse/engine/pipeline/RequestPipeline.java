package dev.gatehouse.engine.pipeline;

import dev.gatehouse.engine.access.AccessState;
import dev.gatehouse.engine.access.AccessTrust;
import dev.gatehouse.engine.access.ApiKeyFilter;
import dev.gatehouse.engine.access.AuthorizerFunctions;
import dev.gatehouse.engine.access.AuthorizerSlot;
import dev.gatehouse.engine.access.ResourcePolicyFilter;
import dev.gatehouse.engine.access.ThrottleFilter;
import dev.gatehouse.engine.caching.CachingFilter;
import dev.gatehouse.engine.caching.StageCaches;
import dev.gatehouse.engine.errors.ErrorMappingFilter;
import dev.gatehouse.engine.integration.HttpBackend;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.payload.CompressionFilter;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RoutingFilter;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.validation.ValidationFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request pipeline, the one place its order is written (DESIGN.md "The request pipeline"): the outer
 * filters every request runs, then, once routed, the method's filters slot by slot. The data-plane server, test
 * invoke, deploy and the tests all take their filters from here. A new feature fills its slot below and touches
 * no neighbour. Each slot is one or no filter; an empty slot costs nothing at run time.
 *
 * <pre>
 * outer:      compression → errors (+ observe: the Pipeline's events) → routing
 * per method: resource policy → authorizer → API key / usage plan → throttle → validation → cache
 *             → response mapping (on the way back) → request mapping → integration (terminal)
 * </pre>
 *
 * <p>Test invoke runs the same method slots minus those AWS's TestInvokeMethod skips (authorization, API keys,
 * throttling, the cache), and no compression: its result carries the body as text.
 *
 * <p>Thread-safe; called at deploy time and per test invoke, never per data-plane request.
 */
public final class RequestPipeline implements MethodFilterFactory {

    /** Who runs the method: a deployed stage, or AWS-style test invoke of the draft. */
    public enum Mode { SERVED, TEST_INVOKE }

    private final IntegrationFilters integrations;
    private final MethodFilterFactory validation;
    private final AccessState access;
    private final StageCaches caches;
    private final AuthorizerFunctions authorizers;
    private final AccessTrust trust;

    /**
     * @param fallbackBackend backend for HTTP integrations called outside the data-plane server (test invoke);
     *                        the server's per-event-loop backend wins when present
     * @param access          keys, usage plans, stage settings, buckets and quotas the slots read per request
     * @param caches          the stages' response caches
     * @param authorizers     runs Lambda authorizers (the workspace's local functions)
     */
    public RequestPipeline(TemplateCompiler templates, HttpBackend fallbackBackend, AccessState access,
                           StageCaches caches, AuthorizerFunctions authorizers) {
        this(templates, fallbackBackend, access, caches, authorizers, AccessTrust.none(),
                dev.gatehouse.engine.integration.aws.AwsServices.fromEnvironment());
    }

    /** As above, with the user pools, signing key and access keys the workspace's authorizers trust. */
    public RequestPipeline(TemplateCompiler templates, HttpBackend fallbackBackend, AccessState access,
                           StageCaches caches, AuthorizerFunctions authorizers, AccessTrust trust) {
        this(templates, fallbackBackend, access, caches, authorizers, trust,
                dev.gatehouse.engine.integration.aws.AwsServices.fromEnvironment());
    }

    /** As above, with AWS service integrations signed and sent as {@code aws} says. */
    public RequestPipeline(TemplateCompiler templates, HttpBackend fallbackBackend, AccessState access,
                           StageCaches caches, AuthorizerFunctions authorizers,
                           dev.gatehouse.engine.integration.aws.AwsServices aws) {
        this(templates, fallbackBackend, access, caches, authorizers, AccessTrust.none(), aws);
    }

    /**
     * @param trust the user pools, signing key and access keys the workspace's authorizers trust
     * @param aws endpoints, credentials and signing for AWS service integrations (the workspace's aws.json)
     */
    public RequestPipeline(TemplateCompiler templates, HttpBackend fallbackBackend, AccessState access,
                           StageCaches caches, AuthorizerFunctions authorizers, AccessTrust trust,
                           dev.gatehouse.engine.integration.aws.AwsServices aws) {
        this.trust = trust;
        this.integrations = new IntegrationFilters(templates, fallbackBackend, aws);
        this.validation = new ValidationFilters();
        this.access = access;
        this.caches = caches;
        this.authorizers = authorizers;
    }

    /** With fresh in-process access state (tests, benchmarks). */
    public RequestPipeline(TemplateCompiler templates, HttpBackend fallbackBackend) {
        this(templates, fallbackBackend, AccessState.inProcess(), new StageCaches(), AuthorizerFunctions.none());
    }

    /** The served pipeline for a plan: what the data-plane server runs for every request. */
    public RequestHandler serving(RuntimePlan plan) {
        return new Pipeline(List.of(
                CompressionFilter.INSTANCE,      // outermost, so gateway errors after routing are compressed too
                ErrorMappingFilter.INSTANCE,     // exceptions → the API's gateway responses; request ids on all
                new RoutingFilter(plan)));       // API, stage, canary, route → that method's filters below
    }

    /** The test-invoke pipeline: {@code method} is chosen by the caller, not routed. */
    public RequestHandler testInvoking(MethodPlan method, Map<String, String> pathParameters) {
        return new Pipeline(List.of(
                ErrorMappingFilter.INSTANCE,
                RoutingFilter.direct(method, pathParameters)));
    }

    /** A deployed method's filters (mode {@link Mode#SERVED}). */
    @Override public List<Filter> filtersFor(ApiDefinition api, Resource resource, Method method) {
        return methodFilters(api, resource, method, Mode.SERVED);
    }

    /**
     * One method's filters, outermost first, compiled now.
     *
     * @throws dev.gatehouse.engine.model.DefinitionException when the method cannot be compiled
     */
    public List<Filter> methodFilters(ApiDefinition api, Resource resource, Method method, Mode mode) {
        boolean served = mode == Mode.SERVED;
        IntegrationFilters.Compiled integration = integrations.compile(api, resource, method);
        List<Filter> slots = new ArrayList<>(8);
        if (served) add(slots, ResourcePolicyFilter.forMethod(api, resource, method));  // resource policy
        if (served) add(slots, AuthorizerSlot.forMethod(access, trust, authorizers, api, resource, method)); // authorizer / IAM
        if (served) add(slots, ApiKeyFilter.forMethod(access, api, resource, method));    // API key / usage plan
        if (served) add(slots, new ThrottleFilter(access, method.httpMethod(), resource.path())); // stage, engine
        slots.addAll(validation.filtersFor(api, resource, method));                      // request validation
        if (served) add(slots, new CachingFilter(access, caches, method.httpMethod(), resource.path(),
                method.methodIntegration().cacheKeyParameters()));                        // stage cache
        add(slots, integration.responseMapping());                                       // response mapping
        add(slots, integration.requestMapping());                                        // request mapping
        add(slots, integration.integration());                                           // the integration
        return slots;
    }

    /** The compiled form of one method for a plan. */
    public MethodPlan methodPlan(ApiDefinition api, Resource resource, Method method, Mode mode) {
        return new MethodPlan(resource.id(), resource.path(), method.httpMethod(),
                method.methodIntegration().type().name(), methodFilters(api, resource, method, mode),
                mode == Mode.SERVED ? api.restApi().minimumCompressionSize() : null);
    }

    private static void add(List<Filter> slots, Filter filter) {
        if (filter != null) slots.add(filter);
    }
}

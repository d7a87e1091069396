package dev.gatehouse.engine.cors;

import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.GatewayResponse;
import dev.gatehouse.engine.model.GatewayResponseType;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The console's "Enable CORS" on one resource (AWS developer guide, "Enable CORS on a resource using the API
 * Gateway console"), as a pure function from one definition to the next:
 * <ul>
 *   <li>an {@code OPTIONS} method (no authorization, no API key) with a MOCK integration whose request template is
 *       {@code {"statusCode": 200}}, a 200 method response declaring {@code Access-Control-Allow-Headers},
 *       {@code -Methods} and {@code -Origin} (model {@code Empty} when the API has it), and a 200 integration
 *       response mapping them to the quoted static values. An existing MOCK OPTIONS method keeps everything else
 *       and gets the three headers; an OPTIONS method of another type is replaced.</li>
 *   <li>{@code Access-Control-Allow-Origin} on the 200 method response and 200 integration response of every other
 *       allowed method that has them. Proxy integrations are left alone: their backend must send the headers
 *       (the console sets nothing there either).</li>
 *   <li>the three headers as {@code gatewayresponse.header.*} on the chosen gateway responses (DEFAULT_4XX and
 *       DEFAULT_5XX by default), merged into an existing customisation or created with AWS's default template, so
 *       errors the gateway itself returns (403 Missing Authentication Token, 429, 504...) carry them too.</li>
 * </ul>
 * Applying it twice gives the same definition as applying it once. Child resources are not touched (AWS does not
 * recurse either). Thread-safe (stateless).
 */
public final class EnableCors {

    /** The console's default {@code Access-Control-Allow-Headers}. */
    public static final String DEFAULT_ALLOWED_HEADERS = "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token";
    /** The console's default {@code Access-Control-Allow-Origin}. */
    public static final String DEFAULT_ALLOWED_ORIGIN = "*";
    /** The gateway responses the console offers to add the headers to. */
    public static final Set<GatewayResponseType> DEFAULT_GATEWAY_RESPONSES =
            Set.copyOf(EnumSet.of(GatewayResponseType.DEFAULT_4XX, GatewayResponseType.DEFAULT_5XX));

    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String METHOD_HEADER = "method.response.header.";
    private static final String GATEWAY_HEADER = "gatewayresponse.header.";
    /** What ANY stands for (aws-reference §1.3). */
    private static final List<String> ANY_EXPANDS_TO = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private EnableCors() { }

    /**
     * Returns {@code api} with CORS enabled on the resource. Values may be given bare ({@code *}) or already
     * single-quoted ({@code '*'}); they are stored quoted, as static mapping values.
     *
     * @param resourceId       the resource (404 "Invalid Resource identifier specified" when unknown)
     * @param allowedMethods   methods for {@code Access-Control-Allow-Methods}; null or empty = the resource's
     *                         methods plus OPTIONS ({@code ANY} stands for all seven). Sent sorted, comma-separated.
     * @param allowedHeaders   {@code Access-Control-Allow-Headers}; null = {@link #DEFAULT_ALLOWED_HEADERS}
     * @param allowedOrigin    {@code Access-Control-Allow-Origin}; null = {@code *}
     * @param defaultResponses gateway responses that get the headers; null = {@link #DEFAULT_GATEWAY_RESPONSES}
     *                         (pass an empty set for none)
     * @throws DefinitionException (400) for an unknown method name or a value containing a single quote
     */
    public static ApiDefinition apply(ApiDefinition api, String resourceId, Collection<String> allowedMethods,
                                      String allowedHeaders, String allowedOrigin,
                                      Set<GatewayResponseType> defaultResponses) {
        Resource resource = api.requireResource(resourceId);
        Set<String> methods = allowedMethods(resource, allowedMethods);
        String headersValue = quoted(allowedHeaders == null ? DEFAULT_ALLOWED_HEADERS : allowedHeaders, ALLOW_HEADERS);
        String methodsValue = quoted(String.join(",", methods), ALLOW_METHODS);
        String originValue = quoted(allowedOrigin == null ? DEFAULT_ALLOWED_ORIGIN : allowedOrigin, ALLOW_ORIGIN);
        Map<String, String> preflight = new LinkedHashMap<>();
        preflight.put(ALLOW_HEADERS, headersValue);
        preflight.put(ALLOW_METHODS, methodsValue);
        preflight.put(ALLOW_ORIGIN, originValue);

        Resource updated = resource.withMethod(optionsMethod(api, resource.method("OPTIONS"), preflight));
        for (Method m : resource.resourceMethods().values()) {
            if (m.httpMethod().equals("OPTIONS")) continue;
            if (!m.httpMethod().equals("ANY") && !methods.contains(m.httpMethod())) continue;
            updated = updated.withMethod(withAllowOrigin(m, originValue));
        }
        ApiDefinition out = api.withResource(updated);
        Set<GatewayResponseType> types = defaultResponses == null ? DEFAULT_GATEWAY_RESPONSES : defaultResponses;
        return types.isEmpty() ? out : out.withGatewayResponses(gatewayResponses(api.gatewayResponses(), types, preflight));
    }

    /** {@link #apply} with the console's defaults. */
    public static ApiDefinition apply(ApiDefinition api, String resourceId) {
        return apply(api, resourceId, null, null, null, null);
    }

    private static Set<String> allowedMethods(Resource resource, Collection<String> requested) {
        Set<String> out = new TreeSet<>();
        Collection<String> source = requested == null || requested.isEmpty() ? resource.resourceMethods().keySet() : requested;
        for (String m : source) {
            String name = m.trim().toUpperCase(Locale.ROOT);
            if (!Method.HTTP_METHODS.contains(name)) {
                throw DefinitionException.badRequest("Invalid HTTP method for Access-Control-Allow-Methods: " + m);
            }
            if (name.equals("ANY")) out.addAll(ANY_EXPANDS_TO);
            else out.add(name);
        }
        out.add("OPTIONS");
        return out;
    }

    private static String quoted(String value, String header) {
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) v = v.substring(1, v.length() - 1);
        if (v.isEmpty() || v.indexOf('\'') >= 0) {
            throw DefinitionException.badRequest("Invalid value for " + header + ": " + value);
        }
        return "'" + v + "'";
    }

    private static Method optionsMethod(ApiDefinition api, Method existing, Map<String, String> headers) {
        Map<String, Boolean> declared = new TreeMap<>();
        Map<String, String> mapped = new TreeMap<>();
        headers.forEach((name, value) -> {
            declared.put(METHOD_HEADER + name, false);
            mapped.put(METHOD_HEADER + name, value);
        });
        boolean keep = existing != null && existing.methodIntegration() != null
                && existing.methodIntegration().type() == dev.gatehouse.engine.model.IntegrationType.MOCK;
        Method base = keep ? existing : Method.of("OPTIONS");
        Integration integration = keep ? existing.methodIntegration()
                : Integration.mock().withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"));

        MethodResponse oldResponse = base.methodResponses().get("200");
        Map<String, Boolean> responseParameters = new TreeMap<>(oldResponse == null ? Map.of() : oldResponse.responseParameters());
        responseParameters.putAll(declared);
        Map<String, String> models = oldResponse != null ? oldResponse.responseModels()
                : api.model("Empty").isPresent() ? Map.of("application/json", "Empty") : Map.of();
        Map<String, MethodResponse> methodResponses = new TreeMap<>(base.methodResponses());
        methodResponses.put("200", new MethodResponse("200", responseParameters, models));

        IntegrationResponse oldIntegrationResponse = integration.integrationResponses().get("200");
        IntegrationResponse ir = oldIntegrationResponse == null ? IntegrationResponse.of("200") : oldIntegrationResponse;
        Map<String, String> irParameters = new TreeMap<>(ir.responseParameters());
        irParameters.putAll(mapped);
        Map<String, IntegrationResponse> integrationResponses = new TreeMap<>(integration.integrationResponses());
        integrationResponses.put("200", ir.withResponseParameters(irParameters));

        return base.withMethodResponses(methodResponses)
                .withIntegration(integration.withIntegrationResponses(integrationResponses));
    }

    private static Method withAllowOrigin(Method method, String origin) {
        Integration integration = method.methodIntegration();
        if (integration == null || integration.isProxy()) return method;
        MethodResponse response = method.methodResponses().get("200");
        IntegrationResponse ir = integration.integrationResponses().get("200");
        if (response == null || ir == null) return method;
        Map<String, Boolean> declared = new TreeMap<>(response.responseParameters());
        declared.put(METHOD_HEADER + ALLOW_ORIGIN, false);
        Map<String, MethodResponse> responses = new TreeMap<>(method.methodResponses());
        responses.put("200", new MethodResponse("200", declared, response.responseModels()));
        Map<String, String> mapped = new TreeMap<>(ir.responseParameters());
        mapped.put(METHOD_HEADER + ALLOW_ORIGIN, origin);
        Map<String, IntegrationResponse> irs = new TreeMap<>(integration.integrationResponses());
        irs.put("200", ir.withResponseParameters(mapped));
        return method.withMethodResponses(responses).withIntegration(integration.withIntegrationResponses(irs));
    }

    private static List<GatewayResponse> gatewayResponses(List<GatewayResponse> existing, Set<GatewayResponseType> types,
                                                          Map<String, String> headers) {
        List<GatewayResponse> out = new ArrayList<>();
        Set<GatewayResponseType> done = EnumSet.noneOf(GatewayResponseType.class);
        for (GatewayResponse g : existing) {
            if (types.contains(g.responseType())) {
                out.add(withHeaders(g, headers));
                done.add(g.responseType());
            } else {
                out.add(g);
            }
        }
        for (GatewayResponseType type : new TreeSet<>(types)) {
            if (done.contains(type)) continue;
            out.add(withHeaders(new GatewayResponse(type, null, Map.of(),
                    Map.of("application/json", GatewayResponses.DEFAULT_TEMPLATE), false), headers));
        }
        return out;
    }

    private static GatewayResponse withHeaders(GatewayResponse g, Map<String, String> headers) {
        Map<String, String> parameters = new TreeMap<>(g.responseParameters());
        headers.forEach((name, value) -> parameters.put(GATEWAY_HEADER + name, value));
        Map<String, String> templates = g.responseTemplates().isEmpty()
                ? Map.of("application/json", GatewayResponses.DEFAULT_TEMPLATE) : g.responseTemplates();
        return new GatewayResponse(g.responseType(), g.statusCode(), parameters, templates, false);
    }
}

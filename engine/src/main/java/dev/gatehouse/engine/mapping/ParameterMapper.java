package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.model.IntegrationType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiled parameter mappings of one integration ({@code requestParameters}) or one integration response
 * ({@code responseParameters}). Compile once per deployment with {@link #forRequest} / {@link #forResponse};
 * {@link #mapRequest} / {@link #mapResponse} run per request on any thread (immutable).
 *
 * <p>Refusals follow AWS (aws-reference §3.2): mapping onto {@code Content-Length}, {@code Transfer-Encoding},
 * {@code X-Amzn-Trace-Id} or {@code X-Amzn-Apigateway-Api-Id} — and for AWS/AWS_PROXY integrations also
 * {@code Authorization}, {@code Connection}, {@code Expect}, {@code Proxy-Authenticate}, {@code TE} — is accepted at
 * deploy time but fails each request with {@link MappingException.Kind#CONFIGURATION} (500, with a log line).
 * Mapped response headers whose names are reserved arrive renamed {@code x-amzn-Remapped-<Name>}.
 */
public final class ParameterMapper {

    private static final Set<String> RESERVED_REQUEST = Set.of("content-length", "transfer-encoding",
            "x-amzn-trace-id", "x-amzn-apigateway-api-id");
    private static final Set<String> RESERVED_REQUEST_AWS = Set.of("authorization", "connection", "expect",
            "proxy-authenticate", "te");

    /** Response headers AWS renames for every integration type. */
    public static final List<String> REMAPPED_COMMON = List.of("Connection", "Content-Length", "Date", "Server");
    /** Response headers AWS additionally renames for HTTP and AWS (non-proxy) integrations. */
    public static final List<String> REMAPPED_NON_PROXY = List.of("Authorization", "Content-MD5", "Expect", "Host",
            "Max-Forwards", "Proxy-Authenticate", "Trailer", "Upgrade", "User-Agent", "WWW-Authenticate");

    /** Where a mapped value goes. */
    public enum Location { PATH, QUERYSTRING, HEADER }

    /** One mapping: target location and name ← source. */
    public record Mapping(Location location, String name, ParameterSource source, String refusal) {}

    private final List<Mapping> mappings;
    private final IntegrationType type;

    private ParameterMapper(List<Mapping> mappings, IntegrationType type) {
        this.mappings = List.copyOf(mappings);
        this.type = type;
    }

    /**
     * Compiles an integration's {@code requestParameters} ({@code integration.request.{path|querystring|header}.NAME
     * → source}).
     *
     * @throws MappingException kind CONFIGURATION for an unknown target or source expression
     */
    public static ParameterMapper forRequest(Map<String, String> requestParameters, IntegrationType type) {
        List<Mapping> out = new ArrayList<>();
        for (Map.Entry<String, String> e : requestParameters.entrySet()) {
            String target = e.getKey();
            Location location;
            String name;
            if (target.startsWith("integration.request.path.")) {
                location = Location.PATH;
                name = target.substring("integration.request.path.".length());
            } else if (target.startsWith("integration.request.querystring.")) {
                location = Location.QUERYSTRING;
                name = target.substring("integration.request.querystring.".length());
            } else if (target.startsWith("integration.request.header.")) {
                location = Location.HEADER;
                name = target.substring("integration.request.header.".length());
            } else {
                throw MappingException.of(MappingException.Kind.CONFIGURATION,
                        "Invalid mapping expression specified: " + target);
            }
            if (name.isEmpty()) {
                throw MappingException.of(MappingException.Kind.CONFIGURATION,
                        "Invalid mapping expression specified: " + target);
            }
            ParameterSource source = ParameterSource.parse(e.getValue());
            if (source.kind().responseOnly()) {
                throw MappingException.of(MappingException.Kind.CONFIGURATION, "Invalid mapping expression specified: "
                        + e.getValue() + " cannot be used in an integration request");
            }
            out.add(new Mapping(location, name, source, location == Location.HEADER ? refusal(name, type) : null));
        }
        return new ParameterMapper(out, type);
    }

    /**
     * Compiles an integration response's {@code responseParameters} ({@code method.response.header.NAME → source}).
     *
     * @throws MappingException kind CONFIGURATION for an unknown target or source expression
     */
    public static ParameterMapper forResponse(Map<String, String> responseParameters, IntegrationType type) {
        List<Mapping> out = new ArrayList<>();
        for (Map.Entry<String, String> e : responseParameters.entrySet()) {
            String target = e.getKey();
            if (!target.startsWith("method.response.header.") || target.length() == "method.response.header.".length()) {
                throw MappingException.of(MappingException.Kind.CONFIGURATION,
                        "Invalid mapping expression specified: " + target);
            }
            ParameterSource source = ParameterSource.parse(e.getValue());
            if (source.kind().requestOnly() && source.kind() != ParameterSource.Kind.LITERAL) {
                throw MappingException.of(MappingException.Kind.CONFIGURATION, "Invalid mapping expression specified: "
                        + e.getValue() + " cannot be used in an integration response");
            }
            out.add(new Mapping(Location.HEADER, target.substring("method.response.header.".length()), source, null));
        }
        return new ParameterMapper(out, type);
    }

    private static String refusal(String header, IntegrationType type) {
        String lower = header.toLowerCase(Locale.ROOT);
        boolean aws = type == IntegrationType.AWS || type == IntegrationType.AWS_PROXY;
        if (RESERVED_REQUEST.contains(lower) || (aws && RESERVED_REQUEST_AWS.contains(lower))) {
            return "Invalid mapping expression specified: header " + header + " is reserved and cannot be mapped";
        }
        return null;
    }

    public List<Mapping> mappings() {
        return mappings;
    }

    /** The integration request's mapped parameters. */
    public record MappedRequest(Map<String, String> path, Map<String, List<String>> querystring,
                                Map<String, List<String>> headers) {}

    private static final MappedRequest NOTHING_MAPPED = new MappedRequest(Map.of(), Map.of(), Map.of());

    /**
     * Resolves every request mapping against the method request. Sources without a value are left out.
     *
     * @throws MappingException kind CONFIGURATION when a mapping targets a reserved header
     */
    public MappedRequest mapRequest(MappingRequest request) {
        if (mappings.isEmpty()) return NOTHING_MAPPED;
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ParameterSource.Documents documents = new ParameterSource.Documents();
        for (Mapping m : mappings) {
            if (m.refusal() != null) throw MappingException.of(MappingException.Kind.CONFIGURATION, m.refusal());
            List<String> values = m.source().resolve(request, null, documents);
            if (values.isEmpty()) continue;
            switch (m.location()) {
                case PATH -> path.put(m.name(), values.get(values.size() - 1));
                case QUERYSTRING -> query.put(m.name(), values);
                case HEADER -> headers.put(m.name(), values);
            }
        }
        return new MappedRequest(Collections.unmodifiableMap(path), Collections.unmodifiableMap(query),
                Collections.unmodifiableMap(headers));
    }

    /**
     * Resolves every response mapping: method response header → values, with reserved names already renamed
     * {@code x-amzn-Remapped-<Name>}.
     */
    public Map<String, List<String>> mapResponse(MappingRequest request, IntegrationResponseData response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ParameterSource.Documents documents = new ParameterSource.Documents();
        for (Mapping m : mappings) {
            List<String> values = m.source().resolve(request, response, documents);
            if (!values.isEmpty()) headers.put(m.name(), values);
        }
        return remapResponseHeaders(headers, type);
    }

    /**
     * Renames reserved response headers to {@code x-amzn-Remapped-<Name>}: {@link #REMAPPED_COMMON} for every type,
     * plus {@link #REMAPPED_NON_PROXY} for HTTP and AWS integrations. Returns a new map in the same order.
     */
    public static Map<String, List<String>> remapResponseHeaders(Map<String, List<String>> headers,
                                                                 IntegrationType type) {
        boolean nonProxy = type == IntegrationType.HTTP || type == IntegrationType.AWS;
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String canonical = reservedName(name, nonProxy);
            out.put(canonical == null ? name : "x-amzn-Remapped-" + canonical, values);
        });
        return Collections.unmodifiableMap(out);
    }

    private static String reservedName(String name, boolean nonProxy) {
        for (String r : REMAPPED_COMMON) if (r.equalsIgnoreCase(name)) return r;
        if (nonProxy) for (String r : REMAPPED_NON_PROXY) if (r.equalsIgnoreCase(name)) return r;
        return null;
    }

    @Override
    public String toString() {
        return "ParameterMapper{" + type + ", " + mappings.size() + " mappings}";
    }
}

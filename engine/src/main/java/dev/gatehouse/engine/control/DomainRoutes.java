package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.DomainName.BasePathMapping;
import dev.gatehouse.engine.model.EndpointType;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.RestApi;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.WorkspaceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Custom domain names (Create/Get/GetAll/Update/DeleteDomainName) and their base path mappings
 * (Create/Get/GetAll/Update/DeleteBasePathMapping), botocore's {@code apigateway} shapes and status codes. Each
 * change is one workspace edit of {@code domainnames/{name}.json}; the served plan is rebuilt from it, so the data
 * plane routes {@code Host: name} by base path at once ({@code routing.DomainMappings}).
 *
 * <p>Certificates are accepted and stored as given (names and ARNs; uploaded bodies and private keys are not kept):
 * the engine serves the domain's traffic on its own listener, so a certificate here is a record of what AWS would
 * use, not what the engine presents.
 */
final class DomainRoutes {
    static final String NOT_FOUND = "Invalid domain name identifier specified";
    static final String NO_MAPPING = "Invalid base path mapping identifier specified";
    /** AWS's answer to a V1 base path with a slash (multi-level base paths are API Gateway V2 only). */
    static final String SLASH_IN_BASE_PATH = "API Gateway V1 doesn't support the slash character (/) in base path mappings. "
            + "To create a multi-level base path mapping, use API Gateway V2.";
    /** A DNS name, optionally a leading wildcard label (AWS allows {@code *.example.com}). */
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    /** Base path characters AWS allows in a V1 mapping (RFC 3986 unreserved plus sub-delims it lists). */
    private static final Pattern BASE_PATH = Pattern.compile("[A-Za-z0-9$\\-_.+!*'()]{1,1024}");
    /** CloudFront's hosted zone id, the same for every distribution (an EDGE domain's alias target). */
    private static final String CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2";
    private static final TreePatch DOMAIN_PATCH = new TreePatch(
            Set.of("certificateName", "certificateArn", "regionalCertificateName", "regionalCertificateArn", "securityPolicy"),
            Set.of(), Set.of());
    private static final List<String> MAPPING_PATHS = List.of("/basePath", "/restapiId", "/stage");

    private DomainRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("POST", "/domainnames", call -> ControlResponse.json(201, view(create(api, call))));
        r.on("GET", "/domainnames", call -> ControlResponse.json(200, call.page(
                api.gateway().workspace().domainNames().stream().map(d -> (JsonNode) view(d)).toList())));
        r.on("GET", "/domainnames/{domain_name}", call -> ControlResponse.json(200, view(domain(api.gateway().workspace().state(),
                call.param("domain_name")))));
        r.on("PATCH", "/domainnames/{domain_name}", call -> ControlResponse.json(200, view(update(api, call))));
        r.on("DELETE", "/domainnames/{domain_name}", call -> {
            // names are stored lower-case (DNS is case-insensitive); the request may spell it otherwise
            String name = domain(api.gateway().workspace().state(), call.param("domain_name")).domainName();
            api.apply(Edit.deleteDomainName(name));
            return ControlResponse.empty(202);
        });

        r.on("POST", "/domainnames/{domain_name}/basepathmappings", call -> ControlResponse.json(201, createMapping(api, call)));
        r.on("GET", "/domainnames/{domain_name}/basepathmappings", call -> {
            DomainName d = domain(api.gateway().workspace().state(), call.param("domain_name"));
            return ControlResponse.json(200, call.page(d.basePathMappings().stream().map(m -> (JsonNode) Call.tree(m)).toList()));
        });
        r.on("GET", "/domainnames/{domain_name}/basepathmappings/{base_path}", call -> {
            DomainName d = domain(api.gateway().workspace().state(), call.param("domain_name"));
            return ControlResponse.json(200, mapping(d, call.param("base_path")));
        });
        r.on("PATCH", "/domainnames/{domain_name}/basepathmappings/{base_path}", call -> ControlResponse.json(200, updateMapping(api, call)));
        r.on("DELETE", "/domainnames/{domain_name}/basepathmappings/{base_path}", call -> {
            String name = call.param("domain_name");
            String base = call.param("base_path");
            api.apply(ControlApi.derived("Delete base path mapping " + base + " of " + name, state -> {
                DomainName d = domain(state, name);
                BasePathMapping gone = mapping(d, base);
                return Edit.putDomainName(withMappings(d, d.basePathMappings().stream().filter(m -> m != gone).toList()));
            }));
            return ControlResponse.empty(202);
        });
    }

    // ---- domain names ----------------------------------------------------------------------------------------

    private static DomainName create(ControlApi api, Call call) {
        String name = call.string("domainName");
        if (name == null || name.isBlank()) throw ControlException.badRequest("No Domain Name specified");
        name = name.toLowerCase(Locale.ROOT);
        if (name.length() > 253 || !HOST.matcher(name).matches()) {
            throw ControlException.badRequest("Invalid domain name specified: " + call.string("domainName"));
        }
        RestApi.EndpointConfiguration endpoint = call.member("endpointConfiguration", RestApi.EndpointConfiguration.class);
        if (endpoint == null || endpoint.types().isEmpty()) endpoint = RestApi.EndpointConfiguration.edge();
        checkEndpoint(endpoint);
        String policy = securityPolicy(call.string("securityPolicy"));
        String certificateName = call.string("certificateName");
        String certificateArn = call.string("certificateArn");
        String regionalName = call.string("regionalCertificateName");
        String regionalArn = call.string("regionalCertificateArn");
        // uploaded certificates are read for their type only: the engine keeps no private keys in a workspace
        call.string("certificateBody");
        call.string("certificatePrivateKey");
        call.string("certificateChain");
        boolean regional = endpoint.types().contains(EndpointType.REGIONAL);
        String alias = "d-" + Ids.random(10);
        DomainName domain = new DomainName(name, certificateName, certificateArn, regionalName, regionalArn,
                regional ? null : alias + ".cloudfront.net",
                regional ? alias + ".execute-api." + region(call) + ".amazonaws.com" : null,
                endpoint, policy, call.stringMap("tags"), List.of());
        String finalName = name;
        api.apply(ControlApi.derived("Create domain name " + name, state -> {
            if (state.domainName(finalName).isPresent()) {
                // [verify] AWS's wording for a domain name that exists already
                throw DefinitionException.conflict("The domain name you provided already exists.");
            }
            return Edit.putDomainName(domain);
        }));
        return domain;
    }

    private static DomainName update(ControlApi api, Call call) {
        String name = call.param("domain_name");
        List<Patch> patches = Patch.of(call);
        List<Patch> scalar = new ArrayList<>();
        List<Patch> types = new ArrayList<>();
        for (Patch p : patches) {
            if (p.segments().size() == 3 && p.segments().get(0).equals("endpointConfiguration") && p.segments().get(1).equals("types")) {
                if (!p.op().equals("replace")) throw p.unsupported(paths());
                types.add(p);
            } else {
                scalar.add(p);
            }
        }
        DomainName[] result = new DomainName[1];
        api.apply(ControlApi.derived("Change domain name " + name, state -> {
            DomainName d = domain(state, name);
            ObjectNode tree = Call.tree(d);
            ObjectNode changed;
            try {
                changed = DOMAIN_PATCH.apply(tree, scalar);
            } catch (ControlException e) {
                throw ControlException.badRequest("Invalid patch path specified; must be one of " + paths());
            }
            DomainName next = Call.convert(changed, DomainName.class, "domain name");
            securityPolicy(next.securityPolicy());
            RestApi.EndpointConfiguration endpoint = next.endpointConfiguration();
            for (Patch p : types) endpoint = replaceType(endpoint, p);
            checkEndpoint(endpoint);
            result[0] = new DomainName(d.domainName(), next.certificateName(), next.certificateArn(), next.regionalCertificateName(),
                    next.regionalCertificateArn(), d.distributionDomainName(), d.regionalDomainName(), endpoint,
                    next.securityPolicy(), d.tags(), d.basePathMappings());
            return Edit.putDomainName(result[0]);
        }));
        return result[0];
    }

    private static List<String> paths() {
        List<String> out = new ArrayList<>(DOMAIN_PATCH.paths());
        out.add("/endpointConfiguration/types/{type}");
        return out;
    }

    /** {@code replace /endpointConfiguration/types/EDGE value REGIONAL}: AWS's way to change a domain's endpoint type. */
    private static RestApi.EndpointConfiguration replaceType(RestApi.EndpointConfiguration endpoint, Patch p) {
        EndpointType from = endpointType(p.segments().get(2));
        EndpointType to = endpointType(p.requiredValue());
        if (!endpoint.types().contains(from)) {
            throw ControlException.badRequest("Invalid patch path '" + p.path() + "': the domain name's endpoint type is " + endpoint.types());
        }
        List<EndpointType> next = endpoint.types().stream().map(t -> t == from ? to : t).distinct().toList();
        return new RestApi.EndpointConfiguration(next, endpoint.vpcEndpointIds(), endpoint.ipAddressType());
    }

    private static EndpointType endpointType(String value) {
        try {
            return EndpointType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ControlException.badRequest("Invalid endpoint type '" + value + "'. Must be one of: [EDGE, REGIONAL, PRIVATE]");
        }
    }

    private static void checkEndpoint(RestApi.EndpointConfiguration endpoint) {
        if (endpoint.types().size() != 1) {
            throw ControlException.badRequest("A domain name has exactly one endpoint type, got " + endpoint.types());
        }
    }

    private static String securityPolicy(String policy) {
        if (policy == null) return null;
        if (!policy.equals("TLS_1_0") && !policy.equals("TLS_1_2") && !policy.startsWith("SecurityPolicy_")) {
            throw ControlException.badRequest("Invalid security policy '" + policy + "'. Must be one of: [TLS_1_0, TLS_1_2, SecurityPolicy_…]");
        }
        return policy;
    }

    /** The region the client signed for (the SigV4 credential scope), as AWS names regional endpoints by it. */
    private static String region(Call call) {
        String auth = call.request().header("Authorization");
        if (auth != null) {
            int i = auth.indexOf("Credential=");
            if (i >= 0) {
                String[] scope = auth.substring(i + "Credential=".length()).split("[,\\s]", 2)[0].split("/");
                if (scope.length >= 3 && scope[2].matches("[a-z0-9-]{1,32}")) return scope[2];
            }
        }
        return "us-east-1";
    }

    static DomainName domain(WorkspaceState state, String name) {
        if (name == null) throw DefinitionException.notFound(NOT_FOUND);
        return state.domainName(name.toLowerCase(Locale.ROOT)).orElseThrow(() -> DefinitionException.notFound(NOT_FOUND));
    }

    /** A domain name as AWS returns it: base path mappings are a sub-resource, status AVAILABLE once created. */
    static ObjectNode view(DomainName d) {
        ObjectNode node = Call.tree(d);
        node.remove("basePathMappings");
        node.put("domainNameStatus", "AVAILABLE");
        if (d.distributionDomainName() != null) node.put("distributionHostedZoneId", CLOUDFRONT_ZONE);
        return node;
    }

    // ---- base path mappings ----------------------------------------------------------------------------------

    private static BasePathMapping createMapping(ControlApi api, Call call) {
        String name = call.param("domain_name");
        String restApiId = call.string("restApiId");
        String stage = call.string("stage");
        String base = basePath(call.string("basePath"));
        if (restApiId == null || restApiId.isBlank()) throw ControlException.badRequest("Invalid REST API identifier specified");
        BasePathMapping mapping = new BasePathMapping(base, restApiId, stage);
        api.apply(ControlApi.derived("Map " + name + "/" + base, state -> {
            DomainName d = domain(state, name);
            checkTarget(state, mapping);
            for (BasePathMapping m : d.basePathMappings()) {
                if (normal(m.basePath()).equals(base)) throw DefinitionException.conflict("Base path already exists for this domain name");
            }
            List<BasePathMapping> all = new ArrayList<>(d.basePathMappings());
            all.add(mapping);
            return Edit.putDomainName(withMappings(d, all));
        }));
        return mapping;
    }

    private static BasePathMapping updateMapping(ControlApi api, Call call) {
        String name = call.param("domain_name");
        String base = call.param("base_path");
        List<Patch> patches = Patch.of(call);
        BasePathMapping[] result = new BasePathMapping[1];
        api.apply(ControlApi.derived("Change base path mapping " + base + " of " + name, state -> {
            DomainName d = domain(state, name);
            BasePathMapping before = mapping(d, base);
            BasePathMapping next = before;
            for (Patch p : patches) {
                if (!p.op().equals("replace") || p.segments().size() != 1) throw p.unsupported(MAPPING_PATHS);
                next = switch (p.segments().getFirst()) {
                    case "basePath" -> new BasePathMapping(basePath(p.value()), next.restApiId(), next.stage());
                    case "restapiId", "restApiId" -> new BasePathMapping(next.basePath(), p.requiredValue(), next.stage());
                    case "stage" -> new BasePathMapping(next.basePath(), next.restApiId(), p.value());
                    default -> throw p.unsupported(MAPPING_PATHS);
                };
            }
            checkTarget(state, next);
            List<BasePathMapping> all = new ArrayList<>();
            for (BasePathMapping m : d.basePathMappings()) {
                if (m == before) continue;
                if (normal(m.basePath()).equals(normal(next.basePath()))) throw DefinitionException.conflict("Base path already exists for this domain name");
                all.add(m);
            }
            all.add(next);
            result[0] = next;
            return Edit.putDomainName(withMappings(d, all));
        }));
        return result[0];
    }

    /** The mapping's API must exist, and its stage (when one is named) too: AWS answers 400 for either. */
    private static void checkTarget(WorkspaceState state, BasePathMapping m) {
        if (state.api(m.restApiId()).isEmpty()) throw ControlException.badRequest("Invalid REST API identifier specified");
        if (m.stage() != null && state.stage(m.restApiId(), m.stage()).isEmpty()) {
            throw ControlException.badRequest("Invalid stage identifier specified");
        }
    }

    /** A request's base path: absent or empty is AWS's {@code (none)}; V1 allows one segment. */
    private static String basePath(String raw) {
        if (raw == null || raw.isEmpty() || raw.equals("(none)")) return "(none)";
        if (raw.contains("/")) throw ControlException.badRequest(SLASH_IN_BASE_PATH);
        if (!BASE_PATH.matcher(raw).matches()) throw ControlException.badRequest("Invalid base path specified: " + raw);
        return raw;
    }

    private static BasePathMapping mapping(DomainName d, String base) {
        String wanted = normal(base);
        for (BasePathMapping m : d.basePathMappings()) {
            if (normal(m.basePath()).equals(wanted)) return m;
        }
        throw DefinitionException.notFound(NO_MAPPING);
    }

    /** A stored base path as AWS spells it: the root mapping may be stored empty or as {@code (none)}. */
    private static String normal(String base) {
        return base == null || base.isEmpty() ? "(none)" : base;
    }

    private static DomainName withMappings(DomainName d, List<BasePathMapping> mappings) {
        return new DomainName(d.domainName(), d.certificateName(), d.certificateArn(), d.regionalCertificateName(),
                d.regionalCertificateArn(), d.distributionDomainName(), d.regionalDomainName(), d.endpointConfiguration(),
                d.securityPolicy(), d.tags(), mappings);
    }
}

package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Authorizers as definitions: CreateAuthorizer, GetAuthorizers, GetAuthorizer, UpdateAuthorizer, DeleteAuthorizer
 * (their execution belongs to the data plane; TestInvokeAuthorizer is in {@link AuthorizerTestRoutes}).
 */
final class AuthorizerRoutes {
    private static final String ONE = "/restapis/{restapi_id}/authorizers/{authorizer_id}";
    private static final List<String> PATCH_PATHS = List.of("/name", "/type", "/authorizerUri", "/authorizerCredentials",
            "/identitySource", "/identityValidationExpression", "/authorizerResultTtlInSeconds", "/authType", "/providerARNs/{arn}");

    private AuthorizerRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("POST", "/restapis/{restapi_id}/authorizers", call -> {
            String name = call.string("name");
            if (name == null || name.isBlank()) throw ControlException.badRequest("Authorizer name must be non-empty");
            AuthorizerType type = type(call.string("type"));
            Integer ttl = call.integer("authorizerResultTtlInSeconds");
            Authorizer created = check(new Authorizer(Ids.shortId(), name, type, call.stringList("providerARNs"),
                    call.string("authType"), call.string("authorizerUri"), call.string("authorizerCredentials"),
                    call.string("identitySource"), call.string("identityValidationExpression"), ttl == null ? 300 : ttl));
            api.editApi(call.param("restapi_id"), "Create authorizer " + name, before -> {
                if (before.authorizers().stream().anyMatch(a -> a.name().equals(name))) {
                    throw DefinitionException.conflict("Authorizer with name '" + name + "' already exists");
                }
                List<Authorizer> all = new ArrayList<>(before.authorizers());
                all.add(created);
                return before.withAuthorizers(all);
            });
            return ControlResponse.json(201, created);
        });
        r.on("GET", "/restapis/{restapi_id}/authorizers", call -> ControlResponse.json(200,
                call.page(api.api(call.param("restapi_id")).authorizers().stream().map(a -> (JsonNode) Call.tree(a)).toList())));
        r.on("GET", ONE, call -> ControlResponse.json(200, authorizer(api.api(call.param("restapi_id")), call.param("authorizer_id"))));
        r.on("PATCH", ONE, call -> {
            String id = call.param("authorizer_id");
            List<Patch> patches = Patch.of(call);
            ApiDefinition after = api.editApi(call.param("restapi_id"), "Change authorizer", before -> {
                Authorizer a = authorizer(before, id);
                for (Patch p : patches) a = patch(a, p);
                Authorizer changed = check(a);
                return before.withAuthorizers(before.authorizers().stream().map(x -> x.id().equals(id) ? changed : x).toList());
            });
            return ControlResponse.json(200, authorizer(after, id));
        });
        r.on("DELETE", ONE, call -> {
            String id = call.param("authorizer_id");
            api.editApi(call.param("restapi_id"), "Delete authorizer", before -> {
                Authorizer a = authorizer(before, id);
                for (Resource res : before.resources()) {
                    for (Method m : res.resourceMethods().values()) {
                        if (id.equals(m.authorizerId())) {
                            throw DefinitionException.conflict("Cannot delete authorizer '" + a.name() + "', is referenced in method: "
                                    + m.httpMethod() + " " + res.path());
                        }
                    }
                }
                return before.withAuthorizers(before.authorizers().stream().filter(x -> !x.id().equals(id)).toList());
            });
            return ControlResponse.empty(202);
        });
    }

    static Authorizer authorizer(ApiDefinition def, String id) {
        return def.authorizer(id).orElseThrow(() -> DefinitionException.notFound("Invalid Authorizer identifier specified"));
    }

    private static AuthorizerType type(String t) {
        if (t == null) throw ControlException.badRequest("Authorizer type must be specified (TOKEN, REQUEST or COGNITO_USER_POOLS)");
        try {
            return AuthorizerType.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ControlException.badRequest("Invalid authorizer type specified: " + t + ". Valid options are TOKEN, REQUEST, COGNITO_USER_POOLS");
        }
    }

    /** What every authorizer of its type needs, as AWS asks for it. */
    private static Authorizer check(Authorizer a) {
        if (a.type() == AuthorizerType.COGNITO_USER_POOLS) {
            if (a.providerARNs() == null || a.providerARNs().isEmpty()) {
                throw ControlException.badRequest("ProviderARNs need to be specified for authorizer of type COGNITO_USER_POOLS");
            }
        } else if (a.authorizerUri() == null || a.authorizerUri().isBlank()) {
            throw ControlException.badRequest("Authorizer URI must be specified for authorizer of type " + a.type());
        }
        if (a.type() == AuthorizerType.TOKEN && (a.identitySource() == null || a.identitySource().isBlank())) {
            throw ControlException.badRequest("Identity source must be specified for authorizer of type TOKEN");
        }
        Integer ttl = a.authorizerResultTtlInSeconds();
        if (ttl != null && (ttl < 0 || ttl > 3600)) {
            throw ControlException.badRequest("Authorizer result TTL must be between 0 and 3600 seconds");
        }
        return a;
    }

    private static Authorizer patch(Authorizer a, Patch p) {
        List<String> s = p.segments();
        if (s.size() == 2 && s.getFirst().equals("providerARNs") && (p.op().equals("add") || p.isRemove())) {
            List<String> arns = new ArrayList<>(a.providerARNs() == null ? List.of() : a.providerARNs());
            if (p.isRemove()) arns.remove(s.get(1));
            else if (!arns.contains(s.get(1))) arns.add(s.get(1));
            return new Authorizer(a.id(), a.name(), a.type(), arns, a.authType(), a.authorizerUri(), a.authorizerCredentials(),
                    a.identitySource(), a.identityValidationExpression(), a.authorizerResultTtlInSeconds());
        }
        if (s.size() != 1 || !p.op().equals("replace")) throw p.unsupported(PATCH_PATHS);
        String v = p.value();
        return switch (s.getFirst()) {
            case "name" -> {
                if (v == null || v.isBlank()) throw ControlException.badRequest("Authorizer name must be non-empty");
                yield new Authorizer(a.id(), v, a.type(), a.providerARNs(), a.authType(), a.authorizerUri(),
                        a.authorizerCredentials(), a.identitySource(), a.identityValidationExpression(), a.authorizerResultTtlInSeconds());
            }
            case "type" -> new Authorizer(a.id(), a.name(), type(v), a.providerARNs(), a.authType(), a.authorizerUri(),
                    a.authorizerCredentials(), a.identitySource(), a.identityValidationExpression(), a.authorizerResultTtlInSeconds());
            case "authType" -> new Authorizer(a.id(), a.name(), a.type(), a.providerARNs(), v, a.authorizerUri(),
                    a.authorizerCredentials(), a.identitySource(), a.identityValidationExpression(), a.authorizerResultTtlInSeconds());
            case "authorizerUri" -> new Authorizer(a.id(), a.name(), a.type(), a.providerARNs(), a.authType(), v,
                    a.authorizerCredentials(), a.identitySource(), a.identityValidationExpression(), a.authorizerResultTtlInSeconds());
            case "authorizerCredentials" -> new Authorizer(a.id(), a.name(), a.type(), a.providerARNs(), a.authType(),
                    a.authorizerUri(), v, a.identitySource(), a.identityValidationExpression(), a.authorizerResultTtlInSeconds());
            case "identitySource" -> new Authorizer(a.id(), a.name(), a.type(), a.providerARNs(), a.authType(),
                    a.authorizerUri(), a.authorizerCredentials(), v, a.identityValidationExpression(), a.authorizerResultTtlInSeconds());
            case "identityValidationExpression" -> new Authorizer(a.id(), a.name(), a.type(), a.providerARNs(), a.authType(),
                    a.authorizerUri(), a.authorizerCredentials(), a.identitySource(), v, a.authorizerResultTtlInSeconds());
            case "authorizerResultTtlInSeconds" -> {
                try {
                    yield new Authorizer(a.id(), a.name(), a.type(), a.providerARNs(), a.authType(), a.authorizerUri(),
                            a.authorizerCredentials(), a.identitySource(), a.identityValidationExpression(), Integer.parseInt(p.requiredValue()));
                } catch (NumberFormatException e) {
                    throw ControlException.badRequest("Invalid authorizerResultTtlInSeconds: " + v);
                }
            }
            default -> throw p.unsupported(PATCH_PATHS);
        };
    }
}

package dev.gatehouse.engine.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.RequestValidator;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.validation.DefaultTemplateGenerator;
import dev.gatehouse.engine.validation.ModelSchemaException;
import java.util.ArrayList;
import java.util.List;

/**
 * Models (CreateModel, GetModels, GetModel, UpdateModel, DeleteModel, GetModelTemplate) and request validators
 * (Create/Get/Update/DeleteRequestValidator, GetRequestValidators), with botocore's routes and AWS's status codes.
 */
final class ModelRoutes {
    private static final String MODEL = "/restapis/{restapi_id}/models/{model_name}";
    private static final String VALIDATOR = "/restapis/{restapi_id}/requestvalidators/{requestvalidator_id}";
    private static final List<String> MODEL_PATCH_PATHS = List.of("/description", "/schema");
    private static final List<String> VALIDATOR_PATCH_PATHS = List.of("/name", "/validateRequestBody", "/validateRequestParameters");

    private ModelRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("POST", "/restapis/{restapi_id}/models", call -> createModel(api, call));
        r.on("GET", "/restapis/{restapi_id}/models", call -> ControlResponse.json(200,
                call.page(api.api(call.param("restapi_id")).models().stream().map(m -> (JsonNode) Call.tree(m)).toList())));
        r.on("GET", MODEL, call -> ControlResponse.json(200, model(api.api(call.param("restapi_id")), call.param("model_name"))));
        r.on("PATCH", MODEL, call -> updateModel(api, call));
        r.on("DELETE", MODEL, call -> {
            String name = call.param("model_name");
            api.editApi(call.param("restapi_id"), "Delete model " + name, before -> {
                model(before, name);
                String user = userOf(before, name);
                if (user != null) {
                    throw DefinitionException.conflict("Cannot delete model '" + name + "', is referenced in " + user);
                }
                return before.withModels(before.models().stream().filter(m -> !m.name().equals(name)).toList());
            });
            return ControlResponse.empty(202);
        });
        r.on("GET", MODEL + "/default_template", call -> {
            ApiDefinition def = api.api(call.param("restapi_id"));
            Model m = model(def, call.param("model_name"));
            try {
                ObjectNode out = Call.READER.createObjectNode();
                out.put("value", new DefaultTemplateGenerator(def.id(), def.models()).generate(m.name()));
                return ControlResponse.json(200, out);
            } catch (ModelSchemaException e) {
                throw ControlException.badRequest("Could not generate a template for model " + m.name() + ": " + e.reason());
            }
        });

        r.on("POST", "/restapis/{restapi_id}/requestvalidators", call -> {
            String name = call.string("name");
            if (name == null || name.isBlank()) throw ControlException.badRequest("Request validator name must be non-empty");
            RequestValidator created = new RequestValidator(Ids.shortId(), name, call.bool("validateRequestBody"),
                    call.bool("validateRequestParameters"));
            api.editApi(call.param("restapi_id"), "Create request validator " + name, before -> {
                if (before.requestValidators().stream().anyMatch(v -> v.name().equals(name))) {
                    throw DefinitionException.conflict("Validator with name '" + name + "' already exists");
                }
                List<RequestValidator> all = new ArrayList<>(before.requestValidators());
                all.add(created);
                return before.withRequestValidators(all);
            });
            return ControlResponse.json(201, created);
        });
        r.on("GET", "/restapis/{restapi_id}/requestvalidators", call -> ControlResponse.json(200,
                call.page(api.api(call.param("restapi_id")).requestValidators().stream().map(v -> (JsonNode) Call.tree(v)).toList())));
        r.on("GET", VALIDATOR, call -> ControlResponse.json(200,
                validator(api.api(call.param("restapi_id")), call.param("requestvalidator_id"))));
        r.on("PATCH", VALIDATOR, call -> {
            String id = call.param("requestvalidator_id");
            List<Patch> patches = Patch.of(call);
            ApiDefinition after = api.editApi(call.param("restapi_id"), "Change request validator", before -> {
                RequestValidator v = validator(before, id);
                for (Patch p : patches) v = patchValidator(v, p);
                RequestValidator changed = v;
                return before.withRequestValidators(before.requestValidators().stream()
                        .map(x -> x.id().equals(id) ? changed : x).toList());
            });
            return ControlResponse.json(200, validator(after, id));
        });
        r.on("DELETE", VALIDATOR, call -> {
            String id = call.param("requestvalidator_id");
            api.editApi(call.param("restapi_id"), "Delete request validator", before -> {
                validator(before, id);
                for (Resource res : before.resources()) {
                    for (Method m : res.resourceMethods().values()) {
                        if (id.equals(m.requestValidatorId())) {
                            throw DefinitionException.conflict("Cannot delete request validator " + id
                                    + ", is referenced in method " + m.httpMethod() + " " + res.path());
                        }
                    }
                }
                return before.withRequestValidators(before.requestValidators().stream().filter(v -> !v.id().equals(id)).toList());
            });
            return ControlResponse.empty(202);
        });
    }

    private static ControlResponse createModel(ControlApi api, Call call) {
        String name = call.string("name");
        DefinitionValidator.checkModelName(name);
        String contentType = call.string("contentType");
        if (contentType == null || contentType.isBlank()) throw ControlException.badRequest("Content type must be non-empty");
        String schema = call.string("schema");
        checkSchema(schema, contentType);
        Model created = new Model(Ids.shortId(), name, call.string("description"), schema, contentType);
        api.editApi(call.param("restapi_id"), "Create model " + name, before -> {
            if (before.model(name).isPresent()) throw DefinitionException.conflict("Model name already exists for this REST API");
            List<Model> all = new ArrayList<>(before.models());
            all.add(created);
            return before.withModels(all);
        });
        return ControlResponse.json(201, created);
    }

    private static ControlResponse updateModel(ControlApi api, Call call) {
        String name = call.param("model_name");
        List<Patch> patches = Patch.of(call);
        ApiDefinition after = api.editApi(call.param("restapi_id"), "Change model " + name, before -> {
            Model m = model(before, name);
            for (Patch p : patches) {
                if (!p.op().equals("replace") || p.segments().size() != 1) throw p.unsupported(MODEL_PATCH_PATHS);
                m = switch (p.segments().getFirst()) {
                    case "description" -> new Model(m.id(), m.name(), p.value(), m.schema(), m.contentType());
                    case "schema" -> {
                        checkSchema(p.requiredValue(), m.contentType());
                        yield new Model(m.id(), m.name(), m.description(), p.value(), m.contentType());
                    }
                    default -> throw p.unsupported(MODEL_PATCH_PATHS);
                };
            }
            Model changed = m;
            return before.withModels(before.models().stream().map(x -> x.name().equals(name) ? changed : x).toList());
        });
        return ControlResponse.json(200, model(after, name));
    }

    /** A JSON model's schema must be a JSON object (AWS refuses anything else at create time). */
    private static void checkSchema(String schema, String contentType) {
        if (schema == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) return;
        try {
            JsonNode node = Call.READER.readTree(schema);
            if (node == null || !node.isObject()) throw ControlException.badRequest("Invalid model specified: the schema must be a JSON object");
        } catch (JsonProcessingException e) {
            throw ControlException.badRequest("Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified: "
                    + e.getOriginalMessage() + "]");
        }
    }

    private static RequestValidator patchValidator(RequestValidator v, Patch p) {
        if (!p.op().equals("replace") || p.segments().size() != 1) throw p.unsupported(VALIDATOR_PATCH_PATHS);
        return switch (p.segments().getFirst()) {
            case "name" -> {
                if (p.value() == null || p.value().isBlank()) throw ControlException.badRequest("Request validator name must be non-empty");
                yield new RequestValidator(v.id(), p.value(), v.validateRequestBody(), v.validateRequestParameters());
            }
            case "validateRequestBody" -> new RequestValidator(v.id(), v.name(), Patch.parseBoolean(p), v.validateRequestParameters());
            case "validateRequestParameters" -> new RequestValidator(v.id(), v.name(), v.validateRequestBody(), Patch.parseBoolean(p));
            default -> throw p.unsupported(VALIDATOR_PATCH_PATHS);
        };
    }

    static Model model(ApiDefinition def, String name) {
        return def.model(name).orElseThrow(() -> DefinitionException.notFound("Invalid Model Name specified"));
    }

    static RequestValidator validator(ApiDefinition def, String id) {
        return def.requestValidator(id).orElseThrow(() -> DefinitionException.notFound("Invalid Request Validator identifier specified"));
    }

    /** Where a model is used ("method request: GET /pets"), or null. */
    private static String userOf(ApiDefinition def, String name) {
        for (Resource res : def.resources()) {
            for (Method m : res.resourceMethods().values()) {
                if (m.requestModels().containsValue(name)) return "method request: " + m.httpMethod() + " " + res.path();
                for (var mr : m.methodResponses().values()) {
                    if (mr.responseModels().containsValue(name)) {
                        return "method response " + mr.statusCode() + ": " + m.httpMethod() + " " + res.path();
                    }
                }
            }
        }
        return null;
    }
}

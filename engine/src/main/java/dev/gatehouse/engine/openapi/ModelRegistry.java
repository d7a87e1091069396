package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models of an import. Every schema in {@code definitions} (Swagger) or {@code components.schemas} (OAS 3)
 * becomes a model of the same name (letters and digits only, as AWS requires; renamed otherwise, with references following).
 * An inline request or response schema becomes a generated model named after its operation; identical inline
 * schemas share one model, so exporting and re-importing gives the same models.
 */
final class ModelRegistry {
    static final String CONTENT_TYPE = "application/json";
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final ImportContext ctx;
    private final Map<String, String> componentByPointer = new HashMap<>();
    private final Map<String, String> componentPointerByName = new LinkedHashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Map<String, Model> models = new LinkedHashMap<>();
    private final Map<String, String> generatedBySchema = new HashMap<>();
    private SchemaConverter converter;

    ModelRegistry(ImportContext ctx) {
        this.ctx = ctx;
    }

    private String base() {
        return ctx.swagger() ? "/definitions" : "/components/schemas";
    }

    SchemaConverter converter() {
        if (converter == null) {
            converter = new SchemaConverter(ctx.ids.apiId(), ctx.refs, ctx.findings, componentByPointer::get);
        }
        return converter;
    }

    /** Phase 1: name every component schema, so references between them can be written before conversion. */
    void declareComponents() {
        JsonNode schemas = ctx.root.at(base());
        if (schemas.isMissingNode() || schemas.isNull()) return;
        if (!schemas.isObject()) {
            ctx.findings.error(base(), "schemas must be an object, not " + Shapes.describe(schemas));
            return;
        }
        for (String name : Shapes.iterable(schemas)) {
            String pointer = Pointers.child(base(), name);
            String modelName = unique(Names.alphanumeric(name));
            if (!modelName.equals(name)) {
                ctx.findings.info(pointer, "model name '" + name + "' is not alphanumeric (an AWS rule); renamed to '"
                        + modelName + "'");
            }
            componentByPointer.put(pointer, modelName);
            componentPointerByName.put(modelName, pointer);
        }
    }

    /** Phase 2: convert every component schema to a draft-4 model. */
    void convertComponents() {
        JsonNode schemas = ctx.root.at(base());
        for (Map.Entry<String, String> e : componentPointerByName.entrySet()) {
            String pointer = e.getValue();
            JsonNode schema = schemas.get(Pointers.last(pointer));
            if (aliasLoop(schema, pointer)) continue;
            add(e.getKey(), converter().convert(schema, pointer));
        }
    }

    /** True (with an ERROR) when a schema is only a $ref into a chain of $refs that comes back to itself. */
    private boolean aliasLoop(JsonNode schema, String pointer) {
        List<String> chain = new ArrayList<>();
        chain.add("#" + pointer);
        JsonNode current = schema;
        while (RefResolver.isRef(current) && current.size() == 1) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) return false;
            chain.add(ref);
            String target = Pointers.fromRef(ref);
            if (target.equals(pointer)) {
                ctx.findings.error(Pointers.child(pointer, "$ref"), "circular $ref: " + String.join(" → ", chain));
                return true;
            }
            if (chain.subList(0, chain.size() - 1).contains(ref)) return false;
            current = ctx.root.at(target);
        }
        return false;
    }

    /**
     * The model for a request or response schema: the component's model for a plain {@code $ref}, else a
     * generated model named from {@code suggestedName}. Null when the schema cannot be read (reported).
     */
    String modelFor(JsonNode schema, String pointer, String suggestedName) {
        if (RefResolver.isRef(schema) && schema.size() == 1) {
            String ref = schema.get("$ref").asText();
            if (ref.startsWith("#")) {
                String model = componentByPointer.get(Pointers.fromRef(ref));
                if (model != null) return model;
            }
        }
        int before = ctx.findings.errorCount();
        JsonNode converted = converter().convert(schema, pointer);
        if (ctx.findings.errorCount() > before) return null;
        String json = write(converted);
        String existing = generatedBySchema.get(json);
        if (existing != null) return existing;
        String name = unique(Names.alphanumeric(suggestedName));
        generatedBySchema.put(json, name);
        models.put(name, new Model(ctx.ids.model(name), name, null, json, CONTENT_TYPE));
        ctx.findings.info(pointer, "inline schema stored as model '" + name + "'");
        return name;
    }

    List<Model> models() {
        return new ArrayList<>(models.values());
    }

    private void add(String name, JsonNode schema) {
        models.put(name, new Model(ctx.ids.model(name), name, null, write(schema), CONTENT_TYPE));
    }

    private String unique(String name) {
        String candidate = name;
        for (int i = 2; !usedNames.add(candidate); i++) candidate = name + i;
        return candidate;
    }

    static String write(JsonNode schema) {
        try {
            return PLAIN.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}

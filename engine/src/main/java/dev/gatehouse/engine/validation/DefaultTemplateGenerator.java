package dev.gatehouse.engine.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.Model;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The VTL skeleton AWS generates from a model ({@code GET /restapis/{id}/models/{name}/default_template} and the
 * console's "Generate template"): {@code #set($inputRoot = $input.path('$'))}, then the model's shape with
 * {@code "name" : "$inputRoot.name"} for strings and unquoted references for numbers, integers and booleans, and a
 * {@code #foreach} (with AWS's {@code ##TODO} comment) for arrays. {@code $ref}s to sibling models are followed.
 * Stateless; thread-safe.
 */
public final class DefaultTemplateGenerator {

    private static final int MAX_DEPTH = 8;

    private final Map<String, JsonNode> schemasByUrl = new HashMap<>();
    private final Map<String, JsonNode> schemasByName = new HashMap<>();

    /** A generator that can follow references between the given models of API {@code apiId}. */
    public DefaultTemplateGenerator(String apiId, Collection<Model> models) {
        for (Model m : models) {
            if (m.schema() == null) continue;
            try {
                JsonNode node = ModelSchemas.JSON.readTree(m.schema());
                schemasByUrl.put(ModelSchemas.modelUrl(apiId, m.name()), node);
                schemasByName.put(m.name(), node);
            } catch (JsonProcessingException e) {
                // an unparsable model has no template; generate() reports it
            }
        }
    }

    /**
     * The template for {@code modelName}.
     *
     * @throws ModelSchemaException when the model is unknown or its schema is not JSON
     */
    public String generate(String modelName) {
        JsonNode schema = schemasByName.get(modelName);
        if (schema == null) throw new ModelSchemaException(modelName, "is not a JSON model of this API");
        StringBuilder out = new StringBuilder("#set($inputRoot = $input.path('$'))\n");
        JsonNode resolved = resolve(schema);
        if (isArray(resolved)) {
            array(out, resolved, "$inputRoot", "", 0);
        } else if (isObject(resolved)) {
            object(out, resolved, "$inputRoot", "", 0);
        } else {
            out.append(scalar(resolved, "$inputRoot"));
        }
        return out.append('\n').toString();
    }

    private void object(StringBuilder out, JsonNode schema, String ref, String indent, int depth) {
        out.append("{\n");
        JsonNode props = schema.path("properties");
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        String inner = indent + "  ";
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = ref + "." + e.getKey();
            JsonNode p = resolve(e.getValue());
            out.append(inner).append('"').append(e.getKey()).append("\" : ");
            if (depth >= MAX_DEPTH) {
                out.append("$input.json('").append(jsonPath(child)).append("')");
            } else if (isObject(p)) {
                object(out, p, child, inner, depth + 1);
            } else if (isArray(p)) {
                array(out, p, child, inner, depth + 1);
            } else {
                out.append(scalar(p, child));
            }
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private void array(StringBuilder out, JsonNode schema, String ref, String indent, int depth) {
        out.append("[\n##TODO: Update this foreach loop to reference array from input json\n");
        String elem = depth == 0 ? "$elem" : "$elem" + depth;
        out.append("#foreach(").append(elem).append(" in ").append(ref).append(")\n");
        JsonNode items = resolve(schema.path("items"));
        out.append(' ');
        if (isObject(items) && depth < MAX_DEPTH) {
            object(out, items, elem, indent, depth + 1);
        } else if (isArray(items) && depth < MAX_DEPTH) {
            array(out, items, elem, indent, depth + 1);
        } else {
            out.append(scalar(items, elem));
        }
        out.append(" \n#if($foreach.hasNext),#end\n#end\n").append(indent).append(']');
    }

    private static String scalar(JsonNode schema, String ref) {
        String type = schema.path("type").asText("");
        return switch (type) {
            case "number", "integer", "boolean" -> ref;
            default -> "\"" + ref + "\"";
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            JsonNode target = schemasByUrl.get(ref);
            if (target == null && ref.startsWith("#/definitions/")) {
                target = schema.at(ref.substring(1));
            }
            if (target == null || target.isMissingNode()) return current;
            current = target;
        }
        return current == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : current;
    }

    private static boolean isObject(JsonNode s) {
        return "object".equals(s.path("type").asText()) || (!s.has("type") && s.has("properties"));
    }

    private static boolean isArray(JsonNode s) {
        return "array".equals(s.path("type").asText()) || (!s.has("type") && s.has("items"));
    }

    private static String jsonPath(String ref) {
        return "$" + ref.substring("$inputRoot".length());
    }
}

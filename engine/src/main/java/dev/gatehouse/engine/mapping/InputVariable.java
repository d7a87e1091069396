package dev.gatehouse.engine.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code $input} in one render: the payload and the method request's parameters. Created per render and used
 * on the rendering thread only. The payload is parsed lazily, once, on the first {@code path}/{@code json} call;
 * a body that starts like JSON and does not parse fails that call with AWS's 400
 * ({@link MappingException.Kind#INVALID_PAYLOAD}). A body request validation parsed is not parsed again: plain
 * property chains ({@code $.a.b}) are read in validation's tree as long as no container has been handed to the
 * template, and the json-smart document is built from that tree when one is ({@link JsonSupport#sharedTree}).
 */
public final class InputVariable {

    private final MappingRequest request;
    private final Map<String, JsonSupport.Path> precompiled;
    private Object document;
    private boolean parsed;
    /** See {@link #tree}: checked once per render, on the first plain path. */
    private com.fasterxml.jackson.databind.JsonNode sharedTree;
    private boolean treeChecked;
    /** Where {@code json} writes from the tree, reused by the render's later calls. */
    private StringBuilder jsonBuffer;
    private Map<String, Object> params;

    InputVariable(MappingRequest request, Map<String, JsonSupport.Path> precompiled) {
        this.request = request;
        this.precompiled = precompiled;
    }

    /** {@code $input.body}: the raw payload. */
    public String getBody() {
        return request.body();
    }

    /** {@code $input.json(x)}: the JSONPath result as JSON text (strings quoted); a missing path gives "". */
    public String json(String path) {
        if (path == null) return "";
        JsonSupport.Path compiled = compiled(path);
        com.fasterxml.jackson.databind.JsonNode tree = tree(compiled);
        if (tree != null) {
            com.fasterxml.jackson.databind.JsonNode node = JsonSupport.readTree(tree, compiled.properties());
            if (node == null || node.isNull()) return "";
            if (jsonBuffer == null) jsonBuffer = new StringBuilder(256);
            return JsonSupport.treeToJson(node, jsonBuffer);
        }
        Object value = JsonSupport.read(document(), compiled);
        return value == null ? "" : JsonSupport.toJson(value);
    }

    /** {@code $input.path(x)}: the JSONPath result as a template value (text bodies: {@code $} is the text). */
    public Object path(String path) {
        if (path == null) return null;
        JsonSupport.Path compiled = compiled(path);
        com.fasterxml.jackson.databind.JsonNode tree = tree(compiled);
        if (tree != null) {
            com.fasterxml.jackson.databind.JsonNode node = JsonSupport.readTree(tree, compiled.properties());
            if (node == null) return null;
            if (node.isValueNode()) return JsonSupport.scalar(node);
            // a container is handed out as a view of the document, which the template may change: build it now
        }
        return JsonSupport.view(JsonSupport.read(document(), compiled));
    }

    /** {@code $input.params()}: {@code {path={…}, querystring={…}, header={…}}}. */
    public Map<String, Object> params() {
        if (params == null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("path", new LinkedHashMap<>(request.pathParameters()));
            all.put("querystring", lastValues(request.queryParameters()));
            all.put("header", lastValues(request.headers()));
            params = all;
        }
        return params;
    }

    /** {@code $input.params(x)}: x from path, else query string, else header (case-insensitive); else "". */
    public String params(String name) {
        if (name == null) return "";
        String v = request.pathParameters().get(name);
        if (v == null) v = request.queryParameter(name);
        if (v == null) v = request.header(name);
        return v == null ? "" : v;
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> out = new LinkedHashMap<>();
        multi.forEach((k, v) -> {
            if (!v.isEmpty()) out.put(k, v.get(v.size() - 1));
        });
        return out;
    }

    private JsonSupport.Path compiled(String path) {
        JsonSupport.Path compiled = precompiled.get(path);
        return compiled != null ? compiled : JsonSupport.compiled(path);
    }

    /**
     * Request validation's tree of the body, when {@code compiled} is a plain property chain that may be read in it
     * instead of the document: the document is not built yet (nothing the template holds can have changed it) and
     * the tree is shared ({@link JsonSupport#sharedTree}: the document would be built from it). Else null.
     */
    private com.fasterxml.jackson.databind.JsonNode tree(JsonSupport.Path compiled) {
        if (parsed || compiled.properties() == null) return null;
        if (!treeChecked) {
            JsonTreeReader.Tree validated = request.validatedTree();
            sharedTree = validated == null ? null
                    : JsonSupport.sharedTree(validated.tree(), request.body(), validated.convertible());
            treeChecked = true;
        }
        return sharedTree;
    }

    Object document() {
        if (!parsed) {
            Object shared = sharedTree != null ? JsonSupport.fromShared(sharedTree)
                    : treeChecked ? null : fromValidated();
            document = shared != null ? shared : JsonSupport.parse(request.body());
            parsed = true;
        }
        return document;
    }

    private Object fromValidated() {
        JsonTreeReader.Tree validated = request.validatedTree();
        return validated == null ? null
                : JsonSupport.fromValidated(validated.tree(), request.body(), validated.convertible());
    }

    /** The resolved values, for the playground. */
    Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("body", request.body());
        out.put("params", params());
        return Collections.unmodifiableMap(out);
    }

    /**
     * What a bare {@code $input} (no property, no call) prints: nothing. [verify] No AWS recording or documentation of
     * this output was found. AWS renders templates with Java Velocity, which prints a reference's
     * {@code toString()}; AWS's variable objects document no string form, so on AWS this is at best an opaque,
     * per-request Java identity string that no template can rely on. The empty string is the most defensible
     * stand-in: a template that prints the variable by mistake gets no invented text, neither the reference's own
     * source text nor one of our class names.
     */
    @Override
    public String toString() {
        return "";
    }
}

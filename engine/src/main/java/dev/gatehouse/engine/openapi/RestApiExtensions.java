package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiKeySource;
import dev.gatehouse.engine.model.EndpointType;
import dev.gatehouse.engine.model.RestApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's own settings from {@code info} and the root-level extensions: api-key-source, binary-media-types,
 * minimum-compression-size (0..10485760), policy (an object or a JSON string), endpoint-configuration (at the
 * root or on a server), tag-value (on root tags), importexport-version, documentation (not modelled: noted).
 * Any other {@code x-amazon-apigateway-*} key at the root is reported as unknown.
 */
final class RestApiExtensions {
    static final String API_KEY_SOURCE = "x-amazon-apigateway-api-key-source";
    static final String BINARY_MEDIA_TYPES = "x-amazon-apigateway-binary-media-types";
    static final String MINIMUM_COMPRESSION_SIZE = "x-amazon-apigateway-minimum-compression-size";
    static final String POLICY = "x-amazon-apigateway-policy";
    static final String ENDPOINT_CONFIGURATION = "x-amazon-apigateway-endpoint-configuration";
    static final String TAG_VALUE = "x-amazon-apigateway-tag-value";
    static final String IMPORTEXPORT_VERSION = "x-amazon-apigateway-importexport-version";
    static final String DOCUMENTATION = "x-amazon-apigateway-documentation";
    private static final Set<String> ROOT_KNOWN = Set.of(API_KEY_SOURCE, BINARY_MEDIA_TYPES, MINIMUM_COMPRESSION_SIZE,
            POLICY, ENDPOINT_CONFIGURATION, IMPORTEXPORT_VERSION, DOCUMENTATION, GatewayResponsesExtension.KEY,
            RequestValidatorsExtension.VALIDATORS, RequestValidatorsExtension.VALIDATOR);
    private static final Set<String> ENDPOINT_KNOWN = Set.of("types", "vpcEndpointIds", "disableExecuteApiEndpoint",
            "ipAddressType");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private RestApiExtensions() {}

    static RestApi read(ImportContext ctx, String apiId, long createdDate, String rootResourceId) {
        JsonNode root = ctx.root;
        Shapes s = ctx.shapes;
        for (String key : Shapes.iterable(root)) {
            if (key.startsWith("x-amazon-apigateway-") && !ROOT_KNOWN.contains(key)) {
                ctx.findings.warn("/" + Pointers.escape(key), "unknown extension " + key + "; ignored");
            }
        }
        JsonNode info = root.path("info");
        String name = info.path("title").isValueNode() ? info.path("title").asText() : null;
        if (name == null || name.isBlank()) {
            ctx.findings.warn("/info/title", "info.title is missing; the API is named after the file");
            name = ctx.doc.sourceName().replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        }
        String description = info.path("description").isValueNode() ? info.path("description").asText() : null;
        String version = info.path("version").isValueNode() ? info.path("version").asText() : null;

        ApiKeySource keySource = s.enumValue(root, API_KEY_SOURCE, "", ApiKeySource.class);
        List<String> binary = s.stringList(root, BINARY_MEDIA_TYPES, "");
        Integer compression = s.integer(root, MINIMUM_COMPRESSION_SIZE, "", 0, 10_485_760);
        String policy = policy(ctx);
        JsonNode version2 = root.get(IMPORTEXPORT_VERSION);
        if (version2 != null && !"1.0".equals(version2.asText())) {
            ctx.findings.warn("/" + IMPORTEXPORT_VERSION, "importexport-version '" + version2.asText()
                    + "' is not known; read as 1.0");
        }
        if (root.has(DOCUMENTATION)) {
            ctx.findings.info("/" + Pointers.escape(DOCUMENTATION), "documentation parts are not modelled yet; not imported");
        }
        Endpoint endpoint = endpoint(ctx);
        return new RestApi(apiId, name, description, createdDate, version, null, binary, compression, keySource,
                endpoint == null ? null : endpoint.configuration, policy, tags(ctx),
                endpoint == null ? null : endpoint.disableExecuteApiEndpoint, rootResourceId);
    }

    private static String policy(ImportContext ctx) {
        JsonNode node = ctx.root.get(POLICY);
        String at = "/" + POLICY;
        if (node == null || node.isNull()) return null;
        try {
            if (node.isObject()) return PLAIN.writeValueAsString(node);
            if (node.isTextual()) {
                JsonNode parsed = PLAIN.readTree(node.asText());
                if (parsed != null && parsed.isObject()) return node.asText();
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        ctx.findings.error(at, POLICY + " must be a policy document (an object or a JSON string), not " + Shapes.describe(node));
        return null;
    }

    private record Endpoint(RestApi.EndpointConfiguration configuration, Boolean disableExecuteApiEndpoint) {}

    private static Endpoint endpoint(ImportContext ctx) {
        JsonNode node = ctx.root.get(ENDPOINT_CONFIGURATION);
        String pointer = "/" + ENDPOINT_CONFIGURATION;
        if (node == null) {
            JsonNode servers = ctx.root.path("servers");
            for (int i = 0; i < servers.size(); i++) {
                if (servers.get(i).has(ENDPOINT_CONFIGURATION)) {
                    node = servers.get(i).get(ENDPOINT_CONFIGURATION);
                    pointer = "/servers/" + i + "/" + ENDPOINT_CONFIGURATION;
                    break;
                }
            }
        }
        if (node == null || !ctx.shapes.isObject(node, pointer, ENDPOINT_CONFIGURATION)) return null;
        ctx.shapes.unknownKeys(node, pointer, ENDPOINT_KNOWN, ENDPOINT_CONFIGURATION);
        List<EndpointType> types = new ArrayList<>();
        List<String> typeNames = ctx.shapes.stringList(node, "types", pointer);
        if (typeNames != null) {
            for (int i = 0; i < typeNames.size(); i++) {
                try {
                    types.add(EndpointType.valueOf(typeNames.get(i).toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    ctx.findings.error(pointer + "/types/" + i, "unknown endpoint type '" + typeNames.get(i)
                            + "' (EDGE, REGIONAL or PRIVATE)");
                }
            }
        }
        if (types.isEmpty()) types.add(EndpointType.EDGE);
        var configuration = new RestApi.EndpointConfiguration(types, ctx.shapes.stringList(node, "vpcEndpointIds", pointer),
                ctx.shapes.string(node, "ipAddressType", pointer));
        return new Endpoint(configuration, ctx.shapes.bool(node, "disableExecuteApiEndpoint", pointer));
    }

    private static Map<String, String> tags(ImportContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode tags = ctx.root.get("tags");
        if (tags == null || !tags.isArray()) return out;
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            if (tag.has(TAG_VALUE) && tag.hasNonNull("name")) {
                String value = ctx.shapes.string(tag, TAG_VALUE, "/tags/" + i);
                if (value != null) out.put(tag.get("name").asText(), value);
            }
        }
        return out;
    }

    /** Writes the root-level extensions of an API (everything but validators, gateway responses, authorizers). */
    static void write(RestApi api, ObjectNode root, boolean endpointAtRoot) {
        root.put(API_KEY_SOURCE, api.apiKeySource().name());
        if (!api.binaryMediaTypes().isEmpty()) {
            var list = root.putArray(BINARY_MEDIA_TYPES);
            api.binaryMediaTypes().forEach(list::add);
        }
        if (api.minimumCompressionSize() != null) root.put(MINIMUM_COMPRESSION_SIZE, api.minimumCompressionSize());
        if (api.policy() != null) {
            try {
                root.set(POLICY, PLAIN.readTree(api.policy()));
            } catch (JsonProcessingException e) {
                root.put(POLICY, api.policy());
            }
        }
        if (endpointAtRoot) {
            ObjectNode endpoint = endpoint(api);
            if (endpoint != null) root.set(ENDPOINT_CONFIGURATION, endpoint);
        }
    }

    /** The endpoint-configuration object, or null when everything is default (EDGE, execute-api endpoint on). */
    static ObjectNode endpoint(RestApi api) {
        RestApi.EndpointConfiguration c = api.endpointConfiguration();
        boolean defaultTypes = c.types().equals(List.of(EndpointType.EDGE));
        boolean noVpc = c.vpcEndpointIds() == null || c.vpcEndpointIds().isEmpty();
        if (defaultTypes && noVpc && c.ipAddressType() == null && !api.disableExecuteApiEndpoint()) return null;
        ObjectNode out = PLAIN.createObjectNode();
        var types = out.putArray("types");
        c.types().forEach(t -> types.add(t.name()));
        if (!noVpc) {
            var ids = out.putArray("vpcEndpointIds");
            c.vpcEndpointIds().forEach(ids::add);
        }
        if (c.ipAddressType() != null) out.put("ipAddressType", c.ipAddressType());
        if (api.disableExecuteApiEndpoint()) out.put("disableExecuteApiEndpoint", true);
        return out;
    }
}

package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.Resource;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Exports an API definition as OpenAPI 3.0 or Swagger 2.0, JSON or YAML, as AWS GetExport does: models under
 * {@code components.schemas} / {@code definitions} with {@code #/...} references, ANY as
 * {@code x-amazon-apigateway-any-method}, and the chosen {@link ExportExtensions}. A stage export adds the
 * stage's server and puts the deployment time in {@code info.version}; a draft export keeps the API's version.
 *
 * <p>With {@link ExportExtensions#APIGATEWAY}, {@link OpenApiImporter} reads the result back into an equal
 * definition (ids aside; see {@link DefinitionNormaliser}). Pure and thread-safe.
 */
public final class OpenApiExporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");
    private static final DateTimeFormatter AWS_TIME = DateTimeFormatter.ISO_INSTANT;

    private OpenApiExporter() {}

    /** The document text. */
    public static String export(ApiDefinition api, ExportFormat format, ExportOptions options) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(format, "format");
        ExportOptions o = options == null ? ExportOptions.json(ExportExtensions.NONE) : options;
        ObjectNode root = document(api, format, o);
        try {
            return o.yaml() ? YAML.writeValueAsString(root) : JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ObjectNode document(ApiDefinition api, ExportFormat format, ExportOptions o) {
        boolean oas = format == ExportFormat.OAS30;
        ExportExtensions ext = o.extensions();
        ObjectNode root = JSON.createObjectNode();
        root.put(oas ? "openapi" : "swagger", oas ? "3.0.1" : "2.0");
        ObjectNode info = root.putObject("info");
        if (api.restApi().description() != null) info.put("description", api.restApi().description());
        info.put("version", version(api, o.stage()));
        info.put("title", api.name());
        ObjectNode endpoint = ext.all() ? RestApiExtensions.endpoint(api.restApi()) : null;
        if (o.stage() != null) stage(root, o.stage(), oas, endpoint);
        if (ext.all() && !api.restApi().tags().isEmpty()) {
            var tags = root.putArray("tags");
            api.restApi().tags().forEach((k, v) -> tags.addObject().put("name", k).put(RestApiExtensions.TAG_VALUE, v));
        }
        ObjectNode paths = root.putObject("paths");
        OperationWriter writer = new OperationWriter(api, format, ext);
        java.util.Set<String> parents = new java.util.HashSet<>();
        for (Resource r : api.resources()) if (r.parentId() != null) parents.add(r.parentId());
        for (Resource r : api.resources()) {
            // a leaf without methods is written as an empty path item, so the resource survives a round trip
            if (r.resourceMethods().isEmpty() && (parents.contains(r.id()) || r.isRoot())) continue;
            ObjectNode item = paths.putObject(r.path());
            r.resourceMethods().values().stream()
                    .sorted(Comparator.comparingInt(m -> order(m.httpMethod())))
                    .forEach(m -> item.set(key(m), writer.write(r, m)));
        }
        ObjectNode schemes = SecurityWriter.schemes(api, ext);
        ObjectNode schemas = JSON.createObjectNode();
        for (Model m : api.models()) schemas.set(m.name(), SchemaExporter.export(m.schema(), format));
        if (oas) {
            ObjectNode components = root.putObject("components");
            if (!schemas.isEmpty()) components.set("schemas", schemas);
            if (!schemes.isEmpty()) components.set("securitySchemes", schemes);
            if (components.isEmpty()) root.remove("components");
        } else {
            if (!schemes.isEmpty()) root.set("securityDefinitions", schemes);
            if (!schemas.isEmpty()) root.set("definitions", schemas);
        }
        if (ext.all()) {
            RestApiExtensions.write(api.restApi(), root, o.stage() == null || !oas);
            if (!api.requestValidators().isEmpty()) {
                root.set(RequestValidatorsExtension.VALIDATORS, RequestValidatorsExtension.write(api.requestValidators()));
            }
            if (!api.gatewayResponses().isEmpty()) {
                root.set(GatewayResponsesExtension.KEY, GatewayResponsesExtension.write(api.gatewayResponses()));
            }
            root.put(RestApiExtensions.IMPORTEXPORT_VERSION, "1.0");
        }
        return root;
    }

    private static void stage(ObjectNode root, StageInfo stage, boolean oas, ObjectNode endpoint) {
        URI base = URI.create(stage.baseUrl());
        String prefix = base.getRawPath() == null ? "" : base.getRawPath();
        if (oas) {
            ObjectNode server = root.putArray("servers").addObject();
            server.put("url", stage.baseUrl() + "/{basePath}");
            server.putObject("variables").putObject("basePath").put("default", "/" + stage.stageName());
            if (endpoint != null) server.set(RestApiExtensions.ENDPOINT_CONFIGURATION, endpoint);
        } else {
            root.put("host", base.getRawAuthority());
            root.put("basePath", prefix + "/" + stage.stageName());
            root.putArray("schemes").add(base.getScheme());
        }
    }

    private static String version(ApiDefinition api, StageInfo stage) {
        if (stage != null) return AWS_TIME.format(stage.deployedAt().truncatedTo(ChronoUnit.SECONDS));
        if (api.restApi().version() != null) return api.restApi().version();
        long created = api.restApi().createdDate() == null ? 0 : api.restApi().createdDate();
        return AWS_TIME.format(Instant.ofEpochSecond(created));
    }

    private static String key(Method m) {
        return "ANY".equals(m.httpMethod()) ? "x-amazon-apigateway-any-method" : m.httpMethod().toLowerCase(Locale.ROOT);
    }

    private static int order(String httpMethod) {
        int i = METHOD_ORDER.indexOf(httpMethod);
        return i < 0 ? METHOD_ORDER.size() : i;
    }
}

package dev.gatehouse.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.InputStreamSource;
import dev.gatehouse.engine.model.Model;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The compiled models of one API: JSON Schema draft 4, with {@code $ref}s between the API's models written as AWS
 * writes them ({@code https://apigateway.amazonaws.com/restapis/{apiId}/models/{Name}}) resolved to the sibling
 * model in memory. Nothing is ever fetched: a reference to anything that is not a model of this API fails the
 * compile. Compile once per deployment; immutable and thread-safe afterwards.
 */
public final class ModelSchemas {

    /** The base AWS uses in model references. */
    public static final String MODEL_BASE = "https://apigateway.amazonaws.com/restapis/";

    /**
     * Parses models and request bodies. Decimals are read by Jackson's fast double parser, which returns the same
     * correctly rounded double as {@code Double.parseDouble} (ModelSchemaByteSourceTest compares them), in about
     * half the time.
     */
    static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    private final String apiId;
    private final Map<String, ModelSchema> byName;

    private ModelSchemas(String apiId, Map<String, ModelSchema> byName) {
        this.apiId = apiId;
        this.byName = Map.copyOf(byName);
    }

    /** The IRI AWS gives a model in {@code $ref}s. */
    public static String modelUrl(String apiId, String modelName) {
        return MODEL_BASE + apiId + "/models/" + modelName;
    }

    /**
     * Compiles every model of the API.
     *
     * @throws ModelSchemaException naming the model whose schema is not JSON, not a valid draft 4 schema, or refers
     *                              to something other than a model of this API
     */
    public static ModelSchemas compile(String apiId, Collection<Model> models) {
        Objects.requireNonNull(apiId, "apiId");
        Map<String, String> sources = new LinkedHashMap<>();
        for (Model m : models) {
            if (m.schema() != null) sources.put(modelUrl(apiId, m.name()), m.schema());
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder ->
                builder.schemaLoaders(loaders -> loaders.schemas(sources).add(ModelSchemas::refuse)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(com.networknt.schema.PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        Map<String, ModelSchema> compiled = new LinkedHashMap<>();
        for (Model m : models) {
            if (m.schema() == null) continue;
            JsonNode node;
            try {
                node = JSON.readTree(m.schema());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ModelSchemaException(m.name(), "schema is not valid JSON: " + e.getOriginalMessage());
            }
            try {
                JsonSchema schema = factory.getSchema(
                        com.networknt.schema.SchemaLocation.of(modelUrl(apiId, m.name())), node, config);
                schema.initializeValidators();
                compiled.put(m.name(), new ModelSchema(m.name(), schema, node));
            } catch (ModelSchemaException e) {
                throw e;
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    if (cause instanceof ModelSchemaException mse) throw new ModelSchemaException(m.name(), mse.reason());
                    cause = cause.getCause();
                }
                if (cause instanceof ModelSchemaException mse) throw new ModelSchemaException(m.name(), mse.reason());
                throw new ModelSchemaException(m.name(), "schema is not a valid JSON Schema draft 4: " + e.getMessage());
            }
        }
        return new ModelSchemas(apiId, compiled);
    }

    /** The JSON Schema draft-04 meta-schema, bundled with the validator (never fetched). */
    private static final class MetaSchema {
        static final JsonSchema DRAFT_04 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(com.networknt.schema.SchemaLocation.of("http://json-schema.org/draft-04/schema#"));
    }

    /**
     * Why a schema document is not a valid JSON Schema draft 4 (as AWS's CreateModel would refuse it): not JSON, or
     * the meta-schema's findings with their JSON paths, e.g. {@code $.type: does not have a value in the
     * enumeration [...]}. Empty when valid. Thread-safe; for live checks in the console.
     */
    public static java.util.List<String> metaSchemaProblems(String schemaJson) {
        JsonNode node;
        try {
            node = JSON.readTree(schemaJson == null ? "" : schemaJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return java.util.List.of("schema is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) return java.util.List.of("schema must be a JSON object");
        return MetaSchema.DRAFT_04.validate(node).stream().map(com.networknt.schema.ValidationMessage::getMessage)
                .distinct().toList();
    }

    private static InputStreamSource refuse(AbsoluteIri iri) {
        throw new ModelSchemaException(null, "$ref " + iri + " is not a model of this API (references are never "
                + "fetched)");
    }

    public String apiId() {
        return apiId;
    }

    /** The compiled model, if the API has one by that name. */
    public Optional<ModelSchema> get(String modelName) {
        return Optional.ofNullable(byName.get(modelName));
    }

    public Collection<ModelSchema> all() {
        return byName.values();
    }
}

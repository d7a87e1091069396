package dev.gatehouse.engine.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.openapi.ExportExtensions;
import dev.gatehouse.engine.openapi.ExportFormat;
import dev.gatehouse.engine.openapi.ExportOptions;
import dev.gatehouse.engine.openapi.OpenApiExporter;
import dev.gatehouse.engine.openapi.StageInfo;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What SDKs and documentation are generated from: a deployed stage's OAS 3.0 export (no gateway extensions) whose
 * only server is the stage's invoke URL, so a generated client calls the stage without configuration.
 *
 * @param apiId       the API's id
 * @param apiName     the API's name, from which default package names are derived
 * @param stageName   the stage
 * @param invokeUrl   the stage's invoke URL including the stage, e.g.
 *                    {@code http://127.0.0.1:4010/restapis/petstore01/prod/_user_request_}; no trailing slash
 * @param openApiJson the OpenAPI 3.0 document, pretty-printed JSON
 */
public record StageDocument(String apiId, String apiName, String stageName, String invokeUrl, String openApiJson) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public StageDocument {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(stageName, "stageName");
        Objects.requireNonNull(invokeUrl, "invokeUrl");
        Objects.requireNonNull(openApiJson, "openApiJson");
        while (invokeUrl.endsWith("/")) invokeUrl = invokeUrl.substring(0, invokeUrl.length() - 1);
    }

    /**
     * The stage {@code stageName} of API {@code apiId} as its deployment serves it.
     *
     * @param invokeUrl where clients reach the stage (see {@link #defaultInvokeUrl})
     * @throws SdkException when the API or the stage does not exist, or the stage's deployment is missing
     */
    public static StageDocument of(Workspace workspace, String apiId, String stageName, String invokeUrl) {
        ApiDefinition draft = workspace.api(apiId).orElseThrow(() -> new SdkException("no API with id '" + apiId + "'"));
        Stage stage = workspace.stage(apiId, stageName).orElseThrow(() -> new SdkException(
                "API " + draft.name() + " has no stage '" + stageName + "': deploy it first"));
        DeploymentSnapshot snapshot = workspace.deployment(apiId, stage.deploymentId()).orElseThrow(() -> new SdkException(
                "stage " + stageName + " points at a missing deployment " + stage.deploymentId()));
        Long created = snapshot.deployment().createdDate();
        return of(snapshot.api(), stageName, created == null ? Instant.EPOCH : Instant.ofEpochSecond(created), invokeUrl);
    }

    /** A stage of an already deployed definition ({@code deployedAt} becomes {@code info.version}). */
    public static StageDocument of(ApiDefinition deployed, String stageName, Instant deployedAt, String invokeUrl) {
        Objects.requireNonNull(invokeUrl, "invokeUrl");
        URI uri;
        try {
            uri = URI.create(invokeUrl);
        } catch (IllegalArgumentException e) {
            throw new SdkException("invalid base URL '" + invokeUrl + "': " + e.getMessage());
        }
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
            throw new SdkException("invalid base URL '" + invokeUrl + "': use http://host[:port]/path or https://…");
        }
        boolean hasMethods = deployed.resources().stream().anyMatch(r -> !r.resourceMethods().isEmpty());
        if (!hasMethods) throw new SdkException("API " + deployed.name() + " has no methods: there is nothing to generate");
        String exported = OpenApiExporter.export(deployed, ExportFormat.OAS30, ExportOptions.json(ExportExtensions.NONE)
                .withStage(new StageInfo(stageName, deployedAt, invokeUrl)));
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(exported);
            ObjectNode info = root.get("info") instanceof ObjectNode o ? o : root.putObject("info");
            if (info.path("description").asText("").isBlank()) {
                info.put("description", deployed.name() + ", stage " + stageName + ", served at " + invokeUrl);
            }
            ArrayNode servers = root.putArray("servers");
            servers.addObject().put("url", invokeUrl.replaceAll("/+$", ""))
                    .put("description", "Gatehouse stage " + stageName);
            return new StageDocument(deployed.id(), deployed.name(), stageName, invokeUrl,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The path-style invoke URL of a stage on a local engine, which any HTTP client can reach:
     * {@code http://127.0.0.1:PORT/restapis/{apiId}/{stage}/_user_request_}.
     */
    public static String defaultInvokeUrl(String apiId, String stageName, int port) {
        return "http://127.0.0.1:" + port + "/restapis/" + apiId + "/" + stageName + "/_user_request_";
    }

    /** True when some method of the stage needs an API key ({@code x-api-key}). */
    public boolean requiresApiKey() {
        try {
            JsonNode schemes = JSON.readTree(openApiJson).path("components").path("securitySchemes");
            return schemes.has("api_key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

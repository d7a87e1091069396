package dev.gatehouse.engine.remote;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.openapi.FidelityReport;
import dev.gatehouse.engine.openapi.ImportMode;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.ImportResult;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.workspace.Edit;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;

/**
 * {@code gatehouse pull API --from REMOTE [--stage S]}: brings what a remote stage serves into the workspace.
 *
 * <p>GetExport of the stage as OpenAPI 3.0 with the {@code x-amazon-apigateway-*} extensions, imported with the
 * workspace's importer (the same fidelity report as {@code gatehouse import}). Without a stage, the remote API's
 * only stage is used (an API with several stages needs {@code --stage}). The result is a new workspace API, unless
 * the workspace already has this API (pulled from or pushed to this remote before, or of the same name): then the
 * pull shows the diff and changes it only when the caller accepts ({@code overwrite}), as one undoable edit.
 *
 * <p>Blocking; call it off the UI thread.
 */
public final class Puller {

    private final Clock clock;

    public Puller(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What one pull did (or, when {@code applied} is false, would do).
     *
     * @param changes the methods added, removed or changed in the local API ({@code + GET /x}, {@code - …}, {@code ~ …})
     */
    public record Result(String localApiId, String name, String remoteApiId, String stage, boolean created,
                         boolean applied, List<String> changes, FidelityReport report, Remote remoteAfter) {}

    /**
     * Pulls the remote API {@code apiIdOrName}. When the workspace has it already and {@code overwrite} is false,
     * nothing changes and the result lists what would.
     */
    public Result pull(Gateway gateway, Remote remote, String apiIdOrName, String stage, boolean overwrite) {
        byte[] document;
        String remoteId;
        String stageName;
        try (ApiGatewayClient client = RemoteClients.client(remote)) {
            RestApi api = call(remote, "find the remote API", () -> find(client, remote, apiIdOrName));
            remoteId = api.id();
            stageName = stage != null ? stage : call(remote, "get-stages", () -> onlyStage(client, remote, api));
            document = call(remote, "get-export", () -> client.getExport(b -> b.restApiId(api.id()).stageName(stageName)
                    .exportType("oas30").parameters(Map.of("extensions", "apigateway")).accepts("application/json"))
                    .body().asByteArray());
        }
        String source = remote.name() + ":" + remoteId + "/" + stageName;
        OpenApiImporter importer = new OpenApiImporter(clock);
        Optional<ApiDefinition> local = local(gateway, remote, remoteId, importer.importNew(document, source,
                ImportOptions.defaults()).api().name());
        ImportResult result;
        List<String> changes;
        boolean applied;
        if (local.isEmpty()) {
            result = importer.importNew(document, source, ImportOptions.defaults());
            changes = RemoteShape.of(ApiDefinition.bare(result.api().id(), result.api().name(), clock.instant()))
                    .diff(RemoteShape.of(result.api()));
            gateway.history().apply(Edit.createApi(result.api()).describedAs("Pull " + result.api().name() + " from " + remote.name()));
            applied = true;
        } else {
            result = importer.importInto(local.get(), document, source, ImportMode.OVERWRITE, ImportOptions.defaults());
            changes = RemoteShape.of(local.get()).diff(RemoteShape.of(result.api()));
            applied = overwrite;
            if (overwrite) {
                gateway.history().apply(Edit.replaceApi(result.api()).describedAs("Pull " + local.get().name() + " from " + remote.name()));
            }
        }
        return new Result(result.api().id(), result.api().name(), remoteId, stageName, local.isEmpty(), applied, changes,
                result.report(), applied ? remote.withApi(result.api().id(), remoteId) : remote);
    }

    private static RestApi find(ApiGatewayClient client, Remote remote, String idOrName) {
        try {
            return RestApi.builder().id(client.getRestApi(b -> b.restApiId(idOrName)).id()).build();
        } catch (NotFoundException e) {
            List<RestApi> named = client.getRestApisPaginator(b -> b.limit(500)).items().stream()
                    .filter(r -> idOrName.equals(r.name())).toList();
            if (named.size() == 1) return named.getFirst();
            if (named.isEmpty()) throw new RemoteException("remote " + remote.name() + " has no API with id or name '" + idOrName + "'");
            throw new RemoteException("remote " + remote.name() + " has " + named.size() + " APIs named '" + idOrName
                    + "': use the id, one of " + named.stream().map(RestApi::id).toList());
        }
    }

    private static String onlyStage(ApiGatewayClient client, Remote remote, RestApi api) {
        List<String> stages = client.getStages(b -> b.restApiId(api.id())).item().stream().map(Stage::stageName).toList();
        if (stages.size() == 1) return stages.getFirst();
        if (stages.isEmpty()) {
            throw new RemoteException("remote API " + api.id() + " on " + remote.name() + " has no stage to export: deploy it first");
        }
        throw new RemoteException("remote API " + api.id() + " on " + remote.name() + " has stages " + stages + ": choose one with --stage");
    }

    /** The workspace API this remote API corresponds to: recorded for this remote, else the one of the same name. */
    private static Optional<ApiDefinition> local(Gateway gateway, Remote remote, String remoteId, String name) {
        for (Map.Entry<String, String> e : remote.apis().entrySet()) {
            if (e.getValue().equals(remoteId)) {
                Optional<ApiDefinition> mapped = gateway.workspace().api(e.getKey());
                if (mapped.isPresent()) return mapped;
            }
        }
        List<ApiDefinition> named = gateway.workspace().apis().stream().filter(a -> a.name().equals(name)).toList();
        if (named.size() > 1) {
            throw new RemoteException("the workspace has " + named.size() + " APIs named '" + name + "': cannot tell which one to update");
        }
        return named.stream().findFirst();
    }

    private static <T> T call(Remote remote, String step, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw RemoteClients.failure(remote, step, e);
        }
    }
}

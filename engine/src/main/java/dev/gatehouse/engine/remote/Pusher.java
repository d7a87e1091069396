package dev.gatehouse.engine.remote;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.openapi.ExportExtensions;
import dev.gatehouse.engine.openapi.ExportFormat;
import dev.gatehouse.engine.openapi.ExportOptions;
import dev.gatehouse.engine.openapi.OpenApiExporter;
import dev.gatehouse.engine.workspace.Workspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.CreateDeploymentResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * {@code gatehouse push API --to REMOTE --stage S}: makes a remote gateway serve a workspace API.
 *
 * <p>The calls, in order (the same against a Gatehouse engine and against Amazon API Gateway):
 * <ol>
 *   <li>find the remote API: the id an earlier push to this remote recorded, else the one API of the same name,
 *       else ImportRestApi creates it from the definition;</li>
 *   <li>GetResources ({@code embed=methods}): what the remote has now, for the diff;</li>
 *   <li>PutRestApi {@code mode=overwrite} with the API as OpenAPI 3.0 with the {@code x-amazon-apigateway-*}
 *       extensions (integrations, authorizers, validators, gateway responses, models);</li>
 *   <li>CreateDeployment to the stage, with the local stage's variables when the workspace has a stage of that name.</li>
 * </ol>
 * Until the deployment is created the remote stage keeps serving its previous deployment, so a push that fails at
 * any step leaves what the remote serves as it was (its draft may already hold the new definition, which the next
 * push overwrites again). Failures are {@link RemoteException}s naming the step and what the remote answered.
 *
 * <p>Blocking; call it off the UI thread. Not thread-safe per remote (two pushes to one remote at once race on the
 * remote's draft as two AWS users would).
 */
public final class Pusher {

    private final Clock clock;

    public Pusher(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What one push did.
     *
     * @param changes       the methods added, changed, removed ({@code + GET /x}, {@code ~ …}, {@code - …})
     * @param accessChanges the API keys and usage plans created or updated on the remote ({@code + API key …})
     * @param invokeUrl     where the remote stage answers, when the remote says (null when it could not be read)
     */
    public record Result(String remoteApiId, boolean created, String stage, String deploymentId, List<String> changes,
                         List<String> accessChanges, List<String> warnings, String invokeUrl, Remote remoteAfter) {}

    /**
     * Pushes {@code api} (a workspace API) to {@code remote} and deploys it to {@code stage}; the returned
     * {@link Result#remoteAfter()} records the remote API id and the push, for the caller to save in the
     * {@link RemoteStore}.
     */
    public Result push(Workspace workspace, ApiDefinition api, Remote remote, String stage) {
        if (stage == null || stage.isBlank()) throw new RemoteException("push needs a stage name (--stage)");
        if (api.methodCount() == 0) {
            throw new RemoteException("API " + api.name() + " has no methods: the remote would refuse to deploy it"
                    + " (\"The REST API doesn't contain any methods\")");
        }
        byte[] document = document(api);
        List<String> warnings = new ArrayList<>(fidelity(api));
        Map<String, String> variables = workspace.stage(api.id(), stage).map(s -> s.variables()).orElse(Map.of());
        try (ApiGatewayClient client = RemoteClients.client(remote)) {
            String remoteId = call(remote, "find the remote API", () -> existing(client, remote, api));
            boolean created = remoteId == null;
            RemoteShape before;
            if (created) {
                before = RemoteShape.empty();
                var imported = call(remote, "import-rest-api", () -> client.importRestApi(b -> b
                        .body(SdkBytes.fromByteArray(document)).failOnWarnings(false)));
                remoteId = imported.id();
                if (imported.hasWarnings()) warnings.addAll(imported.warnings());
            } else {
                String id = remoteId;
                before = call(remote, "get-resources", () -> RemoteShape.read(client, id));
                var put = call(remote, "put-rest-api", () -> client.putRestApi(b -> b.restApiId(id)
                        .mode(PutMode.OVERWRITE).failOnWarnings(false).body(SdkBytes.fromByteArray(document))));
                if (put.hasWarnings()) warnings.addAll(put.warnings());
            }
            String id = remoteId;
            RemoteShape after = call(remote, "get-resources", () -> RemoteShape.read(client, id));
            CreateDeploymentResponse deployment = call(remote, "create-deployment", () -> client.createDeployment(b -> b
                    .restApiId(id).stageName(stage).variables(variables.isEmpty() ? null : variables)
                    .description("Pushed by Gatehouse from " + workspace.root().getFileName() + " / " + api.name())));
            List<String> changes = before.diff(after);
            KeyPlanSync.Outcome access = KeyPlanSync.sync(client, remote, workspace, api, id, stage, true);
            warnings.addAll(access.warnings());
            String invokeUrl = invokeUrl(client, remote, id, stage);
            Remote recorded = remote.withApi(api.id(), id).withPush(new Remote.PushRecord(clock.instant().getEpochSecond(),
                    api.id(), id, stage, deployment.id(), changes.size()));
            return new Result(id, created, stage, deployment.id(), changes, access.changes(), List.copyOf(warnings), invokeUrl,
                    recorded);
        }
    }

    /**
     * What a push would change, found without changing anything.
     *
     * @param breaking      the method changes that can break the remote's callers: a method removed, or one that now
     *                      asks for more (authorization, an API key, a required parameter), each with the reason
     * @param accessChanges the API keys and usage plans the push would create or update (empty without a stage)
     */
    public record Preview(String remoteApiId, List<String> changes, List<String> breaking, List<String> accessChanges,
                          List<String> warnings) {}

    /**
     * {@link #preview(ApiDefinition, Remote)} plus the API keys and usage plans of {@code stage} (reads only:
     * GetApiKeys, GetUsagePlans, GetUsagePlanKeys).
     */
    public Preview preview(Workspace workspace, ApiDefinition api, Remote remote, String stage) {
        Preview methods = preview(api, remote);
        if (stage == null || stage.isBlank()) return methods;
        try (ApiGatewayClient client = RemoteClients.client(remote)) {
            KeyPlanSync.Outcome access = KeyPlanSync.sync(client, remote, workspace, api, methods.remoteApiId(), stage, false);
            List<String> warnings = new ArrayList<>(methods.warnings());
            warnings.addAll(access.warnings());
            return new Preview(methods.remoteApiId(), methods.changes(), methods.breaking(), access.changes(), List.copyOf(warnings));
        }
    }

    /**
     * The semantic diff a push of {@code api} would apply to {@code remote} (methods added, removed, changed),
     * against what the remote has now, and what it will ignore or need mapped; reads only (GetRestApi(s),
     * GetResources). The definition is compared as the remote will store it: after the same OpenAPI round trip.
     */
    public Preview preview(ApiDefinition api, Remote remote) {
        byte[] document = document(api);
        RemoteShape wanted = RemoteShape.of(new dev.gatehouse.engine.openapi.OpenApiImporter(clock)
                .importNew(document, api.name(), dev.gatehouse.engine.openapi.ImportOptions.defaults()).api());
        try (ApiGatewayClient client = RemoteClients.client(remote)) {
            String remoteId = call(remote, "find the remote API", () -> existing(client, remote, api));
            RemoteShape now = remoteId == null ? RemoteShape.empty()
                    : call(remote, "get-resources", () -> RemoteShape.read(client, remoteId));
            return new Preview(remoteId, now.diff(wanted), now.breaking(wanted), List.of(), fidelity(api));
        }
    }

    /**
     * Where the pushed stage answers: AWS's {@code https://{id}.execute-api.{region}.amazonaws.com/{stage}}, or for a
     * Gatehouse remote the server URL of its export (the engine knows its data-plane address; its control-plane URL
     * does not tell it). Null when the export cannot be read: the push itself has succeeded by then.
     */
    private static String invokeUrl(ApiGatewayClient client, Remote remote, String id, String stage) {
        if (remote.isAws()) return "https://" + id + ".execute-api." + remote.region() + ".amazonaws.com/" + stage;
        try {
            byte[] body = client.getExport(b -> b.restApiId(id).stageName(stage).exportType("oas30").accepts("application/json"))
                    .body().asByteArray();
            var server = dev.gatehouse.engine.model.Json.mapper().readTree(body).path("servers").path(0);
            String url = server.path("url").asText(null);
            if (url == null) return null;
            String basePath = server.path("variables").path("basePath").path("default").asText("");
            return url.replace("{basePath}", basePath.startsWith("/") ? basePath.substring(1) : basePath).replaceAll("(?<!:)//", "/");
        } catch (SdkException | java.io.IOException e) {
            return null;
        }
    }

    private static byte[] document(ApiDefinition api) {
        return OpenApiExporter.export(api, ExportFormat.OAS30, ExportOptions.json(ExportExtensions.APIGATEWAY))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The id of the remote API this push updates, or null when it is to be created. */
    private static String existing(ApiGatewayClient client, Remote remote, ApiDefinition api) {
        String known = remote.apis().get(api.id());
        if (known != null) {
            try {
                return client.getRestApi(b -> b.restApiId(known)).id();
            } catch (NotFoundException gone) {
                // deleted on the remote since the last push: look it up by name, or create it again
            }
        }
        List<RestApi> named = client.getRestApisPaginator(b -> b.limit(500)).items().stream()
                .filter(r -> api.name().equals(r.name())).toList();
        if (named.size() > 1) {
            throw new RemoteException("remote " + remote.name() + " has " + named.size() + " APIs named '" + api.name()
                    + "' " + named.stream().map(RestApi::id).toList() + ": cannot tell which one to update");
        }
        return named.isEmpty() ? null : named.getFirst().id();
    }

    /** What the remote cannot take over as it is: calls to the workspace's local functions. */
    static List<String> fidelity(ApiDefinition api) {
        List<String> out = new ArrayList<>();
        for (Resource r : api.resources()) {
            for (Method m : r.resourceMethods().values()) {
                Integration i = m.methodIntegration();
                if (i == null || (i.type() != IntegrationType.AWS && i.type() != IntegrationType.AWS_PROXY) || i.uri() == null) continue;
                if (i.uri().contains(":lambda:path/") && i.uri().contains(":123456789012:function:")) {
                    String fn = i.uri().substring(i.uri().indexOf(":function:") + ":function:".length());
                    int slash = fn.indexOf('/');
                    if (slash >= 0) fn = fn.substring(0, slash);
                    out.add(m.httpMethod() + " " + r.path() + ": calls the workspace function " + fn
                            + " (account 123456789012); the remote needs a function of that name or a real Lambda ARN");
                }
            }
        }
        return out;
    }

    private static <T> T call(Remote remote, String step, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw RemoteClients.failure(remote, step, e);
        }
    }
}

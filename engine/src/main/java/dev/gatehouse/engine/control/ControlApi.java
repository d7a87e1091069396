package dev.gatehouse.engine.control;

import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.openapi.OpenApiImportException;
import dev.gatehouse.engine.workspace.AppliedEdit;
import dev.gatehouse.engine.workspace.Change;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.WorkspaceException;
import dev.gatehouse.engine.workspace.WorkspaceState;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Amazon API Gateway's REST API (service {@code apigateway}, rest-json, botocore's 2015-07-09 model) over one
 * {@link Gateway}: checks the request's SigV4 signature, routes it, and turns every failure into AWS's error shape
 * in this one place ({@link DefinitionException} keeps AWS's kind and message; {@link ControlException} is ours).
 *
 * <p>Every change is an ordinary workspace edit applied through the gateway's {@link Gateway#history()}: atomic,
 * undoable, and heard by every workspace listener (the served plan, the access snapshot). Edits that change part
 * of an API are planned against the newest state under the workspace's writer lock ({@link #editApi}), so two
 * clients changing one API at once never lose each other's change.
 *
 * <p>Called on a virtual thread per request by {@link ControlPlaneServer}; may block. Thread-safe.
 */
public final class ControlApi {
    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
    /** The account id in AWS's messages ("Invalid API identifier specified 123456789012:abc"), as the engine uses it. */
    static final String ACCOUNT = "123456789012";

    private final Gateway gateway;
    private final SigV4Verifier verifier;
    private final Clock clock;
    private final Router router = new Router();

    public ControlApi(Gateway gateway, AccessKeys keys, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.verifier = new SigV4Verifier(keys, clock);
        this.clock = clock;
        RestApiRoutes.register(router, this);
        ResourceRoutes.register(router, this);
        StageRoutes.register(router, this);
        KeyRoutes.register(router, this);
        KeyPatchRoutes.register(router, this);
        UsageRoutes.register(router, this);
        ModelRoutes.register(router, this);
        GatewayResponseRoutes.register(router, this);
        AuthorizerRoutes.register(router, this);
        AuthorizerTestRoutes.register(router, this);
        PatchRoutes.register(router, this);
        SdkRoutes.register(router, this);
        DomainRoutes.register(router, this);
        AccountRoutes.register(router, this);
        TagRoutes.register(router, this);
    }

    /** Handles one request: signature, route, AWS's error shape for every failure. Never throws. */
    public ControlResponse handle(ControlRequest request) {
        try {
            // Prometheus scrapers do not sign: /metrics is read-only and carries no workspace content
            if (request.method().equals("GET") && request.rawPath().equals("/metrics")) {
                return new ControlResponse(200, java.util.Map.of("Content-Type",
                        dev.gatehouse.engine.observe.PrometheusMetrics.CONTENT_TYPE),
                        gateway.observability().prometheusText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            verifier.verify(request);
            Router.Match match = router.route(request);
            if (match == null) throw new ControlException(404, "UnknownOperationException", "Unknown operation " + request.method() + " " + request.rawPath());
            return dev.gatehouse.engine.observe.AuditActor.callAs("control-plane:" + signer(request), match::run);
        } catch (ControlException e) {
            return ControlResponse.error(e);
        } catch (DefinitionException e) {
            return ControlResponse.error(new ControlException(e.kind().status, e.kind().errorType, e.getMessage()));
        } catch (OpenApiImportException e) {
            return ControlResponse.error(ControlException.badRequest(e.getMessage()));
        } catch (WorkspaceException e) {
            return ControlResponse.error(ControlException.conflict(e.getMessage()));
        } catch (IllegalStateException e) {
            LOG.warn("control plane: {} {} failed: {}", request.method(), request.rawPath(), e.getMessage());
            return ControlResponse.error(new ControlException(503, "ServiceUnavailableException", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("control plane: {} {} failed", request.method(), request.rawPath(), e);
            return ControlResponse.error(new ControlException(500, "InternalServerErrorException", "Internal server error"));
        }
    }

    /** The access key id of the request's SigV4 Authorization header ({@code Credential=AKID/...}), for the audit trail. */
    private static String signer(ControlRequest request) {
        String auth = request.header("Authorization");
        if (auth == null) return "anonymous";
        int i = auth.indexOf("Credential=");
        if (i < 0) return "anonymous";
        int end = auth.indexOf('/', i);
        return end < 0 ? "anonymous" : auth.substring(i + "Credential=".length(), end);
    }

    // ---- for the route groups --------------------------------------------------------------------------------

    Gateway gateway() {
        return gateway;
    }

    Clock clock() {
        return clock;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    /** The API's draft, or AWS's 404. */
    ApiDefinition api(String apiId) {
        return gateway.workspace().api(apiId).orElseThrow(() -> notFoundApi(apiId));
    }

    static DefinitionException notFoundApi(String apiId) {
        return DefinitionException.notFound("Invalid API identifier specified " + ACCOUNT + ":" + apiId);
    }

    AppliedEdit apply(Edit edit) {
        return gateway.history().apply(edit);
    }

    /**
     * Changes part of an API as one undoable edit planned against the newest draft (under the writer lock); returns
     * the API as the edit left it.
     */
    ApiDefinition editApi(String apiId, String description, UnaryOperator<ApiDefinition> change) {
        apply(derived(description, state -> {
            ApiDefinition before = state.api(apiId).orElseThrow(() -> notFoundApi(apiId));
            return Edit.replaceApi(change.apply(before));
        }));
        return api(apiId);
    }

    /** An edit decided on the state it is applied to (so a read-modify-write is atomic). */
    static Edit derived(String description, Function<WorkspaceState, Edit> decide) {
        return new Edit() {
            @Override public String description() {
                return description;
            }

            @Override public List<Change<?>> plan(WorkspaceState state) {
                return decide.apply(state).plan(state);
            }
        };
    }
}

package dev.gatehouse.engine.server;

import dev.gatehouse.engine.integration.HttpBackend;
import dev.gatehouse.engine.integration.LoopHttpBackend;
import dev.gatehouse.engine.integration.LoopTasks;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestHandler;
import dev.gatehouse.engine.pipeline.Waiting;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event loop's share of the data plane: an HttpServer instance on the shared port and the backend client
 * of this loop. Requests accepted here run their filter chain here or on a virtual thread ({@link #dispatch}) and
 * are written here.
 */
final class ServerVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ServerVerticle.class);

    private final DataPlaneServer owner;
    private final int port;
    private HttpServer server;
    private LoopHttpBackend backend;
    /** Virtual threads carried by this loop, for plans that never block; null under VIRTUAL or when the JVM does not allow them. */
    private LoopWorkers loopThreads;

    ServerVerticle(DataPlaneServer owner, int port) {
        this.owner = owner;
        this.port = port;
    }

    @Override public Future<?> start() {
        DataPlaneOptions o = owner.options();
        backend = new LoopHttpBackend(vertx, context, o.backend());
        if (owner.threading() != Threading.VIRTUAL) {
            io.netty.channel.EventLoop loop = ((io.vertx.core.internal.ContextInternal) context).nettyEventLoop();
            Thread.Builder.OfVirtual b = LoopThreads.builder(loop);
            if (b != null) loopThreads = new LoopWorkers(b.name("gatehouse-loop-request-", 0).factory());
            else if (owner.threading() == Threading.LOOP) {
                LOG.warn("{}=loop needs --add-opens java.base/java.lang=ALL-UNNAMED; using the virtual-thread scheduler",
                        Threading.PROPERTY);
            } else {
                LOG.info("without --add-opens java.base/java.lang=ALL-UNNAMED every request runs on the virtual-thread "
                        + "scheduler (slower for plans that never block; the gatehouse launcher passes it)");
            }
        }
        HttpServerOptions http = new HttpServerOptions()
                .setHost(o.host())
                .setPort(port)
                .setMaxHeaderSize(o.maxHeaderBytes())
                .setMaxInitialLineLength(o.maxInitialLineBytes())
                .setIdleTimeout((int) Math.max(1, o.idleTimeout().toSeconds()))
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setCompressionSupported(false)
                .setDecompressionSupported(false)
                .setHandle100ContinueAutomatically(false)
                // REST APIs: no WebSocket compression extension handler in every connection's pipeline (it ran on
                // every response written; measured with bench/dataplane-profile.sh). h2c stays: clients that offer
                // it (the JDK's HttpClient does by default) are served over HTTP/2, as before.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        server = vertx.createHttpServer(http).requestHandler(this::handle);
        return server.listen();
    }

    /** Whether this loop can carry its requests' virtual threads itself ({@link Threading#AUTO} or {@link Threading#LOOP} took effect). */
    boolean loopCarried() {
        return loopThreads != null;
    }

    int actualPort() {
        return server.actualPort();
    }

    Future<Void> shutdown(long millis) {
        return server.shutdown(millis, TimeUnit.MILLISECONDS);
    }

    @Override public Future<?> stop() {
        backend.close();
        return Future.succeededFuture();
    }

    DataPlaneOptions options() {
        return owner.options();
    }

    BodyBudget budget() {
        return owner.budget();
    }

    private void handle(HttpServerRequest req) {
        RequestContext ctx = RequestContext.create(owner.listener());
        InboundRequest.describeTransport(req, ctx);
        ctx.put(HttpBackend.CONTEXT_KEY, backend);
        new InboundRequest(this, req, ctx);
    }

    private static Waiting waiting(RequestHandler plan, GatewayRequest request, RequestContext ctx) {
        try {
            return plan.waiting(request, ctx);
        } catch (RuntimeException e) {
            LOG.warn("plan {} could not tell what it waits for; running the request on the virtual-thread scheduler",
                    plan, e);
            return Waiting.BLOCKING;
        }
    }

    /**
     * Runs the current plan for {@code request} and writes its answer on this loop: the one place a request changes
     * threads (the HTTP backend's exchange is the other). Where it runs follows what the plan may wait for
     * ({@link Threading}): under {@link Threading#AUTO} a plan that waits for nothing runs here, on the loop, and
     * writes at once; one that waits only for this loop runs on a virtual thread the loop carries (always, under
     * {@link Threading#LOOP}); any other on a virtual thread of the JDK's scheduler.
     */
    void dispatch(GatewayRequest request, RequestContext ctx, InboundRequest inbound) {
        owner.requestStarted();
        RequestHandler plan = owner.plans().get(); // once, here: the request finishes on the plan it started with
        Threading threading = owner.threading();
        Waiting waits = threading == Threading.VIRTUAL ? Waiting.BLOCKING : waiting(plan, request, ctx);
        if (waits == Waiting.NONE && threading == Threading.AUTO) {
            GatewayResponse answer = run(plan, request, ctx);
            try {
                inbound.write(answer, false);
            } finally {
                owner.requestFinished();
            }
            return;
        }
        try {
            Runnable task = () -> {
                GatewayResponse answer = run(plan, request, ctx);
                // as context.runOnContext, without waking the loop when this thread is one the loop carries
                ContextInternal c = (ContextInternal) context;
                LoopTasks.execute(c.nettyEventLoop(), () -> c.dispatch(v -> {
                    try {
                        inbound.write(answer, false);
                    } finally {
                        owner.requestFinished();
                    }
                }));
            };
            if (loopThreads != null && (threading == Threading.LOOP || waits != Waiting.BLOCKING)) {
                loopThreads.execute(task);
            }
            else owner.requestThreads().execute(task);
        } catch (RuntimeException rejected) {
            owner.requestFinished();
            inbound.write(DataPlaneServer.bareInternalError(ctx), true);
        }
    }

    /** The plan's answer to {@code request}; a bare 500 when it throws (it should not: errors map inside it). */
    private static GatewayResponse run(RequestHandler plan, GatewayRequest request, RequestContext ctx) {
        try {
            return plan.handle(request, ctx);
        } catch (Throwable t) {
            LOG.error("request {} failed outside the error mapping", ctx.requestId(), t);
            return DataPlaneServer.bareInternalError(ctx);
        }
    }
}

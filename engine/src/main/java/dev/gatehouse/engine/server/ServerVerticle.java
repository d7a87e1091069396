package dev.gatehouse.engine.server;

import dev.gatehouse.engine.integration.HttpBackend;
import dev.gatehouse.engine.integration.VertxHttpBackend;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event loop's share of the data plane: an HttpServer instance on the shared port and the backend client
 * of this loop. Requests accepted here run their filter chain on a virtual thread and come back here to be
 * written.
 */
final class ServerVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ServerVerticle.class);

    private final DataPlaneServer owner;
    private final int port;
    private HttpServer server;
    private VertxHttpBackend backend;
    /** Virtual threads carried by this loop, for plans that never block; null under VIRTUAL or when the JVM does not allow them. */
    private LoopWorkers loopThreads;

    ServerVerticle(DataPlaneServer owner, int port) {
        this.owner = owner;
        this.port = port;
    }

    @Override public Future<?> start() {
        DataPlaneOptions o = owner.options();
        backend = new VertxHttpBackend(vertx, context, o.backend());
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

    private static boolean neverBlocks(RequestHandler plan, GatewayRequest request) {
        try {
            return plan.neverBlocks(request);
        } catch (RuntimeException e) {
            LOG.warn("plan {} could not tell whether it blocks; running the request on the virtual-thread scheduler",
                    plan, e);
            return false;
        }
    }

    /**
     * Runs the current plan for {@code request} on a virtual thread, then writes on this loop: the one place a
     * request changes threads (the HTTP backend's exchange is the other).
     * The virtual thread is carried by this loop when the plan never blocks for this request (under
     * {@link Threading#AUTO}; always under {@link Threading#LOOP}), else by the JDK's scheduler.
     */
    void dispatch(GatewayRequest request, RequestContext ctx, InboundRequest inbound) {
        owner.requestStarted();
        try {
            RequestHandler plan = owner.plans().get(); // once, here: the request finishes on the plan it started with
            Runnable task = () -> {
                GatewayResponse response;
                try {
                    response = plan.handle(request, ctx);
                } catch (Throwable t) {
                    LOG.error("request {} failed outside the error mapping", ctx.requestId(), t);
                    response = DataPlaneServer.bareInternalError(ctx);
                }
                GatewayResponse answer = response;
                context.runOnContext(v -> {
                    try {
                        inbound.write(answer, false);
                    } finally {
                        owner.requestFinished();
                    }
                });
            };
            if (loopThreads != null && (owner.threading() == Threading.LOOP || neverBlocks(plan, request))) {
                loopThreads.execute(task);
            }
            else owner.requestThreads().execute(task);
        } catch (RuntimeException rejected) {
            owner.requestFinished();
            inbound.write(DataPlaneServer.bareInternalError(ctx), true);
        }
    }
}

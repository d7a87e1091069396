package dev.gatehouse.engine.server;

import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The data-plane HTTP listener (DESIGN.md "Data-plane HTTP stack"): Vert.x 5 core event loops do all socket I/O,
 * each with its own server instance on the shared port and its own pooled backend client; each request's
 * {@link RequestHandler} runs on its own virtual thread. HTTP/1.1 with keep-alive.
 *
 * <p>Per request the server reads the current handler from the supplier once (a deploy swaps it, e.g. through
 * {@link PlanHolder}; in-flight requests keep theirs), builds the {@link RequestContext} (ids, time, source ip,
 * protocol, domain, the loop's {@code HttpBackend}) and writes the handler's response. Limits: request bodies over
 * {@link DataPlaneOptions#maxRequestBodyBytes()} get 413 REQUEST_TOO_LARGE, bodies that would push the in-flight
 * total over {@link DataPlaneOptions#inFlightBodyBudget()} get 429 THROTTLED (both built-in gateway responses,
 * not the API's customisations: the API is not known yet); header and request-line limits are the codec's
 * (431/414).
 *
 * <p>Lifecycle: {@link #start} binds and returns; {@link #close(Duration)} stops accepting, lets in-flight
 * requests finish up to the deadline, then closes everything. Thread-safe.
 */
public final class DataPlaneServer implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataPlaneServer.class);

    /**
     * The system property choosing the event loops' socket transport (inbound and backend connections alike):
     * {@code nio} (the JDK's selector, the default), {@code epoll} or {@code io_uring} (Netty's native transports,
     * where their library is on the class path and loads; NIO otherwise, with a warning).
     */
    public static final String TRANSPORT_PROPERTY = "gatehouse.dataplane.transport";

    private final DataPlaneOptions options;
    private final Supplier<? extends RequestHandler> plans;
    private final GatewayEventListener listener;
    private final BodyBudget budget;
    private final Vertx vertx;
    private final ExecutorService requestThreads;
    private final Threading threading;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<ServerVerticle> verticles = new ArrayList<>();
    private volatile int port;
    private volatile boolean closed;

    private DataPlaneServer(DataPlaneOptions options, Supplier<? extends RequestHandler> plans,
                            GatewayEventListener listener, Threading threading) {
        this.options = options;
        this.threading = threading;
        this.plans = plans;
        this.listener = GatewayEventListener.safe(listener);
        this.budget = new BodyBudget(options.inFlightBodyBudget());
        this.vertx = vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops()), transportWanted());
        this.requestThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gatehouse-request-", 0).factory());
    }

    /**
     * Starts listening and returns once bound. {@code listener} receives every request's events (may be
     * {@link GatewayEventListener#NONE}). Throws IllegalStateException when binding fails (port in use).
     */
    public static DataPlaneServer start(DataPlaneOptions options, Supplier<? extends RequestHandler> plans,
                                        GatewayEventListener listener) {
        return start(options, plans, listener, Threading.fromSystemProperty());
    }

    /** As {@link #start(DataPlaneOptions, Supplier, GatewayEventListener)}, with the given threading. */
    public static DataPlaneServer start(DataPlaneOptions options, Supplier<? extends RequestHandler> plans,
                                        GatewayEventListener listener, Threading threading) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(threading, "threading");
        DataPlaneServer server = new DataPlaneServer(options, plans, listener, threading);
        try {
            // one instance per event loop; Vert.x shares one listener between instances on the same port, and
            // shares a random port only when asked with a negative port (plain 0 would give each its own port)
            int bindPort = options.port() == 0 ? -1 : options.port();
            List<ServerVerticle> created = java.util.Collections.synchronizedList(new ArrayList<>());
            await(server.vertx.deployVerticle(() -> {
                ServerVerticle v = new ServerVerticle(server, bindPort);
                created.add(v);
                return v;
            }, new io.vertx.core.DeploymentOptions().setInstances(options.eventLoops())));
            server.verticles.addAll(created);
            server.port = created.getFirst().actualPort();
            for (ServerVerticle v : created) {
                if (v.actualPort() != server.port) {
                    throw new IllegalStateException("instance bound " + v.actualPort() + " instead of " + server.port);
                }
            }
        } catch (RuntimeException e) {
            server.close(Duration.ZERO);
            throw new IllegalStateException("data plane could not listen on " + options.host() + ":" + options.port(), e);
        }
        return server;
    }

    /** The bound port (the real one when started with 0). */
    public int port() {
        return port;
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return "http://" + options.host() + ":" + port;
    }

    /** Requests currently being handled (dispatched and not yet written). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Stops with a 10-second grace period. */
    @Override public void close() {
        close(Duration.ofSeconds(10));
    }

    /**
     * Graceful shutdown: stop accepting connections, let in-flight requests finish until {@code grace} passed,
     * then close connections, event loops and request threads. Idempotent; blocks up to about {@code grace}.
     */
    public void close(Duration grace) {
        if (closed) return;
        closed = true;
        long deadline = System.nanoTime() + grace.toNanos();
        List<Future<Void>> shutdowns = new ArrayList<>();
        for (ServerVerticle v : verticles) shutdowns.add(v.shutdown(Math.max(1, grace.toMillis())));
        for (Future<Void> f : shutdowns) {
            try {
                awaitUntil(f, deadline);
            } catch (RuntimeException ignored) {
                // forced close follows
            }
        }
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            await(vertx.close());
        } catch (RuntimeException ignored) {
            // already closed
        }
        requestThreads.shutdownNow();
    }

    DataPlaneOptions options() {
        return options;
    }

    Supplier<? extends RequestHandler> plans() {
        return plans;
    }

    GatewayEventListener listener() {
        return listener;
    }

    BodyBudget budget() {
        return budget;
    }

    /** The event loops' transport as Vert.x names it: {@code nio}, {@code epoll} or {@code io_uring}. */
    String transport() {
        return ((io.vertx.core.internal.VertxInternal) vertx).transport().getClass().getSimpleName()
                .replace("Transport", "").toLowerCase(java.util.Locale.ROOT).replace("iouring", "io_uring");
    }

    /** {@link #TRANSPORT_PROPERTY}'s value: nio, epoll or io_uring; IllegalArgumentException names a bad value. */
    static String transportWanted() {
        return transportNamed(System.getProperty(TRANSPORT_PROPERTY));
    }

    /** {@code value} as a transport name (null: nio); IllegalArgumentException naming the property for a bad one. */
    static String transportNamed(String value) {
        String v = value == null ? "nio" : value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "nio", "epoll", "io_uring" -> v;
            default -> throw new IllegalArgumentException(TRANSPORT_PROPERTY + " must be nio, epoll or io_uring, not '"
                    + v + "'");
        };
    }

    /** A Vert.x on {@code transport}, or on NIO (with a warning) when that native transport cannot load here. */
    static Vertx vertx(VertxOptions options, String transport) {
        io.vertx.core.transport.Transport t = switch (transport) {
            case "epoll" -> io.vertx.core.transport.Transport.EPOLL;
            case "io_uring" -> io.vertx.core.transport.Transport.IO_URING;
            default -> io.vertx.core.transport.Transport.NIO;
        };
        if (t == null) {
            LOG.warn("{}={}: Netty's {} transport is not on the class path; using NIO", TRANSPORT_PROPERTY, transport,
                    transport);
            t = io.vertx.core.transport.Transport.NIO;
        } else if (!t.available()) {
            LOG.warn("{}={}: the native transport could not load ({}); using NIO", TRANSPORT_PROPERTY, transport,
                    String.valueOf(t.unavailabilityCause()));
            t = io.vertx.core.transport.Transport.NIO;
        }
        return Vertx.builder().with(options).withTransport(t).build();
    }

    /** Whether every event loop carries its requests' virtual threads ({@link Threading#LOOP} in effect). */
    boolean loopCarried() {
        return !verticles.isEmpty() && verticles.stream().allMatch(ServerVerticle::loopCarried);
    }

    Threading threading() {
        return threading;
    }

    ExecutorService requestThreads() {
        return requestThreads;
    }

    void requestStarted() {
        inFlight.incrementAndGet();
    }

    void requestFinished() {
        inFlight.decrementAndGet();
    }

    /** What the server answers when the handler itself threw: AWS's 500 body, ids included. */
    static GatewayResponse bareInternalError(RequestContext ctx) {
        Headers.Builder h = Headers.builder().set("Content-Type", "application/json")
                .set("x-amzn-ErrorType", "InternalServerErrorException");
        String id = ctx.get(ContextKeys.REQUEST_ID);
        if (id != null) h.set("x-amzn-RequestId", id);
        return GatewayResponse.of(500, h.build(), "{\"message\": \"Internal server error\"}");
    }

    private static <T> T await(Future<T> f) {
        return awaitUntil(f, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
    }

    private static <T> T awaitUntil(Future<T> f, long deadlineNanos) {
        try {
            long wait = Math.max(1, deadlineNanos - System.nanoTime());
            return f.toCompletionStage().toCompletableFuture().get(wait, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

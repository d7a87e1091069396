package dev.gatehouse.engine.server;

import dev.gatehouse.engine.integration.BackendOptions;
import java.time.Duration;

/**
 * Listener settings of the data plane.
 *
 * @param host                  bind address ({@code 127.0.0.1} by default)
 * @param port                  TCP port; 0 picks a free one ({@link DataPlaneServer#port()} tells which)
 * @param eventLoops            event loops, each with its own server instance and backend client
 * @param maxRequestBodyBytes   larger request bodies get 413 REQUEST_TOO_LARGE (AWS: 10 MB)
 * @param maxHeaderBytes        total request header size; larger gets 431 from the HTTP codec
 * @param maxInitialLineBytes   request line limit (AWS regional URL limit 10,240); larger gets 414
 * @param inFlightBodyBudget    body bytes all requests together may hold; a request that would exceed it gets
 *                              429 THROTTLED {@code {"message":"Too Many Requests"}} (AWS answers overload with
 *                              429) and its connection is closed
 * @param idleTimeout           idle client connections are closed after this
 * @param backend               backend client settings
 */
public record DataPlaneOptions(String host, int port, int eventLoops, long maxRequestBodyBytes, int maxHeaderBytes,
                               int maxInitialLineBytes, long inFlightBodyBudget, Duration idleTimeout,
                               BackendOptions backend) {

    public static final long TEN_MB = 10L * 1024 * 1024;

    public DataPlaneOptions {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
        if (eventLoops < 1) throw new IllegalArgumentException("eventLoops " + eventLoops);
        if (maxRequestBodyBytes < 0 || maxRequestBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxRequestBodyBytes " + maxRequestBodyBytes);
        }
        if (inFlightBodyBudget < maxRequestBodyBytes) {
            throw new IllegalArgumentException("inFlightBodyBudget must hold at least one maximal body");
        }
    }

    /** Loopback, the given port, one loop per core, 10 MB bodies, a budget of a quarter of the heap (≥ 20 MB). */
    public static DataPlaneOptions defaults(int port) {
        long budget = Math.max(2 * TEN_MB, Runtime.getRuntime().maxMemory() / 4);
        return new DataPlaneOptions("127.0.0.1", port, Math.max(1, Runtime.getRuntime().availableProcessors()),
                TEN_MB, 16 * 1024, 10_240, budget, Duration.ofSeconds(60), BackendOptions.DEFAULTS);
    }

    public DataPlaneOptions withMaxRequestBodyBytes(long bytes) {
        return new DataPlaneOptions(host, port, eventLoops, bytes, maxHeaderBytes, maxInitialLineBytes,
                Math.max(inFlightBodyBudget, bytes), idleTimeout, backend);
    }

    public DataPlaneOptions withInFlightBodyBudget(long bytes) {
        return new DataPlaneOptions(host, port, eventLoops, maxRequestBodyBytes, maxHeaderBytes, maxInitialLineBytes,
                bytes, idleTimeout, backend);
    }

    public DataPlaneOptions withEventLoops(int loops) {
        return new DataPlaneOptions(host, port, loops, maxRequestBodyBytes, maxHeaderBytes, maxInitialLineBytes,
                inFlightBodyBudget, idleTimeout, backend);
    }

    public DataPlaneOptions withBackend(BackendOptions options) {
        return new DataPlaneOptions(host, port, eventLoops, maxRequestBodyBytes, maxHeaderBytes, maxInitialLineBytes,
                inFlightBodyBudget, idleTimeout, options);
    }
}

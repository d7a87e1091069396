package dev.gatehouse.engine.control;

import dev.gatehouse.engine.sigv4.AccessKeys;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Objects;

/**
 * Where and how the control plane listens.
 *
 * @param host            address to bind; 127.0.0.1 by default, and beyond loopback only with {@code keys}
 * @param port            0 = any free port
 * @param keys            the access keys requests must be signed with; none = any well-formed signature (loopback only)
 * @param maxBodyBytes    larger request bodies get 413 (AWS's import limit is 6 MB)
 * @param tls             the certificate and key to serve HTTPS with; null = plain HTTP
 */
public record ControlPlaneOptions(String host, int port, AccessKeys keys, int maxBodyBytes, Clock clock,
                                  ControlPlaneTls tls) {

    public static final int DEFAULT_MAX_BODY = 6 * 1024 * 1024;

    public ControlPlaneOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        if (keys.isEmpty() && !isLoopback(host)) {
            throw new IllegalArgumentException("the control plane listens on " + host
                    + " (beyond loopback) only with access keys configured (--credentials FILE)");
        }
    }

    /** Plain HTTP. */
    public ControlPlaneOptions(String host, int port, AccessKeys keys, int maxBodyBytes, Clock clock) {
        this(host, port, keys, maxBodyBytes, clock, null);
    }

    /** The same options serving HTTPS with {@code tls}. */
    public ControlPlaneOptions withTls(ControlPlaneTls tls) {
        return new ControlPlaneOptions(host, port, keys, maxBodyBytes, clock, tls);
    }

    public static ControlPlaneOptions loopback(int port, AccessKeys keys) {
        return new ControlPlaneOptions("127.0.0.1", port, keys, DEFAULT_MAX_BODY, Clock.systemUTC());
    }

    /** True for a loopback address or a name that resolves only to one ("localhost"). */
    public static boolean isLoopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) if (!a.isLoopbackAddress()) return false;
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

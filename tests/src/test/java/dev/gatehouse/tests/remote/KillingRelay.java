package dev.gatehouse.tests.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A loopback TCP relay in front of a remote engine's control plane that passes bytes both ways until a request line
 * matches a pattern; then, before that request reaches the engine, it runs {@code onMatch} (the test kills the
 * engine there) and drops the connection: the client sees the remote die in the middle of a push. Listens on a free
 * port of 127.0.0.1; {@link #close()} stops it.
 */
final class KillingRelay implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final Pattern requestLine;
    private final Runnable onMatch;
    private final AtomicBoolean killed = new AtomicBoolean();

    private KillingRelay(int upstreamPort, Pattern requestLine, Runnable onMatch) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.requestLine = requestLine;
        this.onMatch = onMatch;
    }

    /** Starts relaying to {@code 127.0.0.1:upstreamPort}; {@code requestLine} is a regex found in a request's head. */
    static KillingRelay start(int upstreamPort, String requestLine, Runnable onMatch) throws IOException {
        KillingRelay relay = new KillingRelay(upstreamPort, Pattern.compile(requestLine), onMatch);
        Thread accept = new Thread(relay::acceptLoop, "killing-relay");
        accept.setDaemon(true);
        accept.start();
        return relay;
    }

    int port() {
        return server.getLocalPort();
    }

    /** True once a request matched and {@code onMatch} ran. */
    boolean killed() {
        return killed.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> relay(client), "killing-relay-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            Thread back = new Thread(() -> pump(upstream, client), "killing-relay-back");
            back.setDaemon(true);
            back.start();
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            StringBuilder window = new StringBuilder();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                window.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                if (window.length() > 4096) window.delete(0, window.length() - 4096);
                if (requestLine.matcher(window).find()) {
                    onMatch.run();
                    killed.set(true);
                    return; // the request never reaches the engine; both sockets close
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a side closed: the connection ends
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // a side closed
        }
    }

    @Override public void close() throws IOException {
        server.close();
    }
}

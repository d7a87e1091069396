package dev.gatehouse.engine.access.state;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for one test class: started as a child process on a free loopback port with no
 * persistence ({@code --save '' --appendonly no}), stopped by its own PID (never by name), and restartable on the
 * same port to simulate an outage. Tests using it are skipped, with a message saying so, only when
 * {@code redis-server} is not installed ({@code .ci/run} installs the {@code redis-server} package).
 */
final class RedisServerProcess implements AutoCloseable {

    private final Path executable;
    private final Path log;
    private final int port;
    private Process process;

    private RedisServerProcess(Path executable, Path log, int port) {
        this.executable = executable;
        this.log = log;
        this.port = port;
    }

    /** Starts one; skips the calling test when {@code redis-server} is not on the PATH. */
    static RedisServerProcess start() throws IOException, InterruptedException {
        Path executable = find();
        assumeTrue(executable != null, "redis-server is not installed (Debian/Ubuntu package redis-server): "
                + "the Redis state tests are skipped");
        Path log = Files.createTempFile("gatehouse-redis-", ".log");
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between probe and bind
            RedisServerProcess redis = new RedisServerProcess(executable, log, freePort());
            try {
                redis.startAgain();
                return redis;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** (Re)starts the server on its port and waits until it answers PING. */
    void startAgain() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) throw new IllegalStateException("redis-server is running");
        process = new ProcessBuilder(List.of(executable.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + "; see " + log);
            }
            if (pings()) return;
            Thread.sleep(20);
        }
        stop();
        throw new IOException("redis-server did not answer PING on port " + port + " within 10 s; see " + log);
    }

    private boolean pings() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server (SIGTERM to its PID, SIGKILL after 5 s) and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    int port() {
        return port;
    }

    URI url() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    @Override public void close() throws InterruptedException {
        stop();
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file left behind
        }
    }
}

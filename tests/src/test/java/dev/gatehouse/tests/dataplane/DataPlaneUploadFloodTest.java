package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.mock;
import static dev.gatehouse.tests.dataplane.Definitions.proxy;
import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-flight body budget keeps a flood of large uploads from exhausting the heap: {@code gatehouse serve}
 * runs in a child JVM with {@code -Xmx512m}, 100 clients upload 9 MB each at once through HTTP_PROXY, and every
 * one gets either 200 (its bytes reached the backend) or a clean refusal; the server survives, still serves,
 * and never logged an OutOfMemoryError.
 */
class DataPlaneUploadFloodTest {

    private static final int MB = 1024 * 1024;
    private static final int UPLOADS = 100;
    private static final Pattern LISTENING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir Path dir;

    @Test
    void hundredConcurrentNineMegabyteUploadsUnderXmx512mAreServedOrCleanlyRefused() throws Exception {
        try (LocalBackend backend = new LocalBackend()) {
            // given: a deployed workspace, served by a separate JVM with a 512 MB heap
            Path ws = dir.resolve("ws");
            try (Gateway g = Gateway.of(Workspace.create(ws, "flood"))) {
                ApiDefinition api = withMethod(withMethod(ApiDefinition.create(Ids.apiId(), "flood", Instant.now()),
                        "/up/{proxy+}", proxy(backend.baseUrl() + "/{proxy}", 29_000)), "/mock", mock("{\"ok\":true}"));
                g.history().apply(Edit.createApi(api));
                g.deploy(api.id(), "prod", "flood");
            }
            Path stderr = dir.resolve("serve.err");
            Process serve = startServe(ws, stderr);
            try {
                int port = awaitPort(serve);
                String base = "http://127.0.0.1:" + port;
                OkHttpClient http = new OkHttpClient.Builder()
                        .connectionPool(new ConnectionPool(UPLOADS, 1, TimeUnit.MINUTES))
                        .readTimeout(Duration.ofSeconds(60)).writeTimeout(Duration.ofSeconds(60))
                        .retryOnConnectionFailure(false).build();

                // when: 100 uploads of 9 MB at once
                byte[] nine = new byte[9 * MB];
                java.util.concurrent.ThreadLocalRandom.current().nextBytes(nine);
                RequestBody upload = RequestBody.create(nine, MediaType.get("application/octet-stream"));
                Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
                List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
                ExecutorService clients = Executors.newFixedThreadPool(UPLOADS);
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (int i = 0; i < UPLOADS; i++) {
                    int n = i;
                    all.add(CompletableFuture.runAsync(() -> {
                        String outcome;
                        try (Response r = http.newCall(new Request.Builder().url(base + "/prod/up/sink/" + n)
                                .post(upload).build()).execute()) {
                            String body = r.body().string();
                            outcome = Integer.toString(r.code());
                            if (r.code() == 200 && !body.equals("{\"received\":" + nine.length + "}")
                                    || r.code() != 200 && !List.of(413, 429, 503).contains(r.code())) {
                                unexpected.add(r.code() + " " + body);
                            }
                        } catch (Exception e) {
                            outcome = e.getClass().getSimpleName();
                            unexpected.add(e.toString());
                        }
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }, clients));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                clients.shutdown();
                System.out.println("100 x 9 MB uploads under -Xmx512m: " + new TreeMap<>(outcomes)
                        + ", server RSS " + rssKb(serve.pid()) / 1024 + " MB");

                // then
                assertThat(unexpected).as("responses other than 200 or a clean 413/429/503").isEmpty();
                assertThat(outcomes.getOrDefault("200", new AtomicInteger()).get()).as("uploads served").isPositive();
                assertThat(serve.isAlive()).as("server still running").isTrue();
                try (Response r = http.newCall(new Request.Builder().url(base + "/prod/mock").build()).execute()) {
                    assertThat(r.code()).isEqualTo(200);
                    assertThat(r.body().string()).isEqualTo("{\"ok\":true}");
                }
                try (Response r = http.newCall(new Request.Builder().url(base + "/prod/up/sink/after")
                        .post(upload).build()).execute()) {
                    assertThat(r.code()).as("a single upload after the flood").isEqualTo(200);
                }
                http.connectionPool().evictAll();
            } finally {
                serve.destroy();
                if (!serve.waitFor(15, TimeUnit.SECONDS)) serve.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            assertThat(Files.readString(stderr)).doesNotContain("OutOfMemoryError");
        }
    }

    /** {@code gatehouse serve} in a child JVM with this JVM's class path and a 512 MB heap. */
    private static Process startServe(Path ws, Path stderr) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "-Dsun.misc.unsafe.memory.access=allow", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                "dev.gatehouse.engine.cli.GatehouseCli", "serve", "-w", ws.toString(), "--port", "0")
                .redirectError(stderr.toFile())
                .start();
    }

    /** Reads the child's stdout until it prints its port; keeps draining it afterwards. */
    private static int awaitPort(Process serve) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
                port.completeExceptionally(new IllegalStateException("serve exited: " + serve.waitFor()));
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
        });
        return port.get(30, TimeUnit.SECONDS);
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (Exception e) {
            // not Linux: report 0
        }
        return 0;
    }
}

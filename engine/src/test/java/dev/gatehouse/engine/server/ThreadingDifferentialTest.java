package dev.gatehouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.RequestHandler;
import dev.gatehouse.engine.pipeline.RequestPipeline;
import dev.gatehouse.engine.routing.ApiPlan;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RouteTable;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.routing.StagePlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two threading paths (every request on the JDK's scheduler, {@link Threading#VIRTUAL}; the default
 * {@link Threading#AUTO}, which carries these plans, none of which blocks, on the event loop) answer the same
 * requests with the same bytes: bench/dataplane-api.json (HTTP_PROXY, MOCK, HTTP with a JSON→JSON template and body validation)
 * compiled by {@link RequestPipeline} as a deploy does, served by two servers, each request sent to both over a
 * raw socket. Only the per-request ids, the trace id and the Date headers (ours, and the backend's remapped one) may differ; they are masked before the
 * byte comparison (and checked to be present, so the mask hides nothing else).
 */
class ThreadingDifferentialTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TRACE = Pattern.compile("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
    private static final Pattern EXTENDED_ID = Pattern.compile("(?im)^(x-amz-apigw-id: ).*$");
    private static final Pattern DATE = Pattern.compile("(?im)^((?:X-Seen-H-|x-amzn-Remapped-)?Date: ).*$");

    private static TestBackend backend;
    private static DataPlaneServer virtual;
    private static DataPlaneServer loop;

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        String json = Files.readString(DataPlaneBenchmarks.apiFile())
                .replace("http://127.0.0.1:18081", "http://127.0.0.1:" + backend.port());
        ApiDefinition api = new OpenApiImporter().importNew(json.getBytes(StandardCharsets.UTF_8), "dataplane-api.json",
                ImportOptions.defaults()).api();
        RequestPipeline pipeline = new RequestPipeline(new TemplateCompiler(), null);
        RouteTable.Builder<MethodPlan> routes = RouteTable.builder();
        for (Resource resource : api.resources()) {
            for (Method method : resource.resourceMethods().values()) {
                routes.add(resource.path(), method.httpMethod(),
                        pipeline.methodPlan(api, resource, method, RequestPipeline.Mode.SERVED));
            }
        }
        RuntimePlan plan = new RuntimePlan(Map.of(api.id(), new ApiPlan(api.id(), GatewayResponses.builtIn(),
                Map.of("prod", new StagePlan("prod", "d1", Map.of(), routes.build())))), api.id(), null);
        RequestHandler served = pipeline.serving(plan);
        DataPlaneOptions options = DataPlaneOptions.defaults(0).withEventLoops(2);
        virtual = DataPlaneServer.start(options, () -> served, GatewayEventListener.NONE, Threading.VIRTUAL);
        loop = DataPlaneServer.start(options, () -> served, GatewayEventListener.NONE, Threading.AUTO);
        // a cold first template render can pass the 1 s render limit on a busy machine (500): warm both first
        for (int i = 0; i < 3; i++) {
            for (byte[] request : requests()) {
                exchange(virtual.port(), request);
                exchange(loop.port(), request);
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (virtual != null) virtual.close(Duration.ofSeconds(1));
        if (loop != null) loop.close(Duration.ofSeconds(1));
        if (backend != null) backend.close();
    }

    @Test
    void theLoopServerReallyCarriesItsRequestsOnItsEventLoops() {
        assertThat(loop.loopCarried()).as("AUTO took effect (needs --add-opens java.base/java.lang)").isTrue();
        assertThat(virtual.loopCarried()).isFalse();
    }

    @Test
    void bothThreadingPathsAnswerEveryRequestWithTheSameBytes() throws Exception {
        for (byte[] request : requests()) {
            String a = normalised(exchange(virtual.port(), request));
            String b = normalised(exchange(loop.port(), request));
            assertThat(b).as("AUTO (event loop) vs VIRTUAL for %s", firstLine(request)).isEqualTo(a);
        }
    }

    @Test
    void bothThreadingPathsAnswerTheSameUnderConcurrency() throws Exception {
        List<byte[]> requests = requests();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String[]>> answers = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (byte[] request : requests) {
                    answers.add(clients.submit((Callable<String[]>) () -> new String[] {
                            normalised(exchange(virtual.port(), request)), normalised(exchange(loop.port(), request))}));
                }
            }
            for (Future<String[]> f : answers) {
                String[] both = f.get();
                assertThat(both[1]).isEqualTo(both[0]);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Every route of the bench API, valid and invalid input, a binary body, an unknown path and method. */
    private static List<byte[]> requests() throws IOException {
        byte[] order = Files.readString(DataPlaneBenchmarks.apiFile().resolveSibling("post-order.lua"))
                .lines().filter(l -> l.contains("[[")).map(l -> l.substring(l.indexOf("[[") + 2, l.lastIndexOf("]]")))
                .reduce("", String::concat).getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[3000];
        new Random(17).nextBytes(binary);
        List<byte[]> out = new ArrayList<>();
        out.add(request("GET /prod/proxy/prod/hello?a=1&b=two HTTP/1.1", "X-Custom: v1", new byte[0]));
        out.add(request("POST /prod/proxy/upload HTTP/1.1", "Content-Type: application/octet-stream", binary));
        out.add(request("DELETE /prod/proxy/items/7 HTTP/1.1", "Accept: application/json", new byte[0]));
        out.add(request("GET /prod/hello HTTP/1.1", "Accept: application/json", new byte[0]));
        out.add(request("POST /prod/orders HTTP/1.1", "Content-Type: application/json", order));
        out.add(request("POST /prod/orders HTTP/1.1", "Content-Type: application/json",
                "{\"orderId\":\"nope\"}".getBytes(StandardCharsets.UTF_8)));
        out.add(request("POST /prod/orders HTTP/1.1", "Content-Type: application/json",
                "{not json".getBytes(StandardCharsets.UTF_8)));
        out.add(request("GET /prod/nowhere HTTP/1.1", "Accept: */*", new byte[0]));
        out.add(request("PUT /prod/hello HTTP/1.1", "Content-Type: text/plain", "x".getBytes(StandardCharsets.UTF_8)));
        out.add(request("GET /staging/hello HTTP/1.1", "Accept: */*", new byte[0]));
        return out;
    }

    private static byte[] request(String line, String header, byte[] body) {
        String head = line + "\r\nHost: 127.0.0.1\r\n" + header + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Sends one request on a fresh connection and reads the whole answer (the server closes after it). */
    private static byte[] exchange(int port, byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
        }
    }

    /** The answer as ISO-8859-1 text (one char per byte) with ids, trace ids and dates masked. */
    private static String normalised(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("HTTP/1.1 ");
        String masked = UUID.matcher(text).replaceAll("<uuid>");
        masked = TRACE.matcher(masked).replaceAll("<trace>");
        masked = EXTENDED_ID.matcher(masked).replaceAll("$1<id>");
        masked = DATE.matcher(masked).replaceAll("$1<date>");
        return masked;
    }

    private static String firstLine(byte[] request) {
        String s = new String(request, StandardCharsets.US_ASCII);
        return s.substring(0, s.indexOf('\r'));
    }
}

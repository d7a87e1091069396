package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.mock;
import static dev.gatehouse.tests.dataplane.Definitions.proxy;
import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.engine.cors.EnableCors;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ContentHandling;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enable CORS, binary media types with {@code contentHandling}, and HTTP_PROXY response-header remapping, through a
 * stage deployed with the {@code Gateway} facade and served on real HTTP, against a real local backend.
 */
class DataPlaneCorsBinaryAndHeadersTest {

    /** A PNG signature and some bytes that are not UTF-8. */
    private static final byte[] PICTURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff,
            (byte) 0xfe, (byte) 0xc3, 0x28, 1, 2, 3};

    @TempDir static Path dir;
    private static HttpServer backend;
    private static ExecutorService backendThreads;
    private static final AtomicReference<byte[]> recordedBody = new AtomicReference<>();
    private static GatewayHarness gh;

    @BeforeAll
    static void deployAnApiWithCorsBinaryMediaTypesAndAProxy() throws IOException {
        backendThreads = Executors.newVirtualThreadPerTaskExecutor();
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        backend.setExecutor(backendThreads);
        backend.createContext("/echo", ex -> answer(ex, 200, ex.getRequestHeaders().getFirst("Content-Type"),
                ex.getRequestBody().readAllBytes()));
        backend.createContext("/record", ex -> {
            recordedBody.set(ex.getRequestBody().readAllBytes());
            answer(ex, 200, "application/json", "{\"recorded\":true}".getBytes(StandardCharsets.UTF_8));
        });
        backend.createContext("/png", ex -> answer(ex, 200, "image/png", PICTURE));
        backend.createContext("/server-date", ex -> {
            ex.getResponseHeaders().set("Server", "x");
            ex.getResponseHeaders().set("Via", "1.1 some-cache");
            ex.getResponseHeaders().set("X-Own", "kept");
            answer(ex, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        });
        backend.start();
        String b = "http://127.0.0.1:" + backend.getAddress().getPort();

        gh = new GatewayHarness(dir);
        ApiDefinition api = gh.createApi("media", a -> {
            ApiDefinition x = a.withRestApi(a.restApi().withBinaryMediaTypes(List.of("image/*")));
            x = withMethod(x, "/pets", mock("[{\"id\":1}]"));
            x = withMethod(x, "/proxy/{proxy+}", proxy(b + "/{proxy}", 5000));
            x = withMethod(x, "/upload", httpMethod("POST", b + "/record", null)
                    .withIntegration(httpIntegration("POST", b + "/record", null)
                            .withContentHandling(ContentHandling.CONVERT_TO_TEXT)
                            .withRequestTemplates(Map.of("image/png", "{\"data\": \"$input.body\"}"))));
            x = withMethod(x, "/download", httpMethod("GET", b + "/png", null));
            x = withMethod(x, "/picture", Method.of("GET")
                    .withMethodResponses(Map.of("200", new MethodResponse("200",
                            Map.of("method.response.header.Content-Type", false), null)))
                    .withIntegration(Integration.mock()
                            .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                            .withIntegrationResponses(Map.of("200", new IntegrationResponse("200", null,
                                    Map.of("method.response.header.Content-Type", "'image/png'"),
                                    Map.of("application/json", Base64.getEncoder().encodeToString(PICTURE)),
                                    ContentHandling.CONVERT_TO_BINARY)))));
            return x;
        });
        gh.changeApi(api.id(), a -> EnableCors.apply(a, a.resourceByPath("/pets").orElseThrow().id()));
        gh.gateway.deploy(api.id(), "prod", "cors, binary, headers");
    }

    private static Method httpMethod(String verb, String uri, ContentHandling responseHandling) {
        return Method.of(verb).withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(httpIntegration(verb, uri, responseHandling));
    }

    private static Integration httpIntegration(String verb, String uri, ContentHandling responseHandling) {
        return Integration.of(IntegrationType.HTTP, verb, uri).withIntegrationResponses(Map.of("200",
                new IntegrationResponse("200", null, null, null, responseHandling)));
    }

    private static void answer(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        try (ex) {
            if (type != null) ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (gh != null) gh.close();
        if (backend != null) backend.stop(0);
        if (backendThreads != null) backendThreads.shutdownNow();
    }

    private static Response call(Request.Builder request) throws IOException {
        return gh.http.newCall(request.build()).execute();
    }

    // ---- CORS ------------------------------------------------------------------------------------------------

    @Test
    void aPreflightOptionsRequestGetsTheThreeCorsHeadersFromTheMockMethod() throws Exception {
        try (Response r = call(new Request.Builder().url(gh.baseUrl() + "/prod/pets")
                .method("OPTIONS", null)
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "GET"))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET,OPTIONS");
            assertThat(r.header("Access-Control-Allow-Headers"))
                    .isEqualTo("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token");
            assertThat(r.body().string()).isEmpty();
        }
    }

    @Test
    void theActualGetCarriesAllowOriginOnIts200() throws Exception {
        try (Response r = call(new Request.Builder().url(gh.baseUrl() + "/prod/pets").header("Origin", "https://a.test"))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(r.body().string()).isEqualTo("[{\"id\":1}]");
        }
    }

    @Test
    void a403FromAnUnknownRouteCarriesTheCorsHeadersThroughTheDefault4xxGatewayResponse() throws Exception {
        try (Response r = call(new Request.Builder().url(gh.baseUrl() + "/prod/no/such/route"))) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.body().string()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET,OPTIONS");
        }
    }

    // ---- binary ----------------------------------------------------------------------------------------------

    @Test
    void anImageMakesTheHttpProxyRoundTripByteForByte() throws Exception {
        byte[] image = new byte[200_003];
        ThreadLocalRandom.current().nextBytes(image);
        System.arraycopy(PICTURE, 0, image, 0, PICTURE.length);
        try (Response r = gh.send("POST", "/prod/proxy/echo", image, "image/png")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("image/png");
            assertThat(r.body().bytes()).isEqualTo(image);
        }
    }

    @Test
    void convertToTextHandsTheBackendTheImageAsBase64InInputBody() throws Exception {
        try (Response r = gh.send("POST", "/prod/upload", PICTURE, "image/png")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("{\"recorded\":true}");
        }
        assertThat(new String(recordedBody.get(), StandardCharsets.UTF_8))
                .isEqualTo("{\"data\": \"" + Base64.getEncoder().encodeToString(PICTURE) + "\"}");
    }

    @Test
    void convertToBinaryTurnsABase64ResponseTemplateIntoTheImageBytes() throws Exception {
        try (Response r = call(new Request.Builder().url(gh.baseUrl() + "/prod/picture"))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("image/png");
            assertThat(r.body().bytes()).isEqualTo(PICTURE);
        }
    }

    @Test
    void aBinaryBackendResponseIsBase64TextUnlessTheFirstAcceptTypeIsBinary() throws Exception {
        try (Response r = call(new Request.Builder().url(gh.baseUrl() + "/prod/download").header("Accept", "application/json"))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo(Base64.getEncoder().encodeToString(PICTURE));
        }
        try (Response r = call(new Request.Builder().url(gh.baseUrl() + "/prod/download").header("Accept", "image/png,*/*"))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("image/png");
            assertThat(r.body().bytes()).isEqualTo(PICTURE);
        }
    }

    // ---- HTTP_PROXY response headers -------------------------------------------------------------------------

    @Test
    void httpProxyRenamesTheBackendsServerAndDateAndDropsVia() throws Exception {
        try (Response r = gh.get("/prod/proxy/server-date")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("ok");
            assertThat(r.header("x-amzn-Remapped-Server")).isEqualTo("x");
            assertThat(r.header("x-amzn-Remapped-Date")).endsWith("GMT");
            assertThat(r.header("x-amzn-Remapped-Content-Length")).isEqualTo("2");
            assertThat(r.header("Server")).isNotEqualTo("x");
            assertThat(r.header("Via")).isNull();
            assertThat(r.header("X-Own")).isEqualTo("kept");
        }
    }
}

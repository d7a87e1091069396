package dev.gatehouse.tests.dataplane;

import static dev.gatehouse.tests.dataplane.Definitions.withMethod;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.RequestValidator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS details of issue 9 part 4, each on real HTTP through a served stage (or a test invoke), each expectation
 * citing where it was seen on real AWS. "LS snapshot" means a LocalStack test marked {@code aws.validated} whose
 * {@code *.snapshot.json} was recorded against real AWS (repository localstack/localstack,
 * {@code tests/aws/services/apigateway/}).
 */
class DataPlaneAwsDetailsTest {

    @TempDir static Path dir;
    private static HttpServer backend;
    private static ExecutorService backendThreads;
    private static GatewayHarness gh;
    private static ApiDefinition api;

    @BeforeAll
    static void deployAnApiWithMockHttpAndProxyMethods() throws IOException {
        backendThreads = Executors.newVirtualThreadPerTaskExecutor();
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        backend.setExecutor(backendThreads);
        // answers with the names of the request headers it received (lower case, sorted) and the trace id
        backend.createContext("/headers", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                TreeSet<String> names = new TreeSet<>();
                ex.getRequestHeaders().keySet().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
                String trace = ex.getRequestHeaders().getFirst("X-Amzn-Trace-Id");
                byte[] body = (String.join(",", names) + "|" + trace).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        backend.start();
        String b = "http://127.0.0.1:" + backend.getAddress().getPort();

        gh = new GatewayHarness(dir);
        api = gh.createApi("aws-details", a -> {
            ApiDefinition x = a.withRequestValidators(List.of(new RequestValidator("v1", "params", false, true)));
            x = withMethod(x, "/mock", Definitions.mock("ok"));
            x = withMethod(x, "/params", Definitions.mock(
                    "[$input.params('Max-Forwards')][$input.params('Content-MD5')][$input.params('Upgrade')]"
                            + "[$input.params('Pragma')][$input.params('Via')]"));
            x = withMethod(x, "/bare", Definitions.mock("[$input][$util]"));
            x = withMethod(x, "/split", Definitions.mock(
                    "#set($p = $input.params('csv').split(','))$p.size() $p[0] $p[2]"));
            x = withMethod(x, "/override", Method.of("GET")
                    .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                    .withIntegration(Integration.mock()
                            .withRequestTemplates(Map.of("application/json",
                                    "#set($context.requestOverride.header.X-Who = 'me')"
                                            + "#set($context.requestOverride.querystring.q = 'v'){\"statusCode\": 200}"))
                            .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                    .withResponseTemplates(Map.of("application/json",
                                            "$context.requestOverride.header.X-Who $context.requestOverride.querystring.q"))))));
            x = withMethod(x, "/http", Method.of("GET").withMethodResponses(Map.of("200", MethodResponse.of("200")))
                    .withIntegration(Integration.of(IntegrationType.HTTP, "GET", b + "/headers")
                            .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")))));
            x = withMethod(x, "/proxy", Method.of("GET")
                    .withIntegration(Integration.of(IntegrationType.HTTP_PROXY, "GET", b + "/headers")));
            x = withMethod(x, "/nested/{test}", Definitions.mock("valid").withRequestValidatorId("v1")
                    .withRequestParameters(Map.of("method.request.querystring.qs1", true,
                            "method.request.path.issuer", true, "method.request.header.x-header-param", true)));
            return x;
        });
        gh.gateway.deploy(api.id(), "prod", "aws details");
    }

    @AfterAll
    static void stop() {
        if (gh != null) gh.close();
        if (backend != null) backend.stop(0);
        if (backendThreads != null) backendThreads.shutdownNow();
    }

    // ---- headers on every response ---------------------------------------------------------------------------

    /** LS snapshot test_apigateway_common "normal-req-headers-MOCK" (2024-08-07): date, x-amzn-requestid,
     *  x-amz-apigw-id, no x-amzn-trace-id. */
    @Test
    void mockResponsesCarryDateAndRequestIdsButNoTraceId() throws Exception {
        try (Response r = gh.get("/prod/mock")) {
            assertThat(r.code()).isEqualTo(200);
            assertIsHttpDate(r.header("Date"));
            assertThat(r.header("x-amzn-RequestId")).isNotBlank();
            assertThat(r.header("x-amz-apigw-id")).isNotBlank();
            assertThat(r.header("X-Amzn-Trace-Id")).isNull();
        }
    }

    /** LS snapshot test_apigateway_integrations header_remapping "content-length" 500 (2024-12-11): a gateway
     *  error carries Date, x-amz-apigw-id, x-amzn-RequestId and x-amzn-ErrorType, and no X-Amzn-Trace-Id. */
    @Test
    void gatewayErrorsCarryDateAndRequestIds() throws Exception {
        try (Response r = gh.get("/prod/no/such/route")) {
            assertThat(r.code()).isEqualTo(403);
            assertIsHttpDate(r.header("Date"));
            assertThat(r.header("x-amzn-RequestId")).isNotBlank();
            assertThat(r.header("x-amz-apigw-id")).isNotBlank();
            assertThat(r.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
            assertThat(r.header("X-Amzn-Trace-Id")).isNull();
        }
    }

    /** LS snapshot header_remapping[HTTP] "no-param-integration": the response has X-Amzn-Trace-Id; the backend
     *  got one (DG "Amazon API Gateway and AWS X-Ray": the gateway adds the tracing header to the request). */
    @Test
    void httpIntegrationReturnsTheTraceIdItSentToTheBackend() throws Exception {
        try (Response r = gh.get("/prod/http")) {
            assertThat(r.code()).isEqualTo(200);
            String sent = r.body().string().split("\\|")[1];
            assertThat(sent).startsWith("Root=1-");
            assertThat(r.header("X-Amzn-Trace-Id")).isEqualTo(sent);
            assertIsHttpDate(r.header("Date"));
        }
    }

    /** LS snapshot header_remapping[HTTP_PROXY] "no-param-integration": no X-Amzn-Trace-Id on the response. */
    @Test
    void httpProxyResponsesCarryNoTraceId() throws Exception {
        try (Response r = gh.get("/prod/proxy")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("X-Amzn-Trace-Id")).isNull();
            assertIsHttpDate(r.header("Date"));
        }
    }

    // ---- request headers AWS drops ---------------------------------------------------------------------------

    /** LS snapshot header_remapping[HTTP_PROXY] "no-param-integration": of the headers the client sent, the
     *  backend got Accept-Charset, Age, Pragma, Referer, Warn (and Authorization, Range …) but not Content-MD5,
     *  Max-Forwards, Server, WWW-Authenticate, Trailer, Upgrade, Via, Content-Encoding. */
    @Test
    void httpProxyDoesNotForwardHeadersAwsDrops() throws Exception {
        Request.Builder rb = new Request.Builder().url(gh.baseUrl() + "/prod/proxy");
        for (String[] h : clientHeaders()) rb.header(h[0], h[1]);
        try (Response r = gh.http.newCall(rb.build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            List<String> seen = List.of(r.body().string().split("\\|")[0].split(","));
            assertThat(seen).contains("accept-charset", "age", "pragma", "referer", "warn",
                    "x-amzn-apigateway-api-id", "x-amzn-trace-id");
            assertThat(seen).doesNotContain("content-md5", "max-forwards", "server", "www-authenticate", "trailer",
                    "upgrade", "via", "content-encoding");
        }
    }

    /** LS snapshot header_remapping[HTTP] "full-integration" body: $input.params('X') is empty for Content-MD5,
     *  Max-Forwards, Upgrade (dropped at parse) and has the value for Pragma and Via. */
    @Test
    void inputParamsCannotSeeHeadersAwsDropsAtParse() throws Exception {
        Request.Builder rb = new Request.Builder().url(gh.baseUrl() + "/prod/params");
        for (String[] h : clientHeaders()) rb.header(h[0], h[1]);
        try (Response r = gh.http.newCall(rb.build()).execute()) {
            assertThat(r.body().string()).isEqualTo("[][][][cache][p.example.net]");
        }
    }

    // ---- VTL -------------------------------------------------------------------------------------------------

    /** Hand-derived from the Velocity language AWS templates use: String.split gives an array, which Velocity
     *  treats as a fixed-size list (size(), index notation). */
    @Test
    void splitArraysAreIndexableAndSized() throws Exception {
        try (Response r = gh.get("/prod/split?csv=a,b,c")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("3 a c");
        }
    }

    /** [verify] No AWS recording found: chosen and documented in InputVariable#toString / UtilVariable#toString
     *  (nothing is printed, neither the reference text nor a class name). */
    @Test
    void bareInputAndUtilReferencesRenderAsNothing() throws Exception {
        try (Response r = gh.get("/prod/bare")) {
            assertThat(r.body().string()).isEqualTo("[][]");
        }
    }

    /** DG "Override your API's request and response parameters and status codes": values set under
     *  $context.requestOverride in the request template are what later templates read. MOCK here. */
    @Test
    void requestOverridesSetInTheRequestTemplateAreReadableInTheResponseTemplate() throws Exception {
        try (Response r = gh.get("/prod/override")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEqualTo("me v");
        }
    }

    // ---- validation ------------------------------------------------------------------------------------------

    /** LS snapshot test_apigateway_common test_api_gateway_request_validator (2024-01-10):
     *  "missing-all-required-request-params-post" → [x-header-param, issuer, qs1], where issuer is a required path
     *  parameter that the resource path does not contain. */
    @Test
    void missingRequiredParametersAreListedInAwsOrderIncludingAnUndeclaredPathPart() throws Exception {
        try (Response r = gh.get("/prod/nested/x")) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.body().string()).contains("Missing required request parameters: [x-header-param, issuer, qs1]");
            assertIsHttpDate(r.header("Date"));
        }
    }

    // ---- test invoke -----------------------------------------------------------------------------------------

    /** LS snapshot test_apigateway_api test_invoke_test_method (MOCK, 2025-09-29): headers are exactly
     *  {"Content-Type": "application/json"}. */
    @Test
    void testInvokeOfMockReturnsOnlyTheMethodResponseHeaders() {
        String rid = api.resourceByPath("/mock").orElseThrow().id();
        TestInvokeResult r = gh.gateway.testInvoke(api.id(), rid, "GET",
                new TestInvokeRequest("/mock", null, null, null, null));
        assertThat(r.headers()).isEqualTo(Map.of("Content-Type", "application/json"));
        assertThat(r.multiValueHeaders()).isEqualTo(Map.of("Content-Type", List.of("application/json")));
    }

    /** LS snapshot test_apigateway_basic test_apigw_test_invoke_method_api (2025-08-19): X-Amzn-Trace-Id first,
     *  then the method response headers; no Content-Length, Date or request ids. */
    @Test
    void testInvokeOfAnHttpIntegrationReturnsTheTraceIdFirst() {
        String rid = api.resourceByPath("/http").orElseThrow().id();
        TestInvokeResult r = gh.gateway.testInvoke(api.id(), rid, "GET",
                new TestInvokeRequest("/http", null, null, null, null));
        assertThat(r.status()).isEqualTo(200);
        List<String> names = new ArrayList<>(r.headers().keySet());
        assertThat(names).first().isEqualTo("X-Amzn-Trace-Id");
        assertThat(names).contains("Content-Type")
                .noneMatch(n -> List.of("content-length", "date", "x-amzn-requestid", "x-amz-apigw-id")
                        .contains(n.toLowerCase(Locale.ROOT)));
    }

    private static String[][] clientHeaders() {
        // the client headers of LocalStack's header-remapping test, minus those OkHttp manages itself
        return new String[][] {{"Accept-Charset", "UTF-8"}, {"Age", "request_Age"}, {"Content-Encoding", "deflate"},
                {"Content-MD5", "request_Content-MD5"}, {"Max-Forwards", "2"}, {"Pragma", "cache"},
                {"Referer", "https://example.com/"}, {"Server", "https://example.com/"}, {"Trailer", "Expires"},
                {"Upgrade", "HTTP/2.0"}, {"Via", "p.example.net"}, {"Warn", "299 localStack/0.0"},
                {"WWW-Authenticate", "Basic YWxhZGRpbjpvcGVuc2VzYW1l"}};
    }

    /** RFC 9110 IMF-fixdate, as in AWS's recorded responses ("date: Thu, 30 Sep 2021 10:16:40 GMT"). */
    private static void assertIsHttpDate(String value) {
        assertThat(value).isNotNull();
        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(value).endsWith(" GMT");
    }
}

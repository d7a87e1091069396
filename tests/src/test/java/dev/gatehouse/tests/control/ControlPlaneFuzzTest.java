package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/**
 * A bounded fuzz run of the control plane (loopback only): at least 10,000 mutated requests — paths from the route
 * table with real, garbage and unicode ids; every method; JSON bodies truncated, of wrong types, with huge numbers,
 * unicode and deep nesting; PATCH operations with bad ops, paths and values; query parameters out of range; and
 * unsigned, forged and expired signatures against configured credentials. Each request is signed by the AWS SDK's
 * own SigV4 signer and sent over one keep-alive socket, one at a time, so every outcome is attributable.
 *
 * <p>It asserts: no 5xx; every refusal in AWS's error shape ({@code x-amzn-ErrorType} and {@code {"message": …}});
 * the workspace's files and revision unchanged by every refused request; and the engine still answering afterwards.
 * The seed is fixed (a failure reproduces) and printed with the first failing request.
 */
class ControlPlaneFuzzTest {
    private static final int REQUESTS = 10_000;
    /**
     * A hard cap, not the expected time: 10,000 requests take well under 60 s on an idle machine (each is one
     * loopback round trip); on a machine shared by many busy processes each round trip waits for a core several
     * times, so the cap leaves room for that (-Dgatehouse.fuzz.seconds to change it).
     */
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("gatehouse.fuzz.seconds", 300));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void tenThousandMutatedRequestsGiveNo500NoCrashAwsErrorShapesAndNoChangeWhenRefused() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            Ids ids = seed(aws);
            Fuzzer fuzzer = new Fuzzer(new SplittableRandom(20261202L), ids);
            Path ws = dir.resolve("ws");
            String hash = hash(ws);
            String stat = fingerprint(ws);
            long revision = engine.gateway.workspace().revision();
            int accepted = 0;
            int sent = 0;
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            long cpu0 = cpuNanos();
            long answerNanos = 0;
            Instant started = Instant.now();
            Instant deadline = started.plus(BUDGET);
            // the requests are made on another thread, in order, while the engine answers the previous one
            java.util.concurrent.BlockingQueue<Fuzzer.Req> queue = new java.util.concurrent.ArrayBlockingQueue<>(512);
            Thread maker = Thread.ofPlatform().daemon().name("fuzz-maker").start(() -> {
                try {
                    for (int i = 0; i < REQUESTS; i++) queue.put(fuzzer.next());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try (Wire wire = new Wire(engine.controlPlane.port())) {
                while (sent < REQUESTS && Instant.now().isBefore(deadline)) {
                    Fuzzer.Req req = queue.take();
                    long t0 = System.nanoTime();
                    Wire.Resp resp = wire.send(req, engine.controlPlane.port());
                    answerNanos += System.nanoTime() - t0;
                    sent++;
                    statuses.merge(resp.status(), 1, Integer::sum);
                    String what = "request #" + sent + " " + req.describe() + "\n -> " + resp.status() + " " + resp.headers()
                            + " " + resp.bodyText();
                    assertThat(resp.status()).as(what).isBetween(200, 499);
                    if (resp.status() >= 400) {
                        assertThat(resp.headers().get("x-amzn-errortype")).as(what).isNotBlank();
                        if (!req.method().equals("HEAD")) { // a HEAD answer has no body, by HTTP's rules
                            JsonNode body = JSON.readTree(resp.body());
                            assertThat(body.path("message").isTextual()).as(what).isTrue();
                        }
                        assertThat(engine.gateway.workspace().revision()).as("revision after refused " + what).isEqualTo(revision);
                        // every file's path, size and modification time (an atomic rewrite replaces the file): cheap
                        // enough for every request; the contents are compared after each accepted one and at the end
                        assertThat(fingerprint(ws)).as("workspace files after refused " + what).isEqualTo(stat);
                    } else {
                        accepted++;
                        revision = engine.gateway.workspace().revision();
                        hash = hash(ws);
                        stat = fingerprint(ws);
                    }
                }
            } finally {
                maker.interrupt();
            }
            long wall = Duration.between(started, Instant.now()).toMillis();
            assertThat(hash(ws)).as("the workspace's contents after the last accepted request").isEqualTo(hash);
            System.out.printf("fuzz: %d requests in %d ms (the engine's answers %d ms; CPU of this JVM, fuzzer and engine, %d ms),"
                    + " %d accepted, statuses %s%n", sent, wall, answerNanos / 1_000_000, (cpuNanos() - cpu0) / 1_000_000, accepted, statuses);
            assertThat(sent).as("requests sent within %s", BUDGET).isGreaterThanOrEqualTo(REQUESTS);
            assertThat(statuses.keySet()).as("the run reached refusals of several kinds").contains(400, 403, 404);
            // still alive and still correct (the run may have deleted the seeded API: a DELETE with its real id is valid)
            assertThat(aws.getRestApis().items()).hasSameSizeAs(engine.gateway.workspace().apis());
            String after = aws.createRestApi(b -> b.name("after the fuzz")).id();
            assertThat(aws.getRestApi(b -> b.restApiId(after)).name()).isEqualTo("after the fuzz");
            assertThat(aws.getAccount(b -> { }).throttleSettings().burstLimit()).isEqualTo(5000);
        }
    }

    /** The ids the fuzzer mixes into paths: a deployed API with a method, a key, a plan and a domain. */
    record Ids(String api, String root, String resource, String key, String plan, String domain) {}

    private static Ids seed(ApiGatewayClient aws) {
        String api = aws.createRestApi(b -> b.name("fuzzed")).id();
        String root = aws.getResources(b -> b.restApiId(api)).items().getFirst().id();
        String res = aws.createResource(b -> b.restApiId(api).parentId(root).pathPart("pets")).id();
        aws.putMethod(b -> b.restApiId(api).resourceId(res).httpMethod("GET").authorizationType("NONE"));
        aws.putIntegration(b -> b.restApiId(api).resourceId(res).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        aws.putMethodResponse(b -> b.restApiId(api).resourceId(res).httpMethod("GET").statusCode("200"));
        aws.putIntegrationResponse(b -> b.restApiId(api).resourceId(res).httpMethod("GET").statusCode("200"));
        aws.createDeployment(b -> b.restApiId(api).stageName("prod"));
        String key = aws.createApiKey(b -> b.name("k").enabled(true)).id();
        String plan = aws.createUsagePlan(b -> b.name("p").apiStages(s -> s.apiId(api).stage("prod"))).id();
        aws.createDomainName(b -> b.domainName("fuzz.example.com"));
        aws.createBasePathMapping(b -> b.domainName("fuzz.example.com").restApiId(api).stage("prod"));
        return new Ids(api, root, res, key, plan, "fuzz.example.com");
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Every workspace file's path, size and modification time (the engine's runtime folder .gatehouse excluded). */
    static String fingerprint(Path ws) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> all = Files.walk(ws)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> !ws.relativize(p).toString().startsWith(".gatehouse")).sorted().toList()) {
                var attrs = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                out.append(ws.relativize(p)).append(' ').append(attrs.size()).append(' ').append(attrs.lastModifiedTime().toInstant())
                        .append(' ').append(attrs.fileKey()).append('\n');
            }
        }
        return out.toString();
    }

    /** SHA-256 over every workspace file's path and content (the engine's runtime folder .gatehouse excluded). */
    static String hash(Path ws) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(ws)) {
            files = all.filter(Files::isRegularFile).filter(p -> !ws.relativize(p).toString().startsWith(".gatehouse")).sorted().toList();
        }
        for (Path f : files) {
            sha.update(ws.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Makes the mutated requests. */
    static final class Fuzzer {
        record Req(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
            String describe() {
                String b = new String(body, StandardCharsets.UTF_8);
                return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + " "
                        + (b.length() > 300 ? b.substring(0, 300) + "…(" + b.length() + ")" : b);
            }
        }

        private static final String[] TEMPLATES = {
            "/restapis", "/restapis/{api}", "/restapis/{api}/resources", "/restapis/{api}/resources/{res}",
            "/restapis/{api}/resources/{res}/methods/{m}", "/restapis/{api}/resources/{res}/methods/{m}/responses/{code}",
            "/restapis/{api}/resources/{res}/methods/{m}/integration",
            "/restapis/{api}/resources/{res}/methods/{m}/integration/responses/{code}",
            "/restapis/{api}/deployments", "/restapis/{api}/deployments/{x}", "/restapis/{api}/stages",
            "/restapis/{api}/stages/{stage}", "/restapis/{api}/stages/{stage}/cache/data",
            "/restapis/{api}/stages/{stage}/exports/{x}", "/restapis/{api}/stages/{stage}/sdks/{x}",
            "/restapis/{api}/models", "/restapis/{api}/models/{x}", "/restapis/{api}/models/{x}/default_template",
            "/restapis/{api}/requestvalidators", "/restapis/{api}/requestvalidators/{x}", "/restapis/{api}/authorizers",
            "/restapis/{api}/authorizers/{x}", "/restapis/{api}/gatewayresponses", "/restapis/{api}/gatewayresponses/{x}",
            "/apikeys", "/apikeys/{key}", "/usageplans", "/usageplans/{plan}", "/usageplans/{plan}/keys",
            "/usageplans/{plan}/keys/{key}", "/usageplans/{plan}/usage", "/domainnames", "/domainnames/{domain}",
            "/domainnames/{domain}/basepathmappings", "/domainnames/{domain}/basepathmappings/{base}", "/account",
            "/sdktypes", "/sdktypes/{x}", "/", "/nothing/here", "/restapis/{api}/{x}/{x}/{x}",
        };
        private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "GET", "POST", "PATCH", "HEAD", "OPTIONS"};
        private static final String[] FIELDS = {"name", "description", "pathPart", "type", "httpMethod", "uri", "authorizationType",
            "stageName", "deploymentId", "restApiId", "stage", "basePath", "domainName", "value", "enabled", "keyId", "keyType",
            "apiStages", "throttle", "quota", "requestParameters", "requestTemplates", "patchOperations", "variables",
            "endpointConfiguration", "tags", "schema", "contentType", "selectionPattern", "statusCode", "responseTemplates",
            "cacheClusterEnabled", "cacheClusterSize", "tracingEnabled", "rateLimit", "burstLimit", "limit", "timeoutInMillis",
            "responseParameters", "responseModels", "authorizerUri", "identitySource", "providerARNs", "validateRequestBody",
            "regionalCertificateArn", "certificateArn", "securityPolicy", "passthroughBehavior", "binaryMediaTypes", "version",
            "cloneFrom", "apiKeySource", "policy", "minimumCompressionSize", "stageKeys", "customerId", "generateDistinctId"};
        private static final String[] PATCH_PATHS = {"/name", "/description", "/", "", "name", "/~1", "/~0", "/a/b/c/d",
            "/requestParameters/method.request.header.x", "/*/*/throttling/rateLimit", "/*/*/caching/enabled",
            "/stageVariables/x", "/apiStages", "/apiStages/" , "/throttle/rateLimit", "/quota/limit", "/basePath", "/stage",
            "/restapiId", "/cloudwatchRoleArn", "/features", "/endpointConfiguration/types/EDGE", "/endpointConfiguration/types/0",
            "/binaryMediaTypes/image~1png", "/pets/GET/logging/loglevel", "/~1pets/GET/metrics/enabled", "/uri", "/timeoutInMillis",
            "/deploymentId", "/variables/x", "/ä/ö", "/\u0000", "/" + "x".repeat(3000), "/requestTemplates/application~1json",
            "/cacheKeyParameters/x", "/authorizationType", "/apiKeyRequired", "/securityPolicy", "/certificateArn", "/enabled",
            "/value", "/customerId", "/tracingEnabled", "/cacheClusterEnabled", "/cacheClusterSize", "/selectionPattern",
            "/responseParameters/method.response.header.X", "/methodIntegration", "/policy", "/minimumCompressionSize"};
        private static final String[] OPS = {"add", "remove", "replace", "move", "copy", "test", "ADD", "bogus", ""};
        private static final String[] QUERIES = {null, null, null, "limit=abc", "limit=-1", "limit=0", "limit=99999999999",
            "limit=2", "position=zzz", "position=-5", "position=99999999", "mode=import", "mode=overwrite", "mode=merge",
            "mode=bogus", "embed=methods", "failonwarnings=yes", "mode=import&failonwarnings=true", "%zz=1", "a=%",
            "extensions=integrations", "includeValues=true", "startDate=2026-01-01&endDate=2025-01-01", "startDate=nope",
            "deploymentId=x", "mode=overwrite&failonwarnings=true", "format=csv", "mode=import&format=csv"};

        private final SplittableRandom random;
        private final Ids ids;
        private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

        Fuzzer(SplittableRandom random, Ids ids) {
            this.random = random;
            this.ids = ids;
        }

        Req next() {
            String method = pick(METHODS);
            String path = path(pick(TEMPLATES));
            String query = pick(QUERIES);
            byte[] body = body(method);
            return sign(method, path, query, body);
        }

        private String path(String template) {
            StringBuilder out = new StringBuilder();
            for (String seg : template.split("/", -1)) {
                if (out.length() > 0 || !seg.isEmpty()) out.append('/');
                if (seg.isEmpty()) continue;
                out.append(switch (seg) {
                    case "{api}" -> chance(80) ? ids.api() : id();
                    case "{res}" -> chance(50) ? ids.resource() : chance(40) ? ids.root() : id();
                    case "{m}" -> chance(70) ? pick(new String[] {"GET", "POST", "ANY", "PUT"}) : id();
                    case "{code}" -> chance(70) ? pick(new String[] {"200", "400", "500"}) : id();
                    case "{stage}" -> chance(70) ? "prod" : id();
                    case "{key}" -> chance(70) ? ids.key() : id();
                    case "{plan}" -> chance(70) ? ids.plan() : id();
                    case "{domain}" -> chance(70) ? ids.domain() : id();
                    case "{base}" -> chance(60) ? "%28none%29" : id();
                    case "{x}" -> chance(30) ? pick(new String[] {"swagger", "oas30", "java", "javascript", "Empty", "Error",
                            "DEFAULT_4XX", "MISSING_AUTHENTICATION_TOKEN", "integration", "responses"}) : id();
                    default -> seg;
                });
            }
            if (chance(3)) out.append('/');
            if (chance(2)) out.insert(0, '/');
            return out.toString();
        }

        /** A garbage id as a client would send it (percent-encoded where needed). */
        private String id() {
            return switch (random.nextInt(12)) {
                case 0 -> "";
                case 1 -> "..";
                case 2 -> "%2e%2e";
                case 3 -> enc("ünïcødé-日本語-🙂");
                case 4 -> "x".repeat(chance(10) ? 5000 : 1 + random.nextInt(200));
                case 5 -> "%00";
                case 6 -> "%2F";
                case 7 -> "~1a";
                case 8 -> "%zz";
                case 9 -> "a+b";
                case 10 -> enc("' OR 1=1 --");
                default -> Integer.toString(random.nextInt(1_000_000), 36);
            };
        }

        private static String enc(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private byte[] body(String method) {
            if (method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")) {
                return chance(90) ? new byte[0] : value(0).getBytes(StandardCharsets.UTF_8);
            }
            String text = switch (random.nextInt(10)) {
                case 0 -> pick(new String[] {"", "not json", "<xml/>", "{", "[]", "null", "42", "\"s\"", "{\"a\":}", "{}"});
                case 1 -> deep(chance(10) ? 20_000 : 50 + random.nextInt(1500));
                case 2, 3 -> patch();
                case 4 -> openApi();
                default -> object(0);
            };
            if (chance(15) && text.length() > 1) text = text.substring(0, random.nextInt(text.length()));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (chance(2) && bytes.length > 0) bytes[random.nextInt(bytes.length)] = (byte) 0xC3; // invalid UTF-8
            return bytes;
        }

        private String deep(int depth) {
            String open = chance(50) ? "[" : "{\"a\":";
            String close = open.equals("[") ? "]" : "}";
            return open.repeat(depth) + "1" + close.repeat(depth);
        }

        private String object(int level) {
            StringBuilder out = new StringBuilder("{");
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                if (i > 0) out.append(',');
                out.append(quote(pick(FIELDS))).append(':').append(value(level + 1));
            }
            return out.append('}').toString();
        }

        private String value(int level) {
            return switch (random.nextInt(level > 3 ? 9 : 12)) {
                case 0 -> quote(pick(new String[] {"GET", "MOCK", "HTTP", "HTTP_PROXY", "AWS_PROXY", "NONE", "REGIONAL", "EDGE",
                        "prod", "v1", ids.api(), ids.key(), ids.plan(), "200", "TLS_1_2", "application/json"}));
                case 1 -> quote("ünïcødé 日本語 🙂 \\u0000 \u202e");
                case 2 -> quote("x".repeat(chance(10) ? random.nextInt(70_000) : random.nextInt(300)));
                case 3 -> pick(new String[] {"1e400", "-1e400", "99999999999999999999999999", "-9223372036854775809", "0.5",
                        "-1", "0", "2147483648", "NaN", "1.7976931348623157E309"});
                case 4 -> pick(new String[] {"true", "false", "null"});
                case 5 -> quote("");
                case 6 -> Integer.toString(random.nextInt());
                case 7 -> quote(pick(new String[] {"a/b", "(none)", "*", "..", "arn:aws:lambda:us-east-1:123456789012:function:f"}));
                case 8 -> quote(Integer.toString(random.nextInt(100)));
                case 9 -> object(level);
                case 10 -> "[" + value(level + 1) + "," + value(level + 1) + "]";
                default -> "{\"types\":[" + quote(pick(new String[] {"REGIONAL", "EDGE", "PRIVATE", "BOGUS"})) + "]}";
            };
        }

        private String patch() {
            StringBuilder out = new StringBuilder("{\"patchOperations\":");
            if (chance(10)) return out.append(value(0)).append('}').toString();
            out.append('[');
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                if (i > 0) out.append(',');
                if (chance(5)) {
                    out.append(value(0));
                    continue;
                }
                out.append("{\"op\":").append(chance(90) ? quote(pick(OPS)) : value(1));
                out.append(",\"path\":").append(chance(90) ? quote(pick(PATCH_PATHS)) : value(1));
                if (chance(80)) out.append(",\"value\":").append(chance(70) ? value(4) : value(1));
                if (chance(10)) out.append(",\"from\":").append(quote(pick(PATCH_PATHS)));
                out.append('}');
            }
            return out.append("]}").toString();
        }

        private String openApi() {
            return "{\"openapi\":" + pick(new String[] {"\"3.0.1\"", "3", "null", "\"9\""}) + ",\"info\":{\"title\":" + value(2)
                    + ",\"version\":" + value(3) + "},\"paths\":{" + quote(pick(new String[] {"/pets", "pets", "/{x}", "/a//b", ""}))
                    + ":{\"get\":" + value(2) + "}}}";
        }

        private static String quote(String s) {
            try {
                return JSON.writeValueAsString(s);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Signs as the AWS SDK does (mostly); some requests are unsigned, forged, expired or carry a mangled header. */
        private Req sign(String method, String rawPath, String rawQuery, byte[] body) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", "127.0.0.1");
            headers.put("Content-Type", "application/json");
            headers.put("Accept", "application/json");
            int how = random.nextInt(100);
            if (how < 6) return new Req(method, rawPath, rawQuery, headers, body); // unsigned
            SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().protocol("http").host("127.0.0.1")
                    .method(SdkHttpMethod.fromValue(method)).encodedPath(rawPath);
            headers.forEach(unsigned::putHeader);
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    unsigned.appendRawQueryParameter(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? null : decode(pair.substring(eq + 1)));
                }
            }
            String secret = how < 10 ? "forged-secret" : ControlPlaneHarness.SECRET;
            Clock clock = how >= 10 && how < 14 ? Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)) : Clock.systemUTC();
            software.amazon.awssdk.http.auth.spi.signer.SignedRequest signed;
            try {
                signed = signer.sign(r -> r.identity(AwsCredentialsIdentity.create(ControlPlaneHarness.KEY_ID, secret))
                        .request(unsigned.build()).payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "apigateway")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
            } catch (IllegalArgumentException e) {
                // the SDK cannot sign a path with a malformed escape ("%zz"); such a request goes with a made-up signature
                headers.put("X-Amz-Date", "20260101T000000Z");
                headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + ControlPlaneHarness.KEY_ID
                        + "/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64));
                return new Req(method, rawPath, rawQuery, headers, body);
            }
            signed.request().forEachHeader((name, values) -> headers.put(name, values.getFirst()));
            if (how >= 14 && how < 17) {
                String auth = headers.get("Authorization");
                headers.put("Authorization", auth.substring(0, random.nextInt(auth.length())));
            }
            return new Req(method, rawPath, rawQuery, headers, body);
        }

        private static String decode(String s) {
            try {
                return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private <T> T pick(T[] options) {
            return options[random.nextInt(options.length)];
        }
    }

    /** A minimal HTTP/1.1 client on one keep-alive socket (reconnects when the server closes it). */
    static final class Wire implements AutoCloseable {
        record Resp(int status, Map<String, String> headers, byte[] body) {
            String bodyText() {
                String b = new String(body, StandardCharsets.UTF_8);
                return b.length() > 500 ? b.substring(0, 500) + "…" : b;
            }
        }

        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Wire(int port) throws IOException {
            connect(port);
        }

        private void connect(int port) throws IOException {
            if (socket != null) socket.close();
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 65536);
        }

        Resp send(Fuzzer.Req req, int port) throws IOException {
            try {
                return exchange(req);
            } catch (IOException e) {
                connect(port); // the server closed the connection (413 closes it): a fresh one
                return exchange(req);
            }
        }

        private Resp exchange(Fuzzer.Req req) throws IOException {
            StringBuilder head = new StringBuilder(req.method()).append(' ').append(req.rawPath());
            if (req.rawQuery() != null) head.append('?').append(req.rawQuery());
            head.append(" HTTP/1.1\r\n");
            req.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Content-Length: ").append(req.body().length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(req.body());
            out.flush();
            String status = line();
            if (status == null) throw new IOException("connection closed");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String l = line(); l != null && !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = req.method().equals("HEAD") ? new byte[0] : in.readNBytes(length);
            if ("close".equalsIgnoreCase(headers.get("connection"))) socket.close();
            return new Resp(Integer.parseInt(status.split(" ")[1]), headers, body);
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') break;
                if (c != '\r') b.write(c);
            }
            if (c == -1 && b.size() == 0) return null;
            return b.toString(StandardCharsets.UTF_8);
        }

        @Override public void close() throws IOException {
            socket.close();
        }
    }
}

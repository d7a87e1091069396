package dev.gatehouse.tests.functions;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.server.DataPlaneServer;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A gateway over a fresh workspace with functions written into {@code functions/}, served on a loopback port,
 * plus an HTTP client. Checks that the runtimes the tests need are installed (a clear failure, never a skip).
 * Always stopped by {@link #close()}, which kills the workers.
 */
final class FunctionWorkspace implements AutoCloseable {

    static final String REGION = "us-east-1";

    final Path dir;
    final Gateway gateway;
    final DataPlaneServer server;
    final OkHttpClient http;

    FunctionWorkspace(Path dir) {
        this.dir = dir;
        gateway = Gateway.of(Workspace.create(dir, "functions"));
        server = gateway.serve("127.0.0.1", 0);
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(128);
        http = new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(40)).retryOnConnectionFailure(false).build();
    }

    /** Fails (not skips) when {@code command --version} cannot run: CI installs Node.js, Python 3 and curl. */
    static void require(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("exit " + p.exitValue());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(command + " is required for the local-function tests but cannot run ("
                    + e.getMessage() + "); install it (CI: .ci/run installs nodejs, python3 and curl)", e);
        }
    }

    /** Writes {@code functions/NAME/function.json} and the given code files. */
    void function(String name, String functionJson, Map<String, String> files) throws IOException {
        Path f = dir.resolve("functions").resolve(name);
        Files.createDirectories(f);
        Files.writeString(f.resolve("function.json"), functionJson, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = f.resolve(e.getKey());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            if (e.getKey().equals("bootstrap")) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The integration URI AWS uses for a function (NAME may be {@code ${stageVariables.x}}). */
    static String lambdaUri(String name) {
        return "arn:aws:apigateway:" + REGION + ":lambda:path/2015-03-31/functions/arn:aws:lambda:" + REGION
                + ":123456789012:function:" + name + "/invocations";
    }

    static Method proxyMethod(String httpMethod, String function) {
        return Method.of(httpMethod).withIntegration(Integration.of(IntegrationType.AWS_PROXY, "POST", lambdaUri(function)));
    }

    /** An AWS (custom) method: {@code template} renders the event; {@code responses} by status code. */
    static Method customMethod(String function, String template, Map<String, IntegrationResponse> responses) {
        Map<String, MethodResponse> methodResponses = new java.util.TreeMap<>();
        responses.keySet().forEach(code -> methodResponses.put(code, new MethodResponse(code, Map.of(), null)));
        return Method.of("GET").withMethodResponses(methodResponses)
                .withIntegration(Integration.of(IntegrationType.AWS, "POST", lambdaUri(function))
                        .withRequestTemplates(Map.of("application/json", template))
                        .withIntegrationResponses(responses));
    }

    ApiDefinition createApi(UnaryOperator<ApiDefinition> build) {
        ApiDefinition api = build.apply(ApiDefinition.create(Ids.apiId(), "functions", Instant.now()));
        gateway.history().apply(Edit.createApi(api));
        return api;
    }

    static ApiDefinition withMethod(ApiDefinition api, String path, Method method) {
        ApiDefinition a = api;
        String parentPath = "";
        for (String part : path.substring(1).split("/")) {
            if (part.isEmpty()) continue;
            String childPath = parentPath + "/" + part;
            if (a.resourceByPath(childPath).isEmpty()) {
                String parentId = a.resourceByPath(parentPath.isEmpty() ? "/" : parentPath).orElseThrow().id();
                a = a.addResource(parentId, part, null);
            }
            parentPath = childPath;
        }
        Resource target = a.resourceByPath(path).orElseThrow();
        return a.updateResource(target.id(), r -> r.withMethod(method));
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    Response get(String pathAndQuery) throws IOException {
        return http.newCall(new Request.Builder().url(url(pathAndQuery)).build()).execute();
    }

    /** Status and body of a GET. */
    Answer call(String pathAndQuery) throws IOException {
        try (Response r = get(pathAndQuery)) {
            return new Answer(r.code(), r.body().string(), r.header("x-amzn-ErrorType"), r.headers().toMultimap());
        }
    }

    record Answer(int status, String body, String errorType, Map<String, java.util.List<String>> headers) { }

    @Override public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        gateway.close();
    }
}

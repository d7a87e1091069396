package dev.gatehouse.tests.dataplane;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.server.DataPlaneServer;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A real gateway for end-to-end tests: a fresh workspace in {@code dir}, the {@link Gateway} facade over it and
 * its data plane on a free loopback port, plus a keep-alive OkHttp client. Starts in the constructor, always
 * stopped by {@link #close()}.
 */
final class GatewayHarness implements AutoCloseable {

    final Gateway gateway;
    final DataPlaneServer server;
    final OkHttpClient http;

    GatewayHarness(Path dir) {
        this(dir, true);
    }

    /** @param fresh create a new workspace in {@code dir}; false opens the one there (a restart) */
    GatewayHarness(Path dir, boolean fresh) {
        gateway = fresh ? Gateway.of(Workspace.create(dir, "dataplane")) : Gateway.open(dir);
        server = gateway.serve("127.0.0.1", 0);
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(512);
        dispatcher.setMaxRequestsPerHost(512);
        http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(512, 1, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .build();
    }

    /** {@code http://127.0.0.1:PORT} */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Creates an API with a fresh id, built by {@code build} from the empty definition; returns it. */
    ApiDefinition createApi(String name, UnaryOperator<ApiDefinition> build) {
        ApiDefinition api = build.apply(ApiDefinition.create(Ids.apiId(), name, Instant.now()));
        gateway.history().apply(Edit.createApi(api));
        return api;
    }

    /** Replaces an API's draft with {@code change} applied to it. */
    ApiDefinition changeApi(String apiId, UnaryOperator<ApiDefinition> change) {
        ApiDefinition api = change.apply(gateway.workspace().api(apiId).orElseThrow());
        gateway.history().apply(Edit.replaceApi(api));
        return api;
    }

    Response get(String pathAndQuery) throws IOException {
        return http.newCall(new Request.Builder().url(baseUrl() + pathAndQuery).build()).execute();
    }

    Response send(String method, String pathAndQuery, byte[] body, String contentType) throws IOException {
        RequestBody rb = body == null ? null : RequestBody.create(body, MediaType.get(contentType));
        return http.newCall(new Request.Builder().url(baseUrl() + pathAndQuery).method(method, rb).build()).execute();
    }

    @Override public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        gateway.close();
    }
}

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Set;

/**
 * The calibration reference of {@code bench/dataplane.sh}'s {@code spike} leg: the fully asynchronous Vert.x 5
 * reverse proxy of ../shared/DESIGN.md's last section (measured there at 18–20 µs of CPU per request on
 * 2026-11-25), without any filter. Measured in the same run as the gateway, its CPU per request says what the
 * machine makes of the floor of this design today, so an absolute target such as issue 17's 25 µs can be read
 * against it. Not product code: compiled by the script with javac against the engine's libraries.
 *
 * <p>One verticle per core, each with its own server and pooled client (64 connections), so a request's two
 * connections share an event loop; the body of each side is read whole, hop-by-hop headers are not forwarded.
 *
 * <p>Usage: {@code java -cp … MinimalVertxProxy PORT BACKEND_PORT}
 */
public final class MinimalVertxProxy extends VerticleBase {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length");

    private final int port;
    private final int backendPort;
    private HttpClientAgent client;

    private MinimalVertxProxy(int port, int backendPort) {
        this.port = port;
        this.backendPort = backendPort;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int backend = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new MinimalVertxProxy(port, backend),
                        new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
                .onSuccess(id -> System.out.println("minimal proxy on 127.0.0.1:" + port + " -> 127.0.0.1:" + backend))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    @Override public Future<?> start() {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(this::proxy)
                .listen();
    }

    private void proxy(HttpServerRequest in) {
        in.body().compose(body -> client.request(new RequestOptions().setMethod(in.method()).setHost("127.0.0.1")
                        .setPort(backendPort).setURI(in.uri()))
                .compose(out -> {
                    copy(in.headers(), out.headers());
                    return out.send(body);
                })
                .compose(answer -> answer.body().map(bytes -> {
                    in.response().setStatusCode(answer.statusCode());
                    copy(answer.headers(), in.response().headers());
                    in.response().end(bytes);
                    return null;
                })))
                .onFailure(e -> {
                    if (!in.response().ended()) in.response().setStatusCode(502).end();
                });
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) to.add(name, value);
        });
    }
}

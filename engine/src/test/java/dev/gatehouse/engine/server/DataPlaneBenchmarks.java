package dev.gatehouse.engine.server;

import dev.gatehouse.engine.integration.BackendResponse;
import dev.gatehouse.engine.integration.HttpBackend;
import dev.gatehouse.engine.integration.ProxyResponseHeaders;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.observe.ConsoleTraces;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.RequestHandler;
import dev.gatehouse.engine.pipeline.RequestPipeline;
import dev.gatehouse.engine.routing.ApiPlan;
import dev.gatehouse.engine.routing.MethodPlan;
import dev.gatehouse.engine.routing.RouteMatch;
import dev.gatehouse.engine.routing.RouteTable;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.routing.StagePlan;
import dev.gatehouse.engine.errors.GatewayResponses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The data plane's per-request work on the request thread, without the network: bench/dataplane-api.json (the API
 * bench/dataplane.sh serves) compiled by {@link RequestPipeline} into the served pipeline exactly as a deploy does
 * (compression, errors, routing, throttle, cache, validation, mapping, integration), behind {@link ConsoleTraces}'
 * stripping handler as the server runs it, with a request the way the server builds it from wrk's. The HTTP
 * backend is a stub answering nginx's response, so what is measured is the gateway's own code: routing, header
 * handling, the filters, the template and validation. The Vert.x side (parsing, writing, the event-loop hops) is
 * not in here; bench/dataplane-profile.sh measures the whole process.
 *
 * <p>Run with {@code bench/jmh.sh DataPlaneBenchmarks} (prints {@code gc.alloc.rate.norm}, bytes per request, which
 * does not depend on the machine's load). Not run by surefire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataPlaneBenchmarks {

    private static final byte[] BACKEND_BODY = "{\"message\":\"hello\",\"id\":42}".getBytes(StandardCharsets.UTF_8);
    /** What peers.sh's nginx backend answers. */
    private static final Headers BACKEND_HEADERS = Headers.of("Server", "nginx/1.22.1", "Date",
            "Wed, 02 Dec 2026 14:00:00 GMT", "Content-Type", "application/json", "Content-Length", "27",
            "Connection", "keep-alive");
    private static final HttpBackend STUB = request -> new BackendResponse(200, BACKEND_HEADERS, BACKEND_BODY, 0);

    private RequestHandler served;
    private RouteTable<MethodPlan> routes;
    private GatewayRequest proxyGet;
    private GatewayRequest mockGet;
    private GatewayRequest ordersPost;

    @Setup
    public void setUp() throws IOException {
        ApiDefinition api = new OpenApiImporter().importNew(Files.readAllBytes(apiFile()), "dataplane-api.json",
                ImportOptions.defaults()).api();
        // the engine-wide throttle raised as bench/dataplane.sh does (--throttle-rate): at AWS's default 10,000 rps the
        // faster routes would measure 429 answers, not the route
        dev.gatehouse.engine.access.AccessState access = dev.gatehouse.engine.access.AccessState.inProcess();
        access.setEngineLimit(1e9, 1_000_000_000L);
        RequestPipeline pipeline = new RequestPipeline(new TemplateCompiler(), STUB, access,
                new dev.gatehouse.engine.caching.StageCaches(), dev.gatehouse.engine.access.AuthorizerFunctions.none());
        RouteTable.Builder<MethodPlan> b = RouteTable.builder();
        for (Resource resource : api.resources()) {
            for (Method method : resource.resourceMethods().values()) {
                b.add(resource.path(), method.httpMethod(), pipeline.methodPlan(api, resource, method,
                        RequestPipeline.Mode.SERVED));
            }
        }
        routes = b.build();
        RuntimePlan plan = new RuntimePlan(Map.of(api.id(), new ApiPlan(api.id(), GatewayResponses.builtIn(),
                Map.of("prod", new StagePlan("prod", "d1", Map.of(), routes)))), api.id(), null);
        served = new ConsoleTraces().stripping(pipeline.serving(plan));
        Headers wrk = Headers.of("Host", "127.0.0.1:18090");
        proxyGet = GatewayRequest.of("GET", "/prod/proxy/prod/hello", null, wrk, new byte[0]);
        mockGet = GatewayRequest.of("GET", "/prod/hello", null, wrk, new byte[0]);
        ordersPost = GatewayRequest.of("POST", "/prod/orders", null, Headers.of("Host", "127.0.0.1:18090",
                "Content-Type", "application/json", "Content-Length", "973"), orderBody());
        for (GatewayRequest r : new GatewayRequest[] {proxyGet, mockGet, ordersPost}) {
            Throwable[] failure = new Throwable[1];
            RequestContext ctx = RequestContext.create(new GatewayEventListener() {
                @Override public void filterEnd(RequestContext c, dev.gatehouse.engine.pipeline.Filter f,
                                                GatewayResponse response, Throwable error) {
                    if (error != null && failure[0] == null) failure[0] = error;
                }
            });
            fill(ctx);
            GatewayResponse res = served.handle(r, ctx);
            // a cold first render may pass the template time limit (1 s) on a loaded machine: try a few times
            for (int i = 0; i < 20 && res.status() != 200; i++) res = served.handle(r, fill(RequestContext.create(GatewayEventListener.NONE)));
            if (res.status() != 200) {
                throw new IllegalStateException(r.rawPath() + " answered " + res.status() + ": "
                        + new String(res.body(), StandardCharsets.UTF_8), failure[0]);
            }
        }
    }

    /** As {@code ServerVerticle.handle} makes it: fresh ids and time, transport keys, the backend. */
    private static RequestContext context() {
        return fill(RequestContext.create(GatewayEventListener.NONE));
    }

    private static RequestContext fill(RequestContext ctx) {
        ctx.put(ContextKeys.SOURCE_IP, "127.0.0.1");
        ctx.put(ContextKeys.PROTOCOL, "HTTP/1.1");
        ctx.put(ContextKeys.DOMAIN_NAME, "127.0.0.1");
        ctx.put(ContextKeys.DOMAIN_PREFIX, "127");
        ctx.put(HttpBackend.CONTEXT_KEY, STUB);
        return ctx;
    }

    static Path apiFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path f = dir.resolve("bench/dataplane-api.json");
            if (Files.isRegularFile(f)) return f;
        }
        throw new UncheckedIOException(new IOException("bench/dataplane-api.json not found above " + Path.of("").toAbsolutePath()));
    }

    static byte[] orderBody() throws IOException {
        String lua = Files.readString(apiFile().resolveSibling("post-order.lua"));
        StringBuilder body = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[\\[(.*?)\\]\\]").matcher(lua);
        while (m.find()) body.append(m.group(1));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** HTTP_PROXY {@code ANY /proxy/{proxy+}}: the whole served pipeline, stub backend. */
    @Benchmark
    public GatewayResponse proxyRequest() {
        return served.handle(proxyGet, context());
    }

    /** MOCK {@code GET /hello}. */
    @Benchmark
    public GatewayResponse mockRequest() {
        return served.handle(mockGet, context());
    }

    /** HTTP {@code POST /orders}: body validation, JSON→JSON template, response mapping. */
    @Benchmark
    public GatewayResponse ordersRequest() {
        return served.handle(ordersPost, context());
    }

    /** Routing alone: the route table's match for the proxy route. */
    @Benchmark
    public RouteMatch<MethodPlan> routeMatch() {
        return routes.match("GET", "/proxy/prod/hello");
    }

    /** Header handling alone: a backend response's headers as HTTP_PROXY returns them to the client. */
    @Benchmark
    public Headers proxyResponseHeaders() {
        return ProxyResponseHeaders.of(BACKEND_HEADERS);
    }
}

package dev.gatehouse.engine.observe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.pipeline.ContextKey;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last served requests exactly as they arrived (method, raw path and query, every header, the body's bytes)
 * with the response the client got, by request id: what the console's "Replay" sends again, byte for byte. The
 * request log keeps AWS's execution log instead, where credentials are masked and long values cut.
 *
 * <p>Only the console registers it (the headless engine keeps nothing in memory). Events arrive on request
 * threads: the request leg keeps a reference (no copy), the end takes one lock to store the pair. At most
 * {@code capacity} pairs and {@code maxBodyBytes} per body are kept; a larger body is not kept (replay then says so).
 */
public final class RecentRequests implements GatewayEventListener {

    private static final ContextKey<GatewayRequest> REQUEST = ContextKey.named("recentRequests.request");

    private final int maxBodyBytes;
    private final Map<String, Exchange> byId;

    /** One kept request and its response. */
    private record Exchange(GatewayRequest request, GatewayResponse response) { }

    public RecentRequests(int capacity, int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, Exchange> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override public void requestStart(RequestContext ctx, GatewayRequest request) {
        if (request.body().length <= maxBodyBytes) ctx.put(REQUEST, request);
    }

    @Override public void requestEnd(RequestContext ctx, GatewayResponse response) {
        GatewayRequest request = ctx.get(REQUEST);
        if (request == null) return;
        GatewayResponse kept = response.body().length <= maxBodyBytes ? response : response.withBody(new byte[0]);
        synchronized (byId) {
            byId.put(ctx.requestId(), new Exchange(request, kept));
        }
    }

    /**
     * The request {@code requestId} as JSON: {@code method}, {@code path}, {@code query} (raw, without '?'),
     * {@code headers} ([[name, value], ...] in arrival order and spelling; a repeated name's values together at its
     * first place, as {@code Headers} keeps them), {@code bodyBase64}, and {@code response}
     * ({@code status}, {@code headers}, {@code bodyBase64}); empty when it is not (or no longer) kept.
     */
    public Optional<ObjectNode> json(String requestId) {
        Exchange e;
        synchronized (byId) {
            e = byId.get(requestId);
        }
        if (e == null) return Optional.empty();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("requestId", requestId);
        out.put("method", e.request().method());
        out.put("path", e.request().rawPath());
        out.put("query", e.request().rawQuery());
        out.set("headers", headers(e.request().headers()));
        out.put("bodyBase64", Base64.getEncoder().encodeToString(e.request().body()));
        ObjectNode response = out.putObject("response");
        response.put("status", e.response().status());
        response.set("headers", headers(e.response().headers()));
        response.put("bodyBase64", Base64.getEncoder().encodeToString(e.response().body()));
        return Optional.of(out);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode headers(Headers headers) {
        com.fasterxml.jackson.databind.node.ArrayNode out = JsonNodeFactory.instance.arrayNode();
        headers.forEach((name, value) -> out.addArray().add(name).add(value));
        return out;
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override public String toString() {
        return "RecentRequests{maxBodyBytes=" + maxBodyBytes + "}";
    }
}

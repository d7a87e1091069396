package dev.gatehouse.engine.server;

import dev.gatehouse.engine.errors.ErrorMappingFilter;
import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.integration.LoopHttpBackend;
import dev.gatehouse.engine.integration.WireHeaderNames;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Arrays;

/**
 * One inbound request on its event loop: enforces the body limit and the global body budget while reading,
 * then hands the complete {@link GatewayRequest} to the request's virtual thread and writes the answer back on
 * the loop. Over-limit bodies are read and discarded (no memory held) and answered once the client finished
 * sending, so the client reliably reads the 413/429 on a still-usable keep-alive connection; a declared length
 * beyond {@link #DISCARD_LIMIT_FACTOR}× the limit is answered at once and the connection closed.
 * Event-loop confined except {@link #dispatch}'s task.
 */
final class InboundRequest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InboundRequest.class);

    static final int DISCARD_LIMIT_FACTOR = 4;

    private static final byte[] NO_BODY = new byte[0];
    // header names as Netty AsciiStrings: their case-insensitive hash is computed once, not per lookup
    private static final CharSequence CONTENT_LENGTH = io.vertx.core.http.HttpHeaders.CONTENT_LENGTH;
    private static final CharSequence EXPECT = io.vertx.core.http.HttpHeaders.EXPECT;
    private static final CharSequence HOST = io.vertx.core.http.HttpHeaders.HOST;

    private enum State { READING, DISCARDING, DONE }

    private final ServerVerticle owner;
    private final HttpServerRequest req;
    private final RequestContext ctx;
    private final long maxBody;
    private State state = State.READING;
    private GatewayException rejection;
    private byte[] body;
    private int size;
    private long reserved;
    private final boolean reserveAsItArrives;

    InboundRequest(ServerVerticle owner, HttpServerRequest req, RequestContext ctx) {
        this.owner = owner;
        this.req = req;
        this.ctx = ctx;
        this.maxBody = owner.options().maxRequestBodyBytes();
        long declared = declaredLength(req);
        this.reserveAsItArrives = declared < 0;
        if (declared > maxBody * DISCARD_LIMIT_FACTOR) {
            state = State.DONE;
            reject(GatewayException.requestTooLarge(), true);
            return;
        }
        if (declared > maxBody) {
            discard(GatewayException.requestTooLarge());
        } else if (declared > 0 && !owner.budget().tryReserve(declared)) {
            discard(GatewayException.of(GatewayResponseType.THROTTLED));
        } else {
            reserved = Math.max(0, declared);
            body = declared > 0 ? new byte[(int) declared] : NO_BODY;
        }
        if (state == State.READING && "100-continue".equalsIgnoreCase(req.getHeader(EXPECT))) {
            req.response().writeContinue();
        }
        req.handler(this::onChunk);
        req.endHandler(v -> onEnd());
        req.exceptionHandler(e -> abort());
    }

    private static long declaredLength(HttpServerRequest req) {
        String cl = req.getHeader(CONTENT_LENGTH);
        if (cl == null) return -1;
        try {
            return Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void discard(GatewayException why) {
        state = State.DISCARDING;
        rejection = why;
        releaseAll();
        body = null;
    }

    private void onChunk(Buffer chunk) {
        if (state != State.READING) return;
        int n = chunk.length();
        if (size + (long) n > maxBody) {
            discard(GatewayException.requestTooLarge());
            return;
        }
        if (reserveAsItArrives) {
            if (!owner.budget().tryReserve(n)) {
                discard(GatewayException.of(GatewayResponseType.THROTTLED));
                return;
            }
            reserved += n;
        }
        if (size + n > body.length) body = Arrays.copyOf(body, (int) Math.min(maxBody, Math.max(body.length * 2L, size + n + 8192L)));
        chunk.getBytes(0, n, body, size);
        size += n;
    }

    private void onEnd() {
        if (state == State.DISCARDING) {
            state = State.DONE;
            reject(rejection, false);
            return;
        }
        if (state != State.READING) return;
        state = State.DONE;
        byte[] complete = size == body.length ? body : Arrays.copyOf(body, size);
        body = null;
        GatewayRequest request = GatewayRequest.of(req.method().name(), req.path(), req.query(), headers(req), complete);
        owner.dispatch(request, ctx, this);
    }

    /** The request's headers in arrival order (name and value pairs, no entry object per header). */
    private static Headers headers(HttpServerRequest req) {
        Headers.Builder h = Headers.builder();
        req.headers().forEach(h::add);
        return h.build();
    }

    private void abort() {
        state = State.DONE;
        body = null;
        releaseAll();
    }

    private void reject(GatewayException error, boolean close) {
        GatewayRequest request = GatewayRequest.of(req.method().name(), req.path(), req.query(), headers(req), null);
        ctx.events().requestStart(ctx, request);
        GatewayResponse response = ErrorMappingFilter.render(error, request, ctx);
        ctx.events().requestEnd(ctx, response);
        write(response, close);
    }

    /**
     * Writes {@code response}; on the event loop. A header Vert.x refuses to send (a control character in a value,
     * say from a mapping) must not leave the client waiting: the response becomes AWS's bare 500, and when even
     * that cannot be written the connection is closed.
     */
    void write(GatewayResponse response, boolean close) {
        HttpServerResponse r = req.response();
        if (r.ended() || r.closed()) {
            done();
            return;
        }
        try {
            send(r, response, close);
        } catch (RuntimeException refused) {
            LOG.warn("request {}: the response could not be written ({}); answering 500 instead", ctx.requestId(),
                    refused.getMessage());
            try {
                r.headers().clear();
                send(r, DataPlaneServer.bareInternalError(ctx), true);
            } catch (RuntimeException again) {
                LOG.warn("request {}: not even a 500 could be written ({}); closing the connection", ctx.requestId(),
                        again.getMessage());
                done();
                req.connection().close();
            }
        }
    }

    private void send(HttpServerResponse r, GatewayResponse response, boolean close) {
        if (response.status() != r.getStatusCode()) r.setStatusCode(response.status()); // 200 is the default: no status lookup
        MultiMap out = r.headers();
        response.headers().forEach((name, value) -> {
            if (!framing(name)) out.add(WireHeaderNames.of(name), value);
        });
        AlwaysSentHeaders.stamp(out, ctx);
        if (close) r.putHeader("Connection", "close");
        Buffer body = LoopHttpBackend.wrap(response.body());
        if (!close && reserved == 0) {
            r.end(body); // nothing to do once written: no listener
            return;
        }
        r.end(body).onComplete(ar -> {
            done();
            if (close) req.connection().close();
        });
    }

    /** Content-Length, Transfer-Encoding and Connection: the HTTP layer writes those itself. */
    private static boolean framing(String name) {
        return switch (name.length()) {
            case 14 -> name.equalsIgnoreCase("Content-Length");
            case 17 -> name.equalsIgnoreCase("Transfer-Encoding");
            case 10 -> name.equalsIgnoreCase("Connection");
            default -> false;
        };
    }

    private void done() {
        releaseAll();
    }

    private void releaseAll() {
        owner.budget().release(reserved);
        reserved = 0;
    }

    RequestContext context() {
        return ctx;
    }

    /** The host the client used, for context keys. */
    static void describeTransport(HttpServerRequest req, RequestContext ctx) {
        if (req.remoteAddress() != null) ctx.put(ContextKeys.SOURCE_IP, req.remoteAddress().hostAddress());
        ctx.put(ContextKeys.PROTOCOL, switch (req.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_2 -> "HTTP/2.0";
            default -> "HTTP/1.1";
        });
        String host = req.getHeader(HOST);
        if (host != null) {
            int colon = host.startsWith("[") ? host.indexOf(']') + 1 : host.lastIndexOf(':');
            String name = colon > 0 && colon < host.length() && host.charAt(colon) == ':' ? host.substring(0, colon) : host;
            ctx.put(ContextKeys.DOMAIN_NAME, name);
            int dot = name.indexOf('.');
            ctx.put(ContextKeys.DOMAIN_PREFIX, dot > 0 ? name.substring(0, dot) : name);
        }
    }
}

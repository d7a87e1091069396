package dev.gatehouse.engine.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One response on its way back to the client: status, headers (casing kept), body bytes. Immutable; the body
 * array is not copied, so treat it as read-only. {@code Content-Length} is never stored here: the server
 * computes it from the body.
 */
public record GatewayResponse(int status, Headers headers, byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    public GatewayResponse {
        if (status < 100 || status > 599) throw new IllegalArgumentException("status out of range: " + status);
        headers = headers == null ? Headers.empty() : headers;
        body = body == null ? NO_BODY : body;
    }

    public static GatewayResponse of(int status, Headers headers, String body) {
        return new GatewayResponse(status, headers, Objects.requireNonNull(body).getBytes(StandardCharsets.UTF_8));
    }

    public GatewayResponse withHeaders(Headers newHeaders) {
        return new GatewayResponse(status, newHeaders, body);
    }

    public GatewayResponse withBody(byte[] newBody) {
        return new GatewayResponse(status, headers, newBody);
    }

    /** The body decoded as UTF-8 (for logs and tests). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override public String toString() {
        return "GatewayResponse{" + status + ", " + headers + ", " + body.length + " bytes}";
    }

    @Override public boolean equals(Object o) {
        return this == o;
    }

    @Override public int hashCode() {
        return System.identityHashCode(this);
    }
}

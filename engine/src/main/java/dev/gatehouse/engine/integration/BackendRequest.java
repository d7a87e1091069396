package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.pipeline.Headers;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One request to a backend, in plain types.
 *
 * @param method  upper-case HTTP method
 * @param uri     absolute {@code http}/{@code https} URI, query included
 * @param headers headers to send (no hop-by-hop headers, no Host: the URI decides it)
 * @param body    body bytes, never null (not copied: read-only)
 * @param timeout the whole exchange's deadline (AWS {@code timeoutInMillis})
 */
public record BackendRequest(String method, URI uri, Headers headers, byte[] body, Duration timeout) {

    public BackendRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Headers.empty() : headers;
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(timeout, "timeout");
        if (!uri.isAbsolute()) throw new IllegalArgumentException("not absolute: " + uri);
    }

    @Override public String toString() {
        return method + " " + uri + " (" + body.length + " bytes, timeout " + timeout.toMillis() + " ms)";
    }
}

package dev.gatehouse.engine.pipeline;

import java.util.Objects;

/**
 * One client request as filters see it: plain, immutable values, no transport types. Filters that rewrite a
 * request build a new one with the {@code with…} methods and pass it to {@code chain.proceed}.
 *
 * @param method   the HTTP method as sent, upper case ({@code GET})
 * @param rawPath  the request path as sent, still percent-encoded, without the query ({@code /prod/pets/1})
 * @param rawQuery the query string as sent, without {@code ?}; empty when none
 * @param query    {@code rawQuery} decoded
 * @param headers  the client's headers, casing kept
 * @param body     the body bytes; never null, empty when none. Treat as read-only: it is not copied.
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, QueryParams query, Headers headers,
                             byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    public GatewayRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        query = query == null ? QueryParams.parse(rawQuery) : query;
        headers = headers == null ? Headers.empty() : headers;
        body = body == null ? NO_BODY : body;
    }

    /** A request with the query parsed from {@code rawQuery}. */
    public static GatewayRequest of(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        return new GatewayRequest(method, rawPath, rawQuery, null, headers, body);
    }

    /** Parses {@code pathWithQuery} such as {@code /prod/pets?limit=2}. */
    public static GatewayRequest of(String method, String pathWithQuery, Headers headers, byte[] body) {
        int q = pathWithQuery.indexOf('?');
        return q < 0 ? of(method, pathWithQuery, "", headers, body)
                : of(method, pathWithQuery.substring(0, q), pathWithQuery.substring(q + 1), headers, body);
    }

    public GatewayRequest withHeaders(Headers newHeaders) {
        return new GatewayRequest(method, rawPath, rawQuery, query, newHeaders, body);
    }

    public GatewayRequest withBody(byte[] newBody) {
        return new GatewayRequest(method, rawPath, rawQuery, query, headers, newBody);
    }

    public GatewayRequest withPath(String newRawPath) {
        return new GatewayRequest(method, newRawPath, rawQuery, query, headers, body);
    }

    @Override public String toString() {
        return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " (" + body.length + " bytes)";
    }

    @Override public boolean equals(Object o) {
        return this == o;
    }

    @Override public int hashCode() {
        return System.identityHashCode(this);
    }
}

package dev.gatehouse.app.observe;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to send again, as the Replay pane holds it: the method, the raw path with its query, the headers in
 * order (names as written) and the body's bytes.
 *
 * @param pathWithQuery the raw request target, e.g. {@code /prod/pets/1?x=1}
 */
public record ReplayRequest(String method, String pathWithQuery, List<Map.Entry<String, String>> headers, byte[] body) {
    public ReplayRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathWithQuery, "pathWithQuery");
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    @Override public boolean equals(Object o) {
        return o instanceof ReplayRequest r && method.equals(r.method) && pathWithQuery.equals(r.pathWithQuery)
                && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override public int hashCode() {
        return Objects.hash(method, pathWithQuery, headers, Arrays.hashCode(body));
    }
}

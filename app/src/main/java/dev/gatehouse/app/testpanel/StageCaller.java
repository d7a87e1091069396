package dev.gatehouse.app.testpanel;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls a deployed stage over real HTTP with OkHttp, as any client of the API would. Blocking: the test panel
 * calls it on its background runner. Redirects are not followed (the panel shows what the stage answered).
 * {@link #close()} releases the connection pool and dispatcher threads.
 */
final class StageCaller implements AutoCloseable {
    /** Methods OkHttp refuses a body for. */
    private static final Set<String> NO_BODY = Set.of("GET", "HEAD");

    private final OkHttpClient client = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(40)) // above API Gateway's 29 s integration timeout
            .followRedirects(false)
            .retryOnConnectionFailure(false)
            .build();

    /** What the stage answered. */
    record Answer(int status, Map<String, List<String>> headers, String body, long latencyMillis) {}

    /**
     * Sends {@code request} to {@code baseUrl + pathWithQueryString}, with {@code extraHeaders} besides its own
     * (the console's trace header); IO failures are thrown.
     */
    Answer call(String baseUrl, TestRequest request, Map<String, String> extraHeaders) throws IOException {
        String url = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + request.pathWithQueryString();
        String verb = request.httpMethod().equals("ANY") ? "GET" : request.httpMethod();
        Headers.Builder headers = new Headers.Builder();
        String contentType = null;
        for (Map.Entry<String, String> h : request.headers()) {
            headers.add(h.getKey(), h.getValue());
            if (h.getKey().equalsIgnoreCase("Content-Type")) contentType = h.getValue();
        }
        extraHeaders.forEach(headers::set);
        RequestBody body = null;
        if (!NO_BODY.contains(verb.toUpperCase(Locale.ROOT))) {
            MediaType type = contentType == null ? null : MediaType.parse(contentType);
            body = RequestBody.create(request.body(), type);
        }
        Request http = new Request.Builder().url(url).headers(headers.build()).method(verb, body).build();
        long start = System.nanoTime();
        try (Response response = client.newCall(http).execute()) {
            String text = response.body().string();
            long latency = (System.nanoTime() - start) / 1_000_000;
            Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : response.headers().names()) map.put(name, response.headers(name));
            return new Answer(response.code(), map, text, latency);
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}

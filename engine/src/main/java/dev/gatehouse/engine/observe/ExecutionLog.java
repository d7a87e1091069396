package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Renders one request's events as API Gateway's test-invoke execution log (aws-reference §7.2): first line
 * {@code Execution log for request {id}}, then {@code EEE MMM dd HH:mm:ss UTC yyyy : text} lines; maps in Java
 * style {@code {k=v, k2=v2}}; values over 998 characters cut and marked {@code  [TRUNCATED]};
 * {@code Authorization} (and an AWS session token, {@code X-Amz-Security-Token}) masked but its last 6 characters; a MOCK integration has no Endpoint lines (it reports
 * none); failures end with the error's line ("Execution failed due to ...") and
 * {@code Method completed with status: N}, successes with {@code Successfully completed execution} first.
 *
 * <p>One instance records one request: create it, pass it as (part of) that request's listener, read
 * {@link #text()} after the request ended. Events arrive on the request thread; {@link #text()} may be called
 * from any thread.
 */
public final class ExecutionLog implements GatewayEventListener {

    static final int MAX_VALUE_CHARS = 998;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US).withZone(ZoneId.of("UTC"));

    private final Clock clock;
    private final StringBuilder log = new StringBuilder(2048);
    private boolean failed;

    public ExecutionLog(Clock clock) {
        this.clock = clock;
    }

    public ExecutionLog() {
        this(Clock.systemUTC());
    }

    /** The log so far, lines separated by {@code \n}, ending with one. */
    public synchronized String text() {
        return log.toString();
    }

    private synchronized void line(String text) {
        log.append(time(clock.millis())).append(" : ").append(text).append('\n');
    }

    /** The last second formatted, per thread: a request's lines mostly share their second (the served path logs every request at INFO). */
    private static final ThreadLocal<Object[]> LAST_SECOND = ThreadLocal.withInitial(() -> new Object[] {Long.MIN_VALUE, ""});

    private static String time(long millis) {
        long second = Math.floorDiv(millis, 1000);
        Object[] last = LAST_SECOND.get();
        if ((Long) last[0] != second) {
            last[0] = second;
            last[1] = TIME.format(java.time.Instant.ofEpochSecond(second));
        }
        return (String) last[1];
    }

    @Override public synchronized void requestStart(RequestContext ctx, GatewayRequest request) {
        log.append("Execution log for request ").append(ctx.requestId()).append('\n');
        line("Starting execution for request: " + ctx.requestId());
    }

    @Override public void methodRequest(RequestContext ctx, String httpMethod, String resourcePath,
                                        Map<String, String> pathParameters, QueryParams query, Headers headers,
                                        byte[] body) {
        String path = ctx.getOrDefault(ContextKeys.RESOURCE_REQUEST_PATH, resourcePath);
        line("HTTP Method: " + httpMethod + ", Resource Path: " + path);
        line("Method request path: " + truncate(javaMap(pathParameters)));
        line("Method request query string: " + truncate(javaMap(query.lastValues())));
        line("Method request headers: " + truncate(headerMap(headers)));
        line("Method request body before transformations: " + truncate(text(body)));
    }

    @Override public void endpointRequest(RequestContext ctx, String method, String uri, Headers headers, byte[] body) {
        line("Endpoint request URI: " + uri);
        line("Endpoint request headers: " + truncate(headerMap(headers)));
        line("Endpoint request body after transformations: " + truncate(text(body)));
        line("Sending request to " + uri);
    }

    @Override public void endpointResponse(RequestContext ctx, int status, long latencyMillis, Headers headers,
                                           byte[] body) {
        line("Received response. Status: " + status + ", Integration latency: " + latencyMillis + " ms");
        line("Endpoint response headers: " + truncate(headerMap(headers)));
        line("Endpoint response body before transformations: " + truncate(text(body)));
    }

    /** A local function's log line, as the function wrote it (not part of AWS's log: CloudWatch has these). */
    @Override public void integrationLog(RequestContext ctx, String line) {
        line(truncate(line));
    }

    @Override public void methodResponse(RequestContext ctx, GatewayResponse response) {
        line("Method response body after transformations: " + truncate(text(response.body())));
        line("Method response headers: " + truncate(headerMap(response.headers())));
    }

    @Override public void executionFailed(RequestContext ctx, String logLine) {
        synchronized (this) {
            failed = true;
        }
        line(logLine);
    }

    @Override public void requestEnd(RequestContext ctx, GatewayResponse response) {
        boolean ok;
        synchronized (this) {
            ok = !failed;
        }
        if (ok) line("Successfully completed execution");
        line("Method completed with status: " + response.status());
    }

    @Override public void requestFailed(RequestContext ctx, Throwable failure) {
        line("Execution failed due to an internal error");
        line("Method completed with status: 500");
    }

    /** {@code {k=v, k2=v2}} in iteration order. */
    static String javaMap(Map<String, String> map) {
        if (map == null || map.isEmpty()) return "{}";
        StringBuilder b = new StringBuilder().append('{');
        Iterator<Map.Entry<String, String>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            b.append(e.getKey()).append('=').append(e.getValue());
            if (it.hasNext()) b.append(", ");
        }
        return b.append('}').toString();
    }

    /** Headers as a Java map, several values joined with a comma, Authorization and x-api-key masked. */
    static String headerMap(Headers headers) {
        if (headers.isEmpty()) return "{}";
        StringBuilder b = new StringBuilder().append('{');
        for (String name : headers.names()) {
            if (b.length() > 1) b.append(", ");
            String value = String.join(",", headers.all(name));
            // AWS masks credentials in execution logs: the Authorization header, session tokens and the API key
            if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-Amz-Security-Token")
                    || name.equalsIgnoreCase("x-api-key")) value = mask(value);
            b.append(name).append('=').append(value);
        }
        return b.append('}').toString();
    }

    /** All but the last 6 characters replaced by {@code *}. */
    static String mask(String value) {
        int keep = Math.min(6, value.length());
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    static String truncate(String s) {
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + " [TRUNCATED]";
    }

    /** A body as logged; none (a GET, a MOCK without template) logs as AWS does, nothing after the colon. */
    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    @Override public String toString() {
        return "ExecutionLog";
    }
}

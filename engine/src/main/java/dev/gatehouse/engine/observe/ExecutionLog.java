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
 * from any thread. The served path does not write its log during the request: it captures an
 * {@link ExecutionTrace} and the observability writer {@link #replay replays} it into one reused instance.
 */
public final class ExecutionLog implements GatewayEventListener {

    static final int MAX_VALUE_CHARS = 998;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US).withZone(ZoneId.of("UTC"));

    private final Clock clock;
    private StringBuilder log = new StringBuilder(1024);
    private boolean failed;
    /** The first timed line's {@code "time : "}; a later line of the same second starts with a marker instead. */
    private String firstTime;
    /**
     * Where the log holds a special character: a time marker ({@link ExecutionLogText#SAME_TIME}) or a phrase's
     * code ({@link ExecutionLogText#PHRASES}); a value may hold such characters too, but not at these positions.
     */
    private int[] specials = new int[48];
    private int specialCount;

    public ExecutionLog(Clock clock) {
        this.clock = clock;
    }

    public ExecutionLog() {
        this(Clock.systemUTC());
    }

    /** The log so far, lines separated by {@code \n}, ending with one. */
    public synchronized String text() {
        if (specialCount == 0) return log.toString();
        StringBuilder out = new StringBuilder(log.length() + specialCount * 32);
        int from = 0;
        for (int i = 0; i < specialCount; i++) {
            int at = specials[i];
            char c = log.charAt(at);
            out.append(log, from, at).append(c == ExecutionLogText.SAME_TIME ? firstTime : ExecutionLogText.phrase(c));
            from = at + 1;
        }
        return out.append(log, from, log.length()).toString();
    }

    /**
     * The log as the request-log store keeps it ({@link ExecutionLogText#expand} gives {@link #text()} back): the
     * lines of the first line's second carry one marker character instead of their 31-character time, and the
     * fixed phrases ("Method request headers: ", ...) one code character each: about half the characters to write
     * on every logged request. A log whose values hold one of those characters is kept as text.
     */
    public synchronized String storedText() {
        if (firstTime == null) return text();
        int length = log.length();
        String stored = log.append(ExecutionLogText.SAME_TIME).append(firstTime).append(ExecutionLogText.PHRASES_END).toString();
        log.setLength(length); // the trailer names the time; the log itself goes on unchanged
        int found = 0;
        for (int i = 0; i < length; i++) {
            if (ExecutionLogText.isSpecial(stored.charAt(i))) found++;
        }
        // a value holding a special character would make the compact form ambiguous: such a log is kept as text
        return found == specialCount ? stored : text();
    }

    // Each line is appended straight into the one builder (no string per value): the served path logs every
    // request of an INFO stage on its request thread. Event methods hold the monitor for their whole event.

    private void special(char c) {
        if (specialCount == specials.length) specials = java.util.Arrays.copyOf(specials, specialCount * 2);
        specials[specialCount++] = log.length();
        log.append(c);
    }

    /** Appends fixed phrase {@code index} of {@link ExecutionLogText#PHRASES} (as its code). */
    private StringBuilder phrase(int index) {
        special(ExecutionLogText.code(index));
        return log;
    }

    private static final long NOT_REPLAYING = Long.MIN_VALUE;
    /** The time of the event being replayed ({@link #replay}); {@link #NOT_REPLAYING}: each line reads the clock. */
    private long replayMillis = NOT_REPLAYING;

    /** Starts a line: its time and {@code " : "}. */
    private StringBuilder line() {
        String time = time(replayMillis != NOT_REPLAYING ? replayMillis : clock.millis());
        if (firstTime == null) {
            firstTime = time;
        } else if (time.equals(firstTime)) {
            special(ExecutionLogText.SAME_TIME);
            return log;
        }
        return log.append(time);
    }

    /** Starts a line with fixed phrase {@code index}. */
    private StringBuilder line(int index) {
        line();
        return phrase(index);
    }

    private void line(String text) {
        line().append(text).append('\n');
    }

    /** Ends a value that started at {@code start}, cut to {@value #MAX_VALUE_CHARS} characters, and its line. */
    private void endValue(int start) {
        if (log.length() - start > MAX_VALUE_CHARS) {
            log.setLength(start + MAX_VALUE_CHARS);
            log.append(" [TRUNCATED]");
        }
        log.append('\n');
    }

    /** A second formatted with {@code " : "}. */
    private record FormattedSecond(long second, String text) { }

    /**
     * The last second formatted, shared by all threads (one volatile read): a request's lines, and a second's
     * requests, mostly share it. Was per thread, which on virtual threads (one per request) formatted every
     * request's time anew, about a fifth of the request path's observation cost.
     */
    private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

    static String time(long millis) {
        long second = Math.floorDiv(millis, 1000);
        FormattedSecond last = lastSecond;
        if (last.second() != second) {
            last = new FormattedSecond(second, TIME.format(java.time.Instant.ofEpochSecond(second)) + " : ");
            lastSecond = last;
        }
        return last.text();
    }

    @Override public synchronized void requestStart(RequestContext ctx, GatewayRequest request) {
        start(ctx.requestId());
    }

    @Override public synchronized void methodRequest(RequestContext ctx, String httpMethod, String resourcePath,
                                        Map<String, String> pathParameters, QueryParams query, Headers headers,
                                        byte[] body) {
        methodRequest(httpMethod, ctx.getOrDefault(ContextKeys.RESOURCE_REQUEST_PATH, resourcePath), pathParameters,
                query, headers, body);
    }

    @Override public synchronized void endpointRequest(RequestContext ctx, String method, String uri, Headers headers, byte[] body) {
        endpointRequest(uri, headers, body);
    }

    @Override public synchronized void endpointResponse(RequestContext ctx, int status, long latencyMillis, Headers headers,
                                           byte[] body) {
        endpointResponse(status, latencyMillis, headers, body);
    }

    /** A local function's log line, as the function wrote it (not part of AWS's log: CloudWatch has these). */
    @Override public synchronized void integrationLog(RequestContext ctx, String line) {
        integrationLog(line);
    }

    @Override public synchronized void methodResponse(RequestContext ctx, GatewayResponse response) {
        methodResponse(response);
    }

    @Override public synchronized void executionFailed(RequestContext ctx, String logLine) {
        executionFailed(logLine);
    }

    @Override public synchronized void requestEnd(RequestContext ctx, GatewayResponse response) {
        requestEnd(response.status());
    }

    @Override public synchronized void requestFailed(RequestContext ctx, Throwable failure) {
        requestFailed();
    }

    // The events' lines, from plain values: written as the events arrive, or replayed from an ExecutionTrace.

    private void start(String requestId) {
        phrase(0).append(requestId).append('\n');
        line(1).append(requestId).append('\n');
    }

    /** {@code pathParameters}: a map, or (from a trace) the map already written out. */
    private void methodRequest(String httpMethod, String path, Object pathParameters, QueryParams query,
                               Headers headers, byte[] body) {
        line(2).append(httpMethod);
        phrase(3).append(path).append('\n');
        int start = line(4).length();
        if (pathParameters instanceof String written) log.append(written);
        else appendJavaMap(log, castMap(pathParameters));
        endValue(start);
        start = line(5).length();
        if (query.isEmpty()) log.append("{}");
        else appendJavaMap(log, query.lastValues());
        endValue(start);
        start = line(6).length();
        appendHeaders(headers);
        endValue(start);
        start = line(7).length();
        appendText(body);
        endValue(start);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object map) {
        return (Map<String, String>) map;
    }

    private void endpointRequest(String uri, Headers headers, byte[] body) {
        line(8).append(uri).append('\n');
        int start = line(9).length();
        appendHeaders(headers);
        endValue(start);
        start = line(10).length();
        appendText(body);
        endValue(start);
        line(11).append(uri).append('\n');
    }

    private void endpointResponse(int status, long latencyMillis, Headers headers, byte[] body) {
        line(12).append(status);
        phrase(13).append(latencyMillis).append(" ms\n");
        int start = line(14).length();
        appendHeaders(headers);
        endValue(start);
        start = line(15).length();
        appendText(body);
        endValue(start);
    }

    private void integrationLog(String line) {
        int start = line().length();
        log.append(line);
        endValue(start);
    }

    private void methodResponse(GatewayResponse response) {
        int start = line(16).length();
        appendText(response.body());
        endValue(start);
        start = line(17).length();
        appendHeaders(response.headers());
        endValue(start);
    }

    private void executionFailed(String logLine) {
        failed = true;
        line(logLine);
    }

    private void requestEnd(int status) {
        if (!failed) line(18).append('\n');
        line(19).append(status).append('\n');
    }

    private void requestFailed() {
        line("Execution failed due to an internal error");
        line("Method completed with status: 500");
    }

    /**
     * Empties this log and writes the events of {@code trace} into it, each event's lines at the event's time (see
     * {@link ExecutionTrace}); then {@link #text()} and {@link #storedText()} read it. For the writer thread's one
     * reused log: the builder keeps its capacity from request to request (no text allocated per request).
     */
    synchronized ExecutionLog replay(ExecutionTrace trace) {
        if (log.capacity() > 1 << 16) { // a huge log once does not stay
            log = new StringBuilder(1024);
            headerAppender = null;
        }
        log.setLength(0);
        specialCount = 0;
        firstTime = null;
        failed = false;
        byte[] kinds = trace.kinds;
        long[] numbers = trace.numbers;
        Object[] refs = trace.refs;
        int n = 0;
        int r = 0;
        try {
            for (int e = 0; e < trace.events; e++) {
                replayMillis = numbers[n++];
                switch (kinds[e]) {
                    case ExecutionTrace.REQUEST_START -> start((String) refs[r++]);
                    case ExecutionTrace.METHOD_REQUEST -> {
                        methodRequest((String) refs[r], (String) refs[r + 1], refs[r + 2], (QueryParams) refs[r + 3],
                                (Headers) refs[r + 4], (byte[]) refs[r + 5]);
                        r += 6;
                    }
                    case ExecutionTrace.ENDPOINT_REQUEST -> {
                        endpointRequest((String) refs[r], (Headers) refs[r + 1], (byte[]) refs[r + 2]);
                        r += 3;
                    }
                    case ExecutionTrace.ENDPOINT_RESPONSE -> {
                        endpointResponse((int) numbers[n], numbers[n + 1], (Headers) refs[r], (byte[]) refs[r + 1]);
                        n += 2;
                        r += 2;
                    }
                    case ExecutionTrace.INTEGRATION_LOG -> integrationLog((String) refs[r++]);
                    case ExecutionTrace.METHOD_RESPONSE -> methodResponse((GatewayResponse) refs[r++]);
                    case ExecutionTrace.EXECUTION_FAILED -> executionFailed((String) refs[r++]);
                    case ExecutionTrace.REQUEST_END -> requestEnd((int) numbers[n++]);
                    case ExecutionTrace.REQUEST_FAILED -> requestFailed();
                    default -> throw new IllegalStateException("unknown trace event " + kinds[e]);
                }
            }
        } finally {
            replayMillis = NOT_REPLAYING;
        }
        return this;
    }

    /** A body as logged; none (a GET, a MOCK without template) logs as AWS does, nothing after the colon. */
    private void appendText(byte[] body) {
        if (body == null || body.length == 0) return;
        // only what the value keeps (MAX_VALUE_CHARS, and one more to know it was cut): a large body is not
        // decoded whole; ASCII (the usual JSON) is copied in as Latin-1, which it is
        int limit = Math.min(body.length, MAX_VALUE_CHARS + 1);
        for (int i = 0; i < limit; i++) {
            if (body[i] < 0) {
                // at most 4 bytes a character: this prefix holds more than MAX_VALUE_CHARS characters when the
                // body does, and a character it cuts in two lands past the cut
                log.append(new String(body, 0, Math.min(body.length, 4 * (MAX_VALUE_CHARS + 1)), StandardCharsets.UTF_8));
                return;
            }
        }
        // ASCII: the bytes are the characters; one copy in (appending char by char was a fifth of the log's cost)
        log.append(new String(body, 0, limit, StandardCharsets.ISO_8859_1));
    }

    /** This log's header appender, reused for each of its header maps. */
    private HeaderAppender headerAppender;

    private void appendHeaders(Headers headers) {
        if (headers.isEmpty()) {
            log.append("{}");
            return;
        }
        if (headerAppender == null) headerAppender = new HeaderAppender(log);
        log.append('{');
        headerAppender.name = null;
        headers.forEach(headerAppender);
        headerAppender.endName();
        log.append('}');
    }

    /** Appends {@code {k=v, k2=v2}} in iteration order. */
    static void appendJavaMap(StringBuilder b, Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            b.append("{}");
            return;
        }
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!first) b.append(", ");
            first = false;
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        b.append('}');
    }

    /**
     * Appends the headers as a Java map, several values of a name joined with a comma, Authorization, session
     * tokens and x-api-key masked in place.
     */
    static void appendHeaderMap(StringBuilder b, Headers headers) {
        if (headers.isEmpty()) {
            b.append("{}");
            return;
        }
        b.append('{');
        HeaderAppender appender = new HeaderAppender(b);
        headers.forEach(appender);
        appender.endName();
        b.append('}');
    }

    /** Headers.forEach hands a name's values one after another: joins them, masks a credential's once complete. */
    private static final class HeaderAppender implements java.util.function.BiConsumer<String, String> {
        private final StringBuilder b;
        String name;
        private int valueStart;

        HeaderAppender(StringBuilder b) {
            this.b = b;
        }

        @Override public void accept(String n, String value) {
            if (n != name) { // the same entry hands the same name object
                if (name != null) {
                    endName();
                    b.append(", ");
                }
                name = n;
                valueStart = b.append(n).append('=').length();
            } else {
                b.append(',');
            }
            b.append(value);
        }

        void endName() {
            // AWS masks credentials in execution logs: the Authorization header, session tokens and the API key
            if (isCredential(name)) {
                int masked = b.length() - Math.min(6, b.length() - valueStart);
                for (int i = valueStart; i < masked; i++) b.setCharAt(i, '*');
            }
        }
    }

    /** Whether a header's value is masked: Authorization, X-Amz-Security-Token, x-api-key (any case). */
    static boolean isCredential(String name) {
        if (name == null) return false;
        return switch (name.length()) { // most names have none of the three lengths
            case 13 -> name.equalsIgnoreCase("Authorization");
            case 20 -> name.equalsIgnoreCase("X-Amz-Security-Token");
            case 9 -> name.equalsIgnoreCase("x-api-key");
            default -> false;
        };
    }

    /** {@code {k=v, k2=v2}} in iteration order. */
    static String javaMap(Map<String, String> map) {
        StringBuilder b = new StringBuilder();
        appendJavaMap(b, map);
        return b.toString();
    }

    /** Headers as a Java map, several values joined with a comma, Authorization and x-api-key masked. */
    static String headerMap(Headers headers) {
        StringBuilder b = new StringBuilder();
        appendHeaderMap(b, headers);
        return b.toString();
    }

    /** All but the last 6 characters replaced by {@code *}. */
    static String mask(String value) {
        int keep = Math.min(6, value.length());
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    static String truncate(String s) {
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + " [TRUNCATED]";
    }

    @Override public String toString() {
        return "ExecutionLog";
    }
}

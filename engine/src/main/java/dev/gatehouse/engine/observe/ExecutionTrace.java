package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.QueryParams;
import java.util.Arrays;
import java.util.Map;

/**
 * One served request's execution-log events as the request path captures them: each event's kind, its time (epoch
 * ms) and its arguments, most of them references to objects the request already holds. The text is written later,
 * on the writer thread, by {@link ExecutionLog#replay}: the same text {@link ExecutionLog} would have written
 * during the request, except that an event's lines all carry the event's time (read once per event, where the live
 * log reads the clock per line: lines of one event are microseconds apart).
 *
 * <p>Only immutable values are kept by reference: strings, {@link Headers}, {@link QueryParams},
 * {@link GatewayResponse} and body arrays (read-only by the pipeline's contract: no one writes into a body once
 * it is handed on). A path-parameter map is kept only when it is one of the JDK's immutable maps (the router's
 * {@code Map.copyOf}); any other map is written out at once, as the live log would have written it then.
 *
 * <p>About 250 bytes per proxied request instead of the ~2.5 KB of text the log built during the request. Written
 * by the request's thread (events of one request are sequential), then handed to the writer through the
 * {@link ObserveQueue}, which publishes it; never changed after.
 */
final class ExecutionTrace {

    static final byte REQUEST_START = 1;
    static final byte METHOD_REQUEST = 2;
    static final byte ENDPOINT_REQUEST = 3;
    static final byte ENDPOINT_RESPONSE = 4;
    static final byte INTEGRATION_LOG = 5;
    static final byte METHOD_RESPONSE = 6;
    static final byte EXECUTION_FAILED = 7;
    static final byte REQUEST_END = 8;
    static final byte REQUEST_FAILED = 9;

    /** The JDK's immutable map classes (0, 1 and n entries): such a path-parameter map is kept by reference. */
    private static final Class<?> MAP_0 = Map.of().getClass();
    private static final Class<?> MAP_1 = Map.of("a", "b").getClass();
    private static final Class<?> MAP_N = Map.of("a", "b", "c", "d").getClass();

    /** Event kinds in order. */
    byte[] kinds = new byte[8];
    int events;
    /** Per event its time, then its numbers (ENDPOINT_RESPONSE: status, latency; REQUEST_END: status). */
    long[] numbers = new long[12];
    int numberCount;
    /** Per event its references, in the order {@link ExecutionLog#replay} reads them. */
    Object[] refs = new Object[16];
    int refCount;

    private void event(byte kind, long millis) {
        if (events == kinds.length) kinds = Arrays.copyOf(kinds, events * 2);
        kinds[events++] = kind;
        number(millis);
    }

    private void number(long n) {
        if (numberCount == numbers.length) numbers = Arrays.copyOf(numbers, numberCount * 2);
        numbers[numberCount++] = n;
    }

    private void ref(Object o) {
        if (refCount == refs.length) refs = Arrays.copyOf(refs, refCount * 2);
        refs[refCount++] = o;
    }

    void requestStart(long millis, String requestId) {
        event(REQUEST_START, millis);
        ref(requestId);
    }

    /** {@code path}: the request path as the log names it; {@code pathParameters} kept or written out (see above). */
    void methodRequest(long millis, String httpMethod, String path, Map<String, String> pathParameters,
                       QueryParams query, Headers headers, byte[] body) {
        event(METHOD_REQUEST, millis);
        ref(httpMethod);
        ref(path);
        Class<?> type = pathParameters == null ? null : pathParameters.getClass();
        ref(type == null || type == MAP_0 || type == MAP_1 || type == MAP_N
                ? pathParameters : ExecutionLog.javaMap(pathParameters));
        ref(query);
        ref(headers);
        ref(body);
    }

    /**
     * A method request whose path parameters are as a stored trace holds them: null, written out (a string) or a
     * map in the order the log writes it ({@link StoredTrace.Reader}).
     */
    void methodRequestAsLogged(long millis, String httpMethod, String path, Object pathParameters, QueryParams query,
                               Headers headers, byte[] body) {
        event(METHOD_REQUEST, millis);
        ref(httpMethod);
        ref(path);
        ref(pathParameters);
        ref(query);
        ref(headers);
        ref(body);
    }

    void endpointRequest(long millis, String uri, Headers headers, byte[] body) {
        event(ENDPOINT_REQUEST, millis);
        ref(uri);
        ref(headers);
        ref(body);
    }

    void endpointResponse(long millis, int status, long latencyMillis, Headers headers, byte[] body) {
        event(ENDPOINT_RESPONSE, millis);
        number(status);
        number(latencyMillis);
        ref(headers);
        ref(body);
    }

    void integrationLog(long millis, String line) {
        event(INTEGRATION_LOG, millis);
        ref(line);
    }

    void methodResponse(long millis, GatewayResponse response) {
        event(METHOD_RESPONSE, millis);
        ref(response);
    }

    void executionFailed(long millis, String logLine) {
        event(EXECUTION_FAILED, millis);
        ref(logLine);
    }

    void requestEnd(long millis, int status) {
        event(REQUEST_END, millis);
        number(status);
    }

    void requestFailed(long millis) {
        event(REQUEST_FAILED, millis);
    }

    @Override public String toString() {
        return "ExecutionTrace{" + events + " events}";
    }
}

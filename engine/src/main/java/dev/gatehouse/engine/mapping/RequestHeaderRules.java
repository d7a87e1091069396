package dev.gatehouse.engine.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which client request headers API Gateway (REST) hides or drops, as recorded on real AWS in LocalStack's
 * AWS-validated {@code TestApiGatewayHeaderRemapping} snapshots ({@code tests/aws/services/apigateway/
 * test_apigateway_integrations.snapshot.json}, recorded 2024-12-11: a client sends the 27 headers that the
 * developer guide's "Amazon API Gateway important notes for REST APIs" lists as dropped or remapped, and the
 * recording shows what {@code $input.params('X')} returned and what an HTTP / HTTP_PROXY backend received).
 * Stateless; the lists are AWS's, not ours to extend.
 */
public final class RequestHeaderRules {

    /**
     * Dropped when the request is parsed: no template ({@code $input.params}), parameter mapping, validator or
     * backend ever sees them (the recording's {@code $input.params} is empty for each of these).
     */
    public static final List<String> DROPPED_AT_PARSE = List.of("Connection", "Content-Length", "Content-MD5",
            "Expect", "Max-Forwards", "Proxy-Authenticate", "Server", "TE", "Transfer-Encoding", "Trailer",
            "Upgrade", "WWW-Authenticate");

    /**
     * Not passed through by HTTP_PROXY although a template could read them ({@code Host} is the backend's,
     * {@code Content-Encoding} and {@code Via} are absent at the backend in the HTTP_PROXY recording); a
     * parameter mapping can still set {@code Host} and {@code Content-Encoding}.
     */
    public static final List<String> NOT_PASSED_THROUGH = List.of("Host", "Content-Encoding", "Via");

    /**
     * Removed from the backend request of HTTP and HTTP_PROXY integrations even when a parameter mapping sets
     * them (the recording maps each of these and the backend received none).
     */
    public static final List<String> DROPPED_AFTER_MAPPING = List.of("Connection", "Expect", "Proxy-Authenticate",
            "TE", "Via");

    private static final Set<String> AT_PARSE = lower(DROPPED_AT_PARSE);
    /** {@code AT_PARSE_LENGTHS[n]}: some name of {@link #DROPPED_AT_PARSE} has {@code n} characters. */
    private static final boolean[] AT_PARSE_LENGTHS = lengths(DROPPED_AT_PARSE);
    private static final Set<String> NOT_THROUGH = lower(NOT_PASSED_THROUGH);

    private RequestHeaderRules() { }

    /** True when AWS drops {@code name} as it parses the request. */
    public static boolean droppedAtParse(String name) {
        if (isAscii(name)) { // the usual header name: compared in place instead of lower-cased into a new string
            int n = name.length(); // equalsIgnoreCase needs equal lengths: most names have no dropped one's length
            if (n >= AT_PARSE_LENGTHS.length || !AT_PARSE_LENGTHS[n]) return false;
            for (String dropped : DROPPED_AT_PARSE) if (dropped.equalsIgnoreCase(name)) return true;
            return false;
        }
        return AT_PARSE.contains(name.toLowerCase(Locale.ROOT));
    }

    /** For ASCII, {@code equalsIgnoreCase} is exactly equality after {@code toLowerCase(Locale.ROOT)}. */
    private static boolean isAscii(String name) {
        for (int i = 0, n = name.length(); i < n; i++) if (name.charAt(i) >= 0x80) return false;
        return true;
    }

    /** True when HTTP_PROXY does not pass the client's {@code name} on (dropped at parse, or one of {@link #NOT_PASSED_THROUGH}). */
    public static boolean notPassedThrough(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return AT_PARSE.contains(n) || NOT_THROUGH.contains(n);
    }

    private static boolean[] lengths(List<String> names) {
        int max = names.stream().mapToInt(String::length).max().orElse(0);
        boolean[] lengths = new boolean[max + 1];
        for (String name : names) lengths[name.length()] = true;
        return lengths;
    }

    private static Set<String> lower(List<String> names) {
        return names.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}

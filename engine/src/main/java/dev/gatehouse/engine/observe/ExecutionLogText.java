package dev.gatehouse.engine.observe;

import java.util.List;

/**
 * Execution-log text as a stage without {@code dataTraceEnabled} keeps it: the lines carrying request or response
 * data (headers and bodies) are left out, as API Gateway leaves them out of CloudWatch unless "Log full
 * requests/responses data" is on.
 */
final class ExecutionLogText {

    private static final List<String> DATA_LINES = List.of(" : Method request headers: ", " : Method request body ",
            " : Endpoint request headers: ", " : Endpoint request body ", " : Endpoint response headers: ",
            " : Endpoint response body ", " : Method response body ", " : Method response headers: ");

    /**
     * The marker of a compact stored log ({@link ExecutionLog#storedText()}): the lines, where a line of the first
     * line's time starts with the marker in its place, then {@code MARK time MARK} (the first compact form, no
     * phrase codes) or {@code MARK time PHRASES_END} (the form with {@link #PHRASES} as codes). A log kept as text
     * always ends with a line break, so rows written before the compact forms read back unchanged.
     */
    static final char SAME_TIME = '\u001e';
    /** The last character of the compact form whose fixed phrases are codes. */
    static final char PHRASES_END = '\u001f';

    /**
     * The fixed phrases of execution-log lines, each stored as one code character: {@code \u0001}-{@code \u0008}
     * then {@code \u000e}-{@code \u001d} (never tab, line feed or carriage return). Append only: stored rows
     * name phrases by their index.
     */
    static final List<String> PHRASES = List.of("Execution log for request ", "Starting execution for request: ",
            "HTTP Method: ", ", Resource Path: ", "Method request path: ", "Method request query string: ",
            "Method request headers: ", "Method request body before transformations: ", "Endpoint request URI: ",
            "Endpoint request headers: ", "Endpoint request body after transformations: ", "Sending request to ",
            "Received response. Status: ", ", Integration latency: ", "Endpoint response headers: ",
            "Endpoint response body before transformations: ", "Method response body after transformations: ",
            "Method response headers: ", "Successfully completed execution", "Method completed with status: ");

    private static final String[] BY_CODE = new String[32];

    static {
        if (PHRASES.size() > 22) throw new IllegalStateException("more phrases than codes");
        for (int i = 0; i < PHRASES.size(); i++) BY_CODE[code(i)] = PHRASES.get(i);
    }

    /** The code character of phrase {@code index}. */
    static char code(int index) {
        return (char) (index < 8 ? 1 + index : 0x0e + index - 8);
    }

    /** The phrase of code {@code c}. */
    static String phrase(char c) {
        return BY_CODE[c];
    }

    /** A time marker, a phrase code or the end mark: what a value must not hold for the compact form. */
    static boolean isSpecial(char c) {
        return c < 32 && (c == SAME_TIME || c == PHRASES_END || BY_CODE[c] != null);
    }

    private ExecutionLogText() { }

    /** The text of a log in its stored form (compact or text); null stays null. */
    static String expand(String stored) {
        int end = stored == null ? 0 : stored.length() - 1;
        if (end < 1) return stored;
        char last = stored.charAt(end);
        if (last != SAME_TIME && last != PHRASES_END) return stored;
        int start = stored.lastIndexOf(SAME_TIME, end - 1);
        if (start < 0) return stored; // not written by storedText(): keep what is there
        String time = stored.substring(start + 1, end);
        if (last == SAME_TIME) return stored.substring(0, start).replace(String.valueOf(SAME_TIME), time);
        StringBuilder out = new StringBuilder(start * 2 + 256);
        int from = 0;
        for (int i = 0; i < start; i++) {
            char c = stored.charAt(i);
            if (c >= 32) continue;
            String with = c == SAME_TIME ? time : BY_CODE[c];
            if (with == null) continue; // a line break
            out.append(stored, from, i).append(with);
            from = i + 1;
        }
        return out.append(stored, from, start).toString();
    }

    /**
     * {@code log} (text) without its data lines: the eight header and body lines and, for a body or header value
     * with line breaks, the lines it continues on (up to the next timed line), which are the request's data too.
     */
    static String withoutData(String log) {
        StringBuilder out = new StringBuilder(log.length());
        boolean inData = false;
        for (String line : log.split("\n", -1)) {
            if (line.isEmpty()) continue;
            if (timed(line)) {
                inData = false;
                for (String marker : DATA_LINES) {
                    if (line.contains(marker)) {
                        inData = true;
                        break;
                    }
                }
            }
            if (!inData) out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Whether {@code line} starts with a line's time, {@code EEE MMM dd HH:mm:ss UTC yyyy : }. */
    private static boolean timed(String line) {
        return line.length() >= 31 && line.charAt(13) == ':' && line.charAt(16) == ':'
                && line.startsWith(" UTC ", 19) && line.startsWith(" : ", 28);
    }
}

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
     * line's time starts with the marker in its place, then {@code MARK time MARK}. A log kept as text always ends
     * with a line break, so rows written before the compact form read back unchanged.
     */
    static final char SAME_TIME = '\u001e';

    private ExecutionLogText() { }

    /** The text of a log in its stored form (compact or text); null stays null. */
    static String expand(String stored) {
        int end = stored == null ? 0 : stored.length() - 1;
        if (end < 1 || stored.charAt(end) != SAME_TIME) return stored;
        int start = stored.lastIndexOf(SAME_TIME, end - 1);
        if (start < 0) return stored; // not written by storedText(): keep what is there
        String time = stored.substring(start + 1, end);
        return stored.substring(0, start).replace(String.valueOf(SAME_TIME), time);
    }

    static String withoutData(String log) {
        StringBuilder out = new StringBuilder(log.length());
        for (String line : log.split("\n", -1)) {
            if (line.isEmpty()) continue;
            boolean data = false;
            for (String marker : DATA_LINES) {
                if (line.contains(marker)) {
                    data = true;
                    break;
                }
            }
            if (!data) out.append(line).append('\n');
        }
        return out.toString();
    }
}

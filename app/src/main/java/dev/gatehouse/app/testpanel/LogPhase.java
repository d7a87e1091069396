package dev.gatehouse.app.testpanel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The phase an execution-log line belongs to, read from AWS's log wording ("Method request path: …",
 * "Endpoint request URI: …", "Received response. …", "Method response body after transformations: …"). Lines
 * carry on the phase of the line before them (a multi-line body stays in its phase).
 */
public enum LogPhase {
    /** "Execution log for request …", "Starting execution …". */
    START("log-start"),
    METHOD_REQUEST("log-method-request"),
    ENDPOINT_REQUEST("log-endpoint-request"),
    ENDPOINT_RESPONSE("log-endpoint-response"),
    METHOD_RESPONSE("log-method-response"),
    /** "Execution failed due to …" and other failures. */
    ERROR("log-error");

    private final String styleClass;

    LogPhase(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The CSS style class of the phase's lines. */
    public String styleClass() {
        return styleClass;
    }

    /** One line of the log and its phase. */
    public record Line(LogPhase phase, String text) {}

    /** Splits {@code log} into lines with their phases; pure, so it runs on the background thread. */
    public static List<Line> classify(String log) {
        List<Line> lines = new ArrayList<>();
        if (log == null || log.isEmpty()) return lines;
        LogPhase current = START;
        String body = log.endsWith("\n") ? log.substring(0, log.length() - 1) : log;
        for (String text : body.split("\n", -1)) {
            LogPhase phase = of(message(text));
            if (phase != null) current = phase;
            lines.add(new Line(current, text));
        }
        return lines;
    }

    /** The phase a log message starts, or null when it continues the previous one. */
    static LogPhase of(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.startsWith("execution failed") || m.startsWith("execution error") || m.contains("failed due to")) return ERROR;
        if (m.startsWith("execution log for") || m.startsWith("starting execution")) return START;
        if (m.startsWith("http method:") || m.startsWith("method request") || m.startsWith("api key")
                || m.startsWith("authoriz") || m.startsWith("request validation") || m.startsWith("usage plan")) return METHOD_REQUEST;
        if (m.startsWith("endpoint request") || m.startsWith("sending request")) return ENDPOINT_REQUEST;
        if (m.startsWith("received response") || m.startsWith("endpoint response")) return ENDPOINT_RESPONSE;
        if (m.startsWith("method response") || m.startsWith("method completed") || m.startsWith("successfully completed")) return METHOD_RESPONSE;
        return null;
    }

    /** The text after the timestamp ("Mon Jan 01 00:00:00 UTC 2024 : message"). */
    private static String message(String line) {
        int sep = line.indexOf(" : ");
        return sep >= 0 ? line.substring(sep + 3) : line;
    }
}

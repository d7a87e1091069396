package dev.gatehouse.app.testpanel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One finished test: the request as sent and what came back. A run that could not be made at all (no data
 * plane, connection refused) has status 0 and an {@code error}.
 *
 * @param number    1 for the first run of the session, counting up
 * @param headers   response headers, each with its values in order
 * @param log       the execution log's lines with their phases (empty for stage calls, which have none)
 * @param latency   milliseconds
 * @param url       the URL called, or null for a draft test invoke
 */
public record TestRun(int number, Instant time, TestRequest request, int status, long latency,
                      Map<String, List<String>> headers, String body, List<LogPhase.Line> log, String url,
                      String error) {
    public TestRun {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
        log = List.copyOf(log);
    }

    public boolean failed() {
        return error != null;
    }

    /** The first value of a response header, case-insensitive; null when absent. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }

    /** "#3 GET /pets/42 → 200 (12 ms)", for the history list. */
    public String summary() {
        String outcome = failed() ? "failed" : String.valueOf(status);
        return "#" + number + " " + request.httpMethod() + " " + request.pathWithQueryString() + " → " + outcome
                + (failed() ? "" : " (" + latency + " ms)") + (request.target().isDraft() ? "" : " · " + request.target().stageName());
    }
}

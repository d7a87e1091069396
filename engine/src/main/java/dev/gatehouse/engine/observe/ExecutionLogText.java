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

    private ExecutionLogText() { }

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

package dev.gatehouse.engine.invoke;

import java.util.List;
import java.util.Map;

/**
 * A test-invoke result in AWS's shape: {@code {"status","body","headers","multiValueHeaders","log","latency"}}.
 *
 * @param latency milliseconds
 */
public record TestInvokeResult(int status, String body, Map<String, String> headers,
                               Map<String, List<String>> multiValueHeaders, String log, long latency) {}

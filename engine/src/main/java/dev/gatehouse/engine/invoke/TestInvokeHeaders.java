package dev.gatehouse.engine.invoke;

import dev.gatehouse.engine.pipeline.Headers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code headers} / {@code multiValueHeaders} of a TestInvokeMethod result: the method response headers only,
 * not what the data plane puts on the wire. Sources (LocalStack's AWS-validated snapshots, recorded on real AWS):
 * <ul>
 *   <li>MOCK: exactly the method response's headers, e.g. {@code {"Content-Type": "application/json"}}
 *       ({@code test_apigateway_api.snapshot.json} {@code test_invoke_test_method}, recorded 2025-09-29);</li>
 *   <li>an integration that called a backend: {@code X-Amzn-Trace-Id} first, then the method response's headers
 *       (the log line "Method response headers: {X-Amzn-Trace-Id=…, Content-Type=application/json}" in
 *       {@code test_apigateway_basic.snapshot.json} {@code test_apigw_test_invoke_method_api}, 2025-08-19);</li>
 *   <li>no {@code Content-Length}, {@code Date}, {@code x-amzn-RequestId} or {@code x-amz-apigw-id}: none appears
 *       in either recording;</li>
 *   <li>a gateway error: no headers ({@code "headers": {}} in the real failure output quoted in aws-reference
 *       §7.1).</li>
 * </ul>
 * Stateless.
 */
final class TestInvokeHeaders {

    private static final Set<String> WIRE_ONLY = Set.of("content-length", "date", "x-amzn-requestid",
            "x-amz-apigw-id", "connection", "transfer-encoding");
    private static final String TRACE = "X-Amzn-Trace-Id";

    /** Single- and multi-value views of one result, in the same order. */
    record Selected(Map<String, String> single, Map<String, List<String>> multi) { }

    private TestInvokeHeaders() { }

    /** The headers TestInvokeMethod reports for a response with {@code headers}. */
    static Selected of(Headers headers) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        if (headers.contains("x-amzn-ErrorType")) return new Selected(Map.of(), Map.of());
        List<String> names = new ArrayList<>(headers.names());
        names.sort((a, b) -> Boolean.compare(!a.equalsIgnoreCase(TRACE), !b.equalsIgnoreCase(TRACE)));
        for (String name : names) {
            if (WIRE_ONLY.contains(name.toLowerCase(Locale.ROOT))) continue;
            multi.put(name, List.copyOf(headers.all(name)));
        }
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
        return new Selected(single, multi);
    }
}

package dev.gatehouse.app.observe;

import dev.gatehouse.app.session.Observations.LoggedRequest;
import dev.gatehouse.app.testpanel.PrefilledRequest;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Resource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Replay in test panel": a logged request as the test panel's form — the draft's method that answered it (its
 * resource by the logged resource path; {@code ANY} when the resource has no method of the logged verb), the path
 * parameters read back out of the path inside the stage, the query, the headers as {@code Name: value} lines, the
 * body, and the logged stage's variables (a draft test invoke has no stage of its own). {@code Host} and
 * {@code Content-Length} are left out: the test invoke sets them for the request it sends, and a kept
 * {@code Content-Length} would be wrong once the body is edited. Pure; any thread.
 */
final class TestPanelHandoff {
    private TestPanelHandoff() { }

    /** IllegalArgumentException, in the product's words, when the draft no longer has the resource or method. */
    static PrefilledRequest of(ApiDefinition api, LoggedRequest entry, LoggedMessage message, Map<String, String> stageVariables) {
        Resource resource = api.resources().stream().filter(r -> r.path().equals(entry.resourcePath())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The draft has no resource " + entry.resourcePath()
                        + " any more, so the request cannot open in its test panel"));
        String verb = resource.method(message.method()) != null ? message.method()
                : resource.method("ANY") != null ? "ANY" : null;
        if (verb == null) {
            throw new IllegalArgumentException("The draft's resource " + resource.path() + " has no " + message.method()
                    + " or ANY method any more, so the request cannot open in its test panel");
        }
        String raw = message.path();
        int q = raw.indexOf('?');
        String inside = ReplayViewModel.insideStage(q < 0 ? raw : raw.substring(0, q), entry.apiId(), entry.stage());
        StringBuilder headers = new StringBuilder();
        for (Map.Entry<String, String> h : message.requestHeaders()) {
            if (h.getKey().equalsIgnoreCase("Host") || h.getKey().equalsIgnoreCase("Content-Length")) continue;
            headers.append(h.getKey()).append(": ").append(h.getValue()).append('\n');
        }
        String variables = stageVariables.isEmpty() ? "" : "# from stage " + entry.stage() + ", which served the request\n"
                + stageVariables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        return new PrefilledRequest(api.id(), resource.id(), verb, pathParameters(resource.path(), inside),
                message.query() == null ? "" : message.query(), headers.toString(),
                new String(message.requestBody(), StandardCharsets.UTF_8), variables);
    }

    /**
     * The values of {@code template}'s {@code {name}} and greedy {@code {name+}} parts in {@code path}, decoded;
     * IllegalArgumentException when the path does not fit the template.
     */
    static Map<String, String> pathParameters(String template, String path) {
        List<String> parts = segments(template);
        List<String> given = segments(path);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean param = part.startsWith("{") && part.endsWith("}");
            if (param && part.endsWith("+}")) {
                if (i >= given.size()) break;
                List<String> rest = new ArrayList<>();
                for (String s : given.subList(i, given.size())) rest.add(decode(s));
                values.put(part.substring(1, part.length() - 2), String.join("/", rest));
                return values;
            }
            if (i >= given.size()) throw mismatch(template, path);
            if (param) values.put(part.substring(1, part.length() - 1), decode(given.get(i)));
            else if (!part.equals(given.get(i))) throw mismatch(template, path);
        }
        if (given.size() != parts.size()) throw mismatch(template, path);
        return values;
    }

    private static IllegalArgumentException mismatch(String template, String path) {
        return new IllegalArgumentException("The logged path " + path + " does not fit the draft's resource " + template);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) if (!s.isEmpty()) out.add(s);
        return out;
    }

    /** Percent-decoding of a path segment: a '+' stays a '+' there (it means a space only in a query). */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

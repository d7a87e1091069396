package dev.gatehouse.engine.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The route table: HTTP method + path template (botocore's {@code requestUri}, e.g.
 * {@code /restapis/{restapi_id}/resources/{resource_id}}), optionally a fixed query parameter
 * ({@code ?mode=import}). Routes with a query condition are tried before the plain route of the same path.
 */
final class Router {

    @FunctionalInterface
    interface Handler {
        ControlResponse handle(Call call);
    }

    private record Route(String method, String[] template, String queryName, String queryValue, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    Router on(String method, String template, Handler handler) {
        String path = template;
        String qName = null;
        String qValue = null;
        int q = template.indexOf('?');
        if (q >= 0) {
            path = template.substring(0, q);
            String[] kv = template.substring(q + 1).split("=", 2);
            qName = kv[0];
            qValue = kv.length > 1 ? kv[1] : null;
        }
        Route route = new Route(method, split(path), qName, qValue, handler);
        if (qName != null) routes.addFirst(route);
        else routes.add(route);
        return this;
    }

    /** A handler with the request it is to handle. */
    record Match(Handler handler, Call call) {
        ControlResponse run() {
            return handler.handle(call);
        }
    }

    /**
     * The matching route, or null when no route has this path; a known path with another method is AWS's
     * 404 {@code UnknownOperationException}.
     */
    Match route(ControlRequest request) {
        List<String> segments = request.segments();
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> params = match(r.template(), segments);
            if (params == null) continue;
            pathKnown = true;
            if (!r.method().equals(request.method())) continue;
            if (r.queryName() != null) {
                String v = request.queryParam(r.queryName());
                if (v == null || (r.queryValue() != null && !r.queryValue().equals(v))) continue;
            }
            return new Match(r.handler(), new Call(request, params));
        }
        if (pathKnown) throw new ControlException(404, "UnknownOperationException", "Unknown operation " + request.method() + " " + request.rawPath());
        return null;
    }

    private static Map<String, String> match(String[] template, List<String> segments) {
        if (template.length != segments.size()) return null;
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            String s = segments.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (s.isEmpty()) return null;
                params.put(t.substring(1, t.length() - 1), s);
            } else if (!t.equals(s)) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}

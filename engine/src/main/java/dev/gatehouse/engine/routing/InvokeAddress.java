package dev.gatehouse.engine.routing;

import java.util.Locale;
import java.util.Objects;

/**
 * Which API and stage a request addresses, and the path inside the stage (DESIGN.md "Invoke URLs").
 *
 * @param apiId       the API id, or null for the workspace's default API
 * @param stage       the stage name
 * @param path        the raw path inside the stage, starting with {@code /} ({@code /pets/1})
 * @param contextPath {@code $context.path}: the path as the client addressed the stage ({@code /prod/pets/1})
 */
public record InvokeAddress(String apiId, String stage, String path, String contextPath) {

    private static final String HOST_MARKER = ".execute-api.";
    private static final String PATH_STYLE = "/restapis/";
    private static final String USER_REQUEST = "_user_request_";

    public InvokeAddress {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Parses, in this order: host style {@code {apiId}.execute-api.<anything>[:port]} + {@code /{stage}/{path}};
     * path style {@code /restapis/{apiId}/{stage}/_user_request_/{path}}; plain {@code /{stage}/{path}} (default
     * API). Returns null when no stage can be read (e.g. {@code /}). {@code host} may be null.
     */
    public static InvokeAddress parse(String host, String rawPath) {
        String hostApi = apiIdFromHost(host);
        if (hostApi == null && rawPath.startsWith(PATH_STYLE)) {
            InvokeAddress a = parsePathStyle(rawPath);
            if (a != null) return a;
        }
        return stageAndRest(hostApi, rawPath, 1, rawPath);
    }

    private static InvokeAddress parsePathStyle(String rawPath) {
        int idEnd = rawPath.indexOf('/', PATH_STYLE.length());
        if (idEnd <= PATH_STYLE.length()) return null;
        String apiId = rawPath.substring(PATH_STYLE.length(), idEnd);
        int stageEnd = rawPath.indexOf('/', idEnd + 1);
        if (stageEnd <= idEnd + 1) return null;
        String stage = rawPath.substring(idEnd + 1, stageEnd);
        String rest = rawPath.substring(stageEnd + 1);
        if (!rest.startsWith(USER_REQUEST)) return null;
        String path = rest.substring(USER_REQUEST.length());
        if (!path.isEmpty() && !path.startsWith("/")) return null;
        path = path.isEmpty() ? "/" : path;
        return new InvokeAddress(apiId, stage, path, "/" + stage + path);
    }

    /** Reads {@code /{stage}{rest}} starting at {@code from} (just after a slash). */
    static InvokeAddress stageAndRest(String apiId, String rawPath, int from, String contextPath) {
        if (rawPath.length() <= from) return null;
        int slash = rawPath.indexOf('/', from);
        String stage = slash < 0 ? rawPath.substring(from) : rawPath.substring(from, slash);
        if (stage.isEmpty()) return null;
        String path = slash < 0 ? "/" : rawPath.substring(slash);
        return new InvokeAddress(apiId, stage, path, contextPath);
    }

    /** {@code abc123} from {@code abc123.execute-api.localhost:8080}; null when the host is not execute-api style. */
    static String apiIdFromHost(String host) {
        if (host == null) return null;
        String h = host.toLowerCase(Locale.ROOT);
        int marker = h.indexOf(HOST_MARKER);
        if (marker <= 0) return null;
        String id = host.substring(0, marker);
        return id.indexOf('.') >= 0 ? null : id;
    }

    /** The host without port, lower case; null stays null. */
    static String hostName(String host) {
        if (host == null) return null;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h : h.substring(0, close + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}

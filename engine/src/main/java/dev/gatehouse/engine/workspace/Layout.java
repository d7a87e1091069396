package dev.gatehouse.engine.workspace;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where each kind of document lives inside a workspace folder; the one place that knows the layout:
 * <pre>
 * workspace.json                              settings
 * apis/{apiId}/api.json                       ApiDefinition
 * apis/{apiId}/stages/{stageName}.json        Stage
 * apis/{apiId}/deployments/{deploymentId}.json DeploymentSnapshot, written once
 * apikeys/{id}.json  usageplans/{id}.json  domainnames/{domainName}.json
 * .gatehouse/                                 runtime data, not for git (the writer lock lives here)
 * </pre>
 */
final class Layout {
    static final String SETTINGS = "workspace.json";
    static final String APIS = "apis";
    static final String API_FILE = "api.json";
    static final String STAGES = "stages";
    static final String DEPLOYMENTS = "deployments";
    static final String API_KEYS = "apikeys";
    static final String USAGE_PLANS = "usageplans";
    static final String DOMAIN_NAMES = "domainnames";
    static final String RUNTIME = ".gatehouse";
    static final String LOCK = "lock";
    static final String JSON = ".json";

    /** What may name a file or folder: no separators, no leading dot, nothing a file system would reinterpret. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_*-][A-Za-z0-9._*-]{0,127}");

    private Layout() {}

    static Path apiDir(String apiId) {
        return Path.of(APIS, segment(apiId, "API id"));
    }

    static Path apiFile(String apiId) {
        return apiDir(apiId).resolve(API_FILE);
    }

    static Path stageFile(String apiId, String stageName) {
        return apiDir(apiId).resolve(STAGES).resolve(segment(stageName, "stage name") + JSON);
    }

    static Path deploymentFile(String apiId, String deploymentId) {
        return apiDir(apiId).resolve(DEPLOYMENTS).resolve(segment(deploymentId, "deployment id") + JSON);
    }

    static Path apiKeyFile(String id) {
        return Path.of(API_KEYS, segment(id, "API key id") + JSON);
    }

    static Path usagePlanFile(String id) {
        return Path.of(USAGE_PLANS, segment(id, "usage plan id") + JSON);
    }

    static Path domainNameFile(String domainName) {
        return Path.of(DOMAIN_NAMES, segment(domainName, "domain name") + JSON);
    }

    /** The name without {@code .json}, or null when the file is not a JSON document. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(JSON) && !name.startsWith(".") ? name.substring(0, name.length() - JSON.length()) : null;
    }

    static boolean isValidSegment(String value) {
        return value != null && SEGMENT.matcher(value).matches();
    }

    private static String segment(String value, String what) {
        if (!isValidSegment(value)) {
            throw new WorkspaceException("Invalid " + what + " for a workspace file name: " + value
                    + " (letters, digits, . _ - * only, not starting with a dot)", null);
        }
        return value;
    }
}

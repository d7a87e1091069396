package dev.gatehouse.engine.integration.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A workspace's settings for AWS service integrations, kept in {@code aws.json} at the workspace root (next to
 * {@code workspace.json}; it holds no secrets and may be committed):
 * <pre>
 * {
 *   "endpoints": { "dynamodb": "http://127.0.0.1:8000", "*": "http://127.0.0.1:5000" },
 *   "credentialProfiles": { "arn:aws:iam::123456789012:role/GuestbookRole": "guestbook" }
 * }
 * </pre>
 * {@code endpoints} overrides a service's endpoint (keyed by the service as written in integration URIs;
 * {@code "*"} for every service), winning over {@code AWS_ENDPOINT_URL*} and the shared config file, the way a
 * client's own endpoint setting does in the AWS SDKs. {@code credentialProfiles} maps an integration's
 * {@code credentials} role ARN to a profile of the shared credentials/config files: roles cannot be assumed
 * offline, so the profile's keys stand in for the role. Immutable.
 *
 * @param endpoints          service (lower case) or {@code "*"} → absolute http(s) URL without a trailing slash
 * @param credentialProfiles role ARN → profile name
 */
public record AwsSettings(Map<String, String> endpoints, Map<String, String> credentialProfiles) {

    /** The file name, relative to the workspace root. */
    public static final String FILE = "aws.json";

    public static final AwsSettings NONE = new AwsSettings(Map.of(), Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    public AwsSettings {
        endpoints = Map.copyOf(endpoints);
        credentialProfiles = Map.copyOf(credentialProfiles);
    }

    /** The override for {@code service}, else the {@code "*"} one, else null. */
    public String endpoint(String service) {
        String own = endpoints.get(service);
        return own != null ? own : endpoints.get("*");
    }

    /**
     * Parses {@code aws.json}'s text.
     *
     * @throws IllegalArgumentException naming the file and the field that is wrong
     */
    public static AwsSettings parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(FILE + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) return NONE;
        if (!root.isObject()) throw new IllegalArgumentException(FILE + " must hold a JSON object");
        Map<String, String> endpoints = new LinkedHashMap<>();
        strings(root, "endpoints").forEach((service, url) -> endpoints.put(service.toLowerCase(Locale.ROOT),
                endpointUrl(url, "endpoints." + service)));
        Map<String, String> profiles = strings(root, "credentialProfiles");
        profiles.forEach((role, profile) -> {
            if (!role.startsWith("arn:")) {
                throw new IllegalArgumentException(FILE + ": credentialProfiles key " + role + " is not a role ARN");
            }
            if (profile.isBlank()) throw new IllegalArgumentException(FILE + ": credentialProfiles." + role + " is empty");
        });
        return new AwsSettings(endpoints, profiles);
    }

    /**
     * An endpoint URL as the SDKs accept it: absolute http(s), host present; trailing slashes dropped.
     *
     * @param where the setting's name, for the message
     */
    static String endpointUrl(String value, String where) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a URL: " + value);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(where + " must be an http:// or https:// URL with a host and no query,"
                    + " e.g. http://127.0.0.1:8000, not: " + value);
        }
        String s = uri.toString();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    private static Map<String, String> strings(JsonNode root, String field) {
        JsonNode node = root.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw new IllegalArgumentException(FILE + ": " + field + " must be an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(FILE + ": " + field + "." + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}

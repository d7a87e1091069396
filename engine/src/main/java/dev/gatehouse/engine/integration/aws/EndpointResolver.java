package dev.gatehouse.engine.integration.aws;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Finds the endpoint an AWS service integration calls, first match wins:
 * <ol>
 *   <li>the workspace's {@code aws.json} {@code endpoints} (service, then {@code "*"});</li>
 *   <li>{@code AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code AWS_ENDPOINT_URL_DYNAMODB}), then {@code AWS_ENDPOINT_URL};</li>
 *   <li>the active profile's {@code services} section of the shared config file ({@code [services x]} with
 *       {@code dynamodb =} / {@code   endpoint_url = ...}), then the profile's own {@code endpoint_url};</li>
 *   <li>the service's real regional endpoint {@code https://{subdomain.}{service}.{region}.amazonaws.com}.</li>
 * </ol>
 * Steps 2–3 follow the AWS SDKs' "service-specific endpoints" feature (AWS SDKs and Tools Reference Guide,
 * docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html): the variable's suffix and the
 * {@code services} key are the service's SDK id, upper/lower snake case. With an override the subdomain is
 * dropped (local emulators answer on one host); for S3 it becomes the first path segment instead (path-style
 * bucket addressing). {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true} skips steps 2–3 as in the SDKs.
 * Thread-safe.
 */
public final class EndpointResolver {

    /** Endpoint prefixes whose SDK service id differs (botocore {@code metadata.serviceId}). */
    private static final Map<String, String> SERVICE_IDS = Map.of(
            "states", "sfn",
            "events", "eventbridge",
            "logs", "cloudwatch_logs",
            "monitoring", "cloudwatch",
            "email", "ses",
            "streams.dynamodb", "dynamodb_streams",
            "execute-api", "api_gateway");

    private final AwsEnvironment environment;

    public EndpointResolver(AwsEnvironment environment) {
        this.environment = environment;
    }

    /** Where the endpoint came from and its base URL (no trailing slash). */
    public record Endpoint(String baseUrl, boolean overridden, String source) { }

    /**
     * @throws IllegalArgumentException when a configured override is not a usable URL (message names where)
     */
    public Endpoint resolve(AwsServiceArn arn, AwsSettings settings) {
        String ws = settings.endpoint(arn.service());
        if (ws != null) return new Endpoint(ws, true, AwsSettings.FILE);
        String id = SERVICE_IDS.getOrDefault(arn.service(), arn.service().replace('-', '_')).toLowerCase(Locale.ROOT);
        if (!"true".equalsIgnoreCase(environment.setting("aws.ignoreConfiguredEndpointUrls",
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) {
            String variable = "AWS_ENDPOINT_URL_" + id.toUpperCase(Locale.ROOT);
            String v = environment.variable(variable);
            if (v != null) return new Endpoint(AwsSettings.endpointUrl(v, variable), true, variable);
            v = environment.variable("AWS_ENDPOINT_URL");
            if (v != null) return new Endpoint(AwsSettings.endpointUrl(v, "AWS_ENDPOINT_URL"), true, "AWS_ENDPOINT_URL");
            Endpoint fromConfig = fromConfigFile(id);
            if (fromConfig != null) return fromConfig;
        }
        String host = (arn.subdomain() == null ? "" : arn.subdomain() + ".") + arn.service() + "." + arn.region()
                + ".amazonaws.com" + (arn.region().startsWith("cn-") ? ".cn" : "");
        return new Endpoint("https://" + host, false, "default");
    }

    private Endpoint fromConfigFile(String serviceId) {
        ProfileFile file = environment.profiles();
        String profileName = environment.activeProfile();
        Optional<Profile> profile = file.profile(profileName);
        if (profile.isEmpty()) return null;
        String where = environment.configFile() + " [profile " + profileName + "]";
        Optional<String> servicesName = profile.get().property("services");
        if (servicesName.isPresent()) {
            Optional<Profile> section = file.getSection("services", servicesName.get().trim());
            if (section.isPresent()) {
                String url = subProperty(section.get(), serviceId, "endpoint_url");
                if (url != null) {
                    String name = environment.configFile() + " [services " + servicesName.get().trim() + "] "
                            + serviceId + ".endpoint_url";
                    return new Endpoint(AwsSettings.endpointUrl(url, name), true, name);
                }
            }
        }
        Optional<String> global = profile.get().property("endpoint_url");
        return global.map(u -> new Endpoint(AwsSettings.endpointUrl(u, where + " endpoint_url"), true,
                where + " endpoint_url")).orElse(null);
    }

    /**
     * A nested property: the SDK's parser keeps {@code dynamodb =} followed by indented {@code key = value} lines
     * either as the property {@code dynamodb.key} or as the text of {@code dynamodb}; both are read.
     */
    static String subProperty(Profile section, String property, String key) {
        Optional<String> dotted = section.property(property + "." + key);
        if (dotted.isPresent()) return dotted.get().trim();
        Optional<String> block = section.property(property);
        if (block.isEmpty()) return null;
        for (String line : block.get().split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).trim().equals(key)) return line.substring(eq + 1).trim();
        }
        return null;
    }
}

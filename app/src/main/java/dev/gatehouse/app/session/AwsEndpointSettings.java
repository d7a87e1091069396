package dev.gatehouse.app.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.integration.aws.AwsEnvironment;
import dev.gatehouse.engine.integration.aws.AwsServiceArn;
import dev.gatehouse.engine.integration.aws.AwsSettings;
import dev.gatehouse.engine.integration.aws.EndpointResolver;
import dev.gatehouse.engine.workspace.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workspace's {@code aws.json} endpoint overrides read and written for the console, and each service's endpoint
 * resolved by the engine's own {@link EndpointResolver} (so the page shows exactly what the integrations will call).
 * Stateless; any thread but the FX thread (reads files). Reached through {@link EngineTools}.
 */
final class AwsEndpointSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsEndpointSettings() {}

    static List<AwsEndpoint> resolve(Path root, AwsEnvironment environment, Map<String, String> regions,
                                     Collection<String> services) {
        AwsSettings settings;
        String settingsProblem = "";
        try {
            settings = read(root);
        } catch (IllegalArgumentException e) {
            settings = AwsSettings.NONE;
            settingsProblem = e.getMessage();
        }
        EndpointResolver resolver = new EndpointResolver(environment);
        List<AwsEndpoint> rows = new ArrayList<>();
        for (String service : services) {
            String region = regions.getOrDefault(service, "us-east-1");
            String own = settings.endpoints().getOrDefault(service, "");
            if (service.equals("*")) {
                rows.add(new AwsEndpoint("*", region, own, AwsEndpoint.Source.WORKSPACE, AwsSettings.FILE + " endpoints.*",
                        own, "", settingsProblem));
                continue;
            }
            AwsServiceArn arn = new AwsServiceArn(region, null, service, "Action", null);
            try {
                EndpointResolver.Endpoint e = resolver.resolve(arn, settings);
                String otherwise = "";
                if (e.source().equals(AwsSettings.FILE)) {
                    EndpointResolver.Endpoint without = resolver.resolve(arn, AwsSettings.NONE);
                    otherwise = without.baseUrl() + " (" + describe(without).label().toLowerCase(java.util.Locale.ROOT)
                            + (without.overridden() ? " " + without.source() : "") + ")";
                }
                AwsEndpoint.Source source = describe(e);
                String where = switch (source) {
                    case WORKSPACE -> AwsSettings.FILE + " endpoints." + (own.isEmpty() ? "*" : service);
                    case DEFAULT, UNRESOLVED -> "";
                    default -> e.source();
                };
                rows.add(new AwsEndpoint(service, region, e.baseUrl(), source, where, own, otherwise, settingsProblem));
            } catch (IllegalArgumentException bad) {
                rows.add(new AwsEndpoint(service, region, "", AwsEndpoint.Source.UNRESOLVED, "", own, "", bad.getMessage()));
            }
        }
        return rows;
    }

    private static AwsEndpoint.Source describe(EndpointResolver.Endpoint e) {
        if (!e.overridden()) return AwsEndpoint.Source.DEFAULT;
        if (e.source().equals(AwsSettings.FILE)) return AwsEndpoint.Source.WORKSPACE;
        if (e.source().startsWith("AWS_ENDPOINT_URL")) return AwsEndpoint.Source.ENVIRONMENT;
        return AwsEndpoint.Source.SHARED_CONFIG;
    }

    /** The overrides of {@code aws.json} (service or {@code *} → URL), sorted; empty when there is no file. */
    static Map<String, String> overrides(Path root) {
        return new TreeMap<>(read(root).endpoints());
    }

    /**
     * Replaces {@code endpoints} of {@code aws.json} (created when missing), keeping everything else in the file
     * ({@code credentialProfiles}, fields of later versions) as it is; written atomically.
     *
     * @throws IllegalArgumentException when a URL is not usable or the file is not valid JSON (nothing is written)
     */
    static void save(Path root, Map<String, String> endpoints) {
        Path file = root.resolve(AwsSettings.FILE);
        ObjectNode document;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            AwsSettings.parse(text); // an invalid file is shown, not overwritten
            var node = JSON.readTree(text);
            document = node instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (NoSuchFileException none) {
            document = JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        ObjectNode map = JSON.createObjectNode();
        new TreeMap<>(endpoints).forEach((service, url) -> map.put(service.strip(), url.strip()));
        // the endpoints first, where a reader looks for them, the other settings after as they were
        ObjectNode updated = JSON.createObjectNode();
        updated.set("endpoints", map);
        document.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("endpoints")) updated.set(e.getKey(), e.getValue());
        });
        String text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(updated) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AwsSettings.parse(text); // the engine's own check: "endpoints.dynamodb must be an http:// or https:// URL …"
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static AwsSettings read(Path root) {
        Path file = root.resolve(AwsSettings.FILE);
        try {
            return AwsSettings.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException none) {
            return AwsSettings.NONE;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

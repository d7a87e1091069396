package dev.gatehouse.app.resources;

import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.PassthroughBehavior;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The integration types a method can be created with today: MOCK, HTTP and HTTP proxy, as AWS's console sets them up. */
public enum StandardIntegrations implements IntegrationChoice {
    MOCK("Mock", "Answers from the integration response's template without calling anything (AWS's MOCK).", null),
    HTTP("HTTP", "Calls an HTTP endpoint; request and response go through mapping templates (AWS's HTTP).", "Endpoint URL"),
    HTTP_PROXY("HTTP proxy", "Passes the request to an HTTP endpoint and its response back as they are (AWS's HTTP_PROXY).", "Endpoint URL");

    private final String label;
    private final String help;
    private final String targetLabel;

    StandardIntegrations(String label, String help, String targetLabel) {
        this.label = label;
        this.help = help;
        this.targetLabel = targetLabel;
    }

    @Override public String label() { return label; }

    @Override public String help() { return help; }

    @Override public String targetLabel() { return targetLabel; }

    @Override public String targetPrompt() {
        return this == MOCK ? "" : "https://petstore.example.com/pets/{petId}";
    }

    @Override public boolean needsTargetMethod() { return this != MOCK; }

    @Override
    public Optional<String> targetProblem(String target) {
        if (this == MOCK) return Optional.empty();
        if (target == null || target.isBlank()) return Optional.of("Enter the endpoint URL, e.g. https://petstore.example.com/pets");
        try {
            // path parameters ({petId}, {proxy+}) are placeholders: check the rest as a URL
            URI uri = new URI(target.strip().replaceAll("\\{[^}]*}", "x"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("The endpoint URL must start with http:// or https://");
            }
            if (uri.getHost() == null) return Optional.of("The endpoint URL needs a host name, e.g. https://api.example.com/pets");
            return Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.of("Not a URL: " + e.getReason() + " at character " + (e.getIndex() + 1));
        }
    }

    @Override
    public Method method(String httpMethod, String target, String targetMethod) {
        MethodResponse ok = new MethodResponse("200", null, Map.of("application/json", "Empty"));
        return switch (this) {
            case MOCK -> ResourceTreeViewModel.newMockMethod(httpMethod);
            case HTTP -> Method.of(httpMethod)
                    .withMethodResponses(Map.of("200", ok))
                    .withIntegration(Integration.of(IntegrationType.HTTP, targetMethod, target.strip())
                            .withPassthroughBehavior(PassthroughBehavior.WHEN_NO_MATCH)
                            .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200"))));
            case HTTP_PROXY -> Method.of(httpMethod)
                    .withIntegration(Integration.of(IntegrationType.HTTP_PROXY, targetMethod, target.strip())
                            .withPassthroughBehavior(PassthroughBehavior.WHEN_NO_MATCH));
        };
    }
}

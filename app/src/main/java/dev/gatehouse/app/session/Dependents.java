package dev.gatehouse.app.session;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What depends on an API, a stage, a resource or a method, in words for a delete confirmation: an API's stages
 * (and their canaries) and the custom domain names whose base path mappings point at them; a resource's child
 * resources and methods; the stages whose deployment serves a resource or method (deleting it from the draft
 * does not stop them serving it until the next deploy). Read in the background; the sentences are shown as
 * they are ("Stage prod (with a canary at 10%)", "Domain mapping api.example.com/v1 → prod").
 */
public final class Dependents {
    private Dependents() {}

    /** What deleting the API also removes or breaks; empty when nothing depends on it. */
    public static List<String> ofApi(WorkspaceSession session, String apiId) {
        List<String> out = new ArrayList<>();
        for (Stage stage : session.stages(apiId)) out.add("Stage " + stage.stageName() + canary(stage));
        out.addAll(mappings(session, apiId, null));
        return out;
    }

    /** What deleting the stage also removes or breaks; empty when nothing depends on it. */
    public static List<String> ofStage(WorkspaceSession session, String apiId, String stageName) {
        List<String> out = new ArrayList<>();
        session.stages(apiId).stream().filter(s -> s.stageName().equals(stageName) && s.canarySettings() != null)
                .forEach(s -> out.add("Its canary: " + trim(s.canarySettings().percentTraffic()) + "% of requests to deployment "
                        + s.canarySettings().deploymentId()));
        out.addAll(mappings(session, apiId, stageName));
        return out;
    }

    /** What deleting the resource also removes (child resources, methods) and which stages still serve it. */
    public static List<String> ofResource(WorkspaceSession session, String apiId, String resourceId) {
        List<String> out = new ArrayList<>();
        ApiDefinition api = session.api(apiId).orElse(null);
        Resource resource = api == null ? null : api.resource(resourceId).orElse(null);
        if (resource == null) return out;
        String prefix = resource.path().equals("/") ? "/" : resource.path() + "/";
        List<String> methods = new ArrayList<>();
        for (Resource r : api.resources()) {
            boolean inside = r.id().equals(resourceId) || r.path().startsWith(prefix);
            if (!inside) continue;
            if (!r.id().equals(resourceId)) out.add("Child resource " + r.path());
            r.resourceMethods().keySet().stream().sorted().forEach(m -> methods.add(m + " " + r.path()));
        }
        if (!methods.isEmpty()) out.add("Method" + (methods.size() == 1 ? " " : "s ") + String.join(", ", methods));
        out.addAll(servedBy(session, apiId, resource.path(), null));
        return out;
    }

    /** The stages that serve the method in their deployment (it stays served there until the next deploy). */
    public static List<String> ofMethod(WorkspaceSession session, String apiId, String resourceId, String httpMethod) {
        return session.api(apiId).flatMap(a -> a.resource(resourceId))
                .map(r -> servedBy(session, apiId, r.path(), httpMethod)).orElse(List.of());
    }

    private static List<String> servedBy(WorkspaceSession session, String apiId, String path, String httpMethod) {
        List<String> out = new ArrayList<>();
        Map<String, DeploymentSnapshot> byId = new HashMap<>();
        for (DeploymentSnapshot d : session.deployments(apiId)) byId.put(d.deployment().id(), d);
        for (Stage stage : session.stages(apiId)) {
            DeploymentSnapshot d = stage.deploymentId() == null ? null : byId.get(stage.deploymentId());
            Optional<Resource> deployed = d == null ? Optional.empty() : d.api().resourceByPath(path);
            boolean serves = deployed.isPresent() && (httpMethod == null || deployed.get().method(httpMethod) != null);
            if (serves) out.add("Stage " + stage.stageName() + " serves it (deployment " + stage.deploymentId()
                    + "), until the API is deployed there again");
        }
        return out;
    }

    private static String canary(Stage stage) {
        Stage.CanarySettings c = stage.canarySettings();
        if (c == null) return "";
        return " (with a canary at " + trim(c.percentTraffic()) + "% to deployment " + c.deploymentId() + ")";
    }

    private static String trim(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }

    private static List<String> mappings(WorkspaceSession session, String apiId, String stageName) {
        List<String> out = new ArrayList<>();
        for (DomainName domain : session.domainNames()) {
            for (DomainName.BasePathMapping m : domain.basePathMappings()) {
                if (!apiId.equals(m.restApiId())) continue;
                if (stageName != null && !stageName.equals(m.stage())) continue;
                String base = m.basePath() == null || m.basePath().isBlank() || "(none)".equals(m.basePath()) ? "" : "/" + m.basePath();
                out.add("Domain mapping " + domain.domainName() + base + " → " + (m.stage() == null ? "(any stage)" : m.stage()));
            }
        }
        return out;
    }
}

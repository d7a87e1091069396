package dev.gatehouse.app.session;

import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * What depends on an API or a stage, in words for a delete confirmation: its stages (and their canaries) and the
 * custom domain names whose base path mappings point at them. Read in the background; the sentences are shown as
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

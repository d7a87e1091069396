package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.routing.ApiPlan;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.routing.StagePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What {@code gatehouse serve} says while it runs about the stages it serves. At start it lists them; after that a
 * deploy from another terminal, the console or the control plane ({@code aws apigateway create-deployment}) changed
 * what is served without a word, so a user who had just created a stage had to guess its URL. Each served plan is
 * compared with the last one seen, and each difference becomes a line: a stage served for the first time (with its
 * URLs), a stage now serving another deployment, a stage no longer served, and a stage that could not be compiled.
 *
 * <p>Thread-safe: {@link #update} is called on the gateway's plan-rebuild thread and once by {@code serve} itself.
 */
final class ServedStagesReport {

    /** How a served stage is named and reached; the gateway's lookups, or a test's. */
    interface Names {
        /** The API's name, or its id when it has none (or is gone). */
        String apiName(String apiId);

        /** The stage's invoke URLs as {@code serve} prints them at start. */
        String urls(String apiId, String stageName);
    }

    private final Names names;
    /** "apiId/stage" → deployment id of the plan seen last, in order. */
    private Map<String, String> served;
    private Map<String, String> problems;

    /** Starts from {@code initial}, the plan (and its problems) whose stages {@code serve} listed at start. */
    ServedStagesReport(Names names, RuntimePlan initial, Map<String, String> initialProblems) {
        this.names = Objects.requireNonNull(names);
        this.served = deployments(initial);
        this.problems = new TreeMap<>(initialProblems);
    }

    /**
     * The lines that describe what changed since the plan seen last, and {@code plan} becomes the plan seen last.
     * Lines for problems start with "not served:" (the caller prints them where errors go); an unchanged plan gives
     * none.
     */
    synchronized List<String> update(RuntimePlan plan, Map<String, String> planProblems) {
        Map<String, String> now = deployments(plan);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> stage : now.entrySet()) {
            String before = served.get(stage.getKey());
            String[] id = stage.getKey().split("/", 2);
            if (!served.containsKey(stage.getKey())) {
                lines.add(name(id) + ":  " + names.urls(id[0], id[1]) + "   now served");
            } else if (!Objects.equals(before, stage.getValue())) {
                lines.add(name(id) + ":  deployment " + stage.getValue() + " now served (was " + before + ")");
            }
        }
        for (String gone : served.keySet()) {
            if (!now.containsKey(gone) && !planProblems.containsKey(gone)) {
                lines.add(name(gone.split("/", 2)) + ":  no longer served");
            }
        }
        for (Map.Entry<String, String> problem : new TreeMap<>(planProblems).entrySet()) {
            if (!Objects.equals(problems.get(problem.getKey()), problem.getValue())) {
                lines.add("not served: " + problem.getKey() + ": " + problem.getValue());
            }
        }
        served = now;
        problems = new TreeMap<>(planProblems);
        return lines;
    }

    private String name(String[] apiAndStage) {
        return names.apiName(apiAndStage[0]) + " / " + apiAndStage[1];
    }

    private static Map<String, String> deployments(RuntimePlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ApiPlan api : new TreeMap<>(plan.apis()).values()) {
            for (StagePlan stage : new TreeMap<>(api.stages()).values()) {
                out.put(api.apiId() + "/" + stage.stageName(), stage.deploymentId());
            }
        }
        return out;
    }

    /** The gateway's names: API names from the workspace, URLs from the running server. */
    static Names of(Function<String, String> apiName, java.util.function.BiFunction<String, String, String> invokeUrl,
                    java.util.function.BiFunction<String, String, String> hostStyleUrl) {
        return new Names() {
            @Override public String apiName(String apiId) {
                return apiName.apply(apiId);
            }

            @Override public String urls(String apiId, String stageName) {
                return invokeUrl.apply(apiId, stageName) + "   (" + hostStyleUrl.apply(apiId, stageName) + ")";
            }
        };
    }
}

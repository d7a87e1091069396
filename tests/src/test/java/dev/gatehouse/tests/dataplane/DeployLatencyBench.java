package dev.gatehouse.tests.dataplane;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark harness (not a test; {@code bench/dataplane.sh} runs it): how long a deploy of a 300-resource API
 * takes to take effect on the served data plane. A workspace in a temp folder gets an API of 30 top-level
 * resources with 9 children each (300 resources, a GET MOCK on each, answering its generation); each run edits
 * the draft to the next generation (not timed), calls {@code Gateway.deploy}, and polls one route until it
 * answers with the new generation. Prints per-run and median/max figures:
 * {@code deploy()} = the call itself (compile, write the deployment and stage files with fsync, swap the plan),
 * {@code effect} = from the call to the first response from the new plan.
 * Needs only the engine on the class path:
 * {@code java -cp tests/target/test-classes:engine/target/gatehouse-engine-*.jar:engine/target/lib/* ...DeployLatencyBench [runs]}.
 */
public final class DeployLatencyBench {

    private DeployLatencyBench() { }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("gatehouse-deploy-bench");
        try (Gateway g = Gateway.of(Workspace.create(dir.resolve("ws"), "deploy-bench"));
             HttpClient http = HttpClient.newHttpClient()) {
            ApiDefinition api = generation(ApiDefinition.create(Ids.apiId(), "big", Instant.now()), 0);
            g.history().apply(Edit.createApi(api));
            int resources = g.workspace().api(api.id()).orElseThrow().resources().size() - 1;
            int port = g.serve("127.0.0.1", 0).port();
            g.deploy(api.id(), "prod", "gen 0");
            URI probe = URI.create("http://127.0.0.1:" + port + "/prod/g17/c5");
            List<Double> calls = new ArrayList<>();
            List<Double> effects = new ArrayList<>();
            for (int gen = 1; gen <= runs + 3; gen++) {
                int n = gen;
                g.history().apply(Edit.replaceApi(generation(g.workspace().api(api.id()).orElseThrow(), n)));
                long t0 = System.nanoTime();
                g.deploy(api.id(), "prod", "gen " + n);
                long t1 = System.nanoTime();
                String want = "{\"gen\":" + n + ",\"at\":\"/g17/c5\"}";
                int polls = 0;
                while (!http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.ofString()).body()
                        .equals(want)) {
                    if (++polls > 10_000) throw new IllegalStateException("generation " + n + " never served");
                }
                long t2 = System.nanoTime();
                if (gen <= 3) continue; // warm-up
                calls.add((t1 - t0) / 1e6);
                effects.add((t2 - t0) / 1e6);
                System.out.printf("run %2d: deploy() %.1f ms, effect %.1f ms%n", gen - 3, (t1 - t0) / 1e6, (t2 - t0) / 1e6);
            }
            System.out.printf("%d resources, %d runs: deploy() median %.1f ms max %.1f ms; effect median %.1f ms max %.1f ms%n",
                    resources, runs, median(calls), Collections.max(calls), median(effects), Collections.max(effects));
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The 300-resource API with every MOCK answering {@code {"gen":N,"at":"path"}}. */
    private static ApiDefinition generation(ApiDefinition api, int gen) {
        ApiDefinition a = api;
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 9; j++) {
                String path = "/g" + i + "/c" + j;
                a = Definitions.withMethod(a, path, Definitions.mock("{\"gen\":" + gen + ",\"at\":\"" + path + "\"}"));
            }
            String top = "/g" + i;
            a = Definitions.withMethod(a, top, Definitions.mock("{\"gen\":" + gen + ",\"at\":\"" + top + "\"}"));
        }
        return a;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}

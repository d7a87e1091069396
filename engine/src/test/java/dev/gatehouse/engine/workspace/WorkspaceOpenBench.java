package dev.gatehouse.engine.workspace;

import static dev.gatehouse.engine.workspace.WorkspaceFixtures.NOW;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long {@link Workspace#open} takes on a workspace of 50 APIs of 40 resources (80 methods) each, with two
 * deployments and two stages per API, 20 API keys and 5 usage plans. Not a unit test: run it by hand, e.g.
 * {@code java -cp <test classpath> dev.gatehouse.engine.workspace.WorkspaceOpenBench [apis] [resources] [runs]}.
 * Prints each run; the first one includes class loading and JIT warm-up.
 */
public final class WorkspaceOpenBench {
    private WorkspaceOpenBench() {}

    public static void main(String[] args) throws IOException {
        int apis = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int resources = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("gatehouse-open-bench");
        try {
            long bytes = build(dir, apis, resources);
            System.out.printf("workspace: %d APIs x %d resources, 2 deployments + 2 stages each; %d files, %.1f MB%n",
                    apis, resources, fileCount(dir), bytes / 1e6);
            List<Long> times = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                try (Workspace ws = Workspace.open(dir)) {
                    long micros = (System.nanoTime() - start) / 1000;
                    times.add(micros);
                    if (!ws.problems().isEmpty() || ws.apis().size() != apis) throw new IllegalStateException("bad open: " + ws.problems());
                    System.out.printf("open #%d: %.1f ms%n", run, micros / 1000.0);
                }
            }
            List<Long> warm = times.subList(Math.min(1, times.size()), times.size()).stream().sorted().toList();
            if (!warm.isEmpty()) {
                System.out.printf("warm (runs 2..%d): median %.1f ms, max %.1f ms%n", runs,
                        warm.get(warm.size() / 2) / 1000.0, warm.getLast() / 1000.0);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static long build(Path dir, int apis, int resources) throws IOException {
        try (Workspace ws = Workspace.create(dir, "bench")) {
            for (int i = 0; i < apis; i++) {
                String id = String.format("benchapi%02d", i);
                ApiDefinition api = WorkspaceFixtures.api(id, "Bench API " + i, resources);
                ws.apply(Edit.createApi(api));
                ws.apply(Edit.deployDraft(id, new Deployment("dep" + i + "a", null, 1L), "test", NOW));
                ws.apply(Edit.deployDraft(id, new Deployment("dep" + i + "b", null, 2L), "prod", NOW));
            }
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                String keyId = String.format("benchkey%02d", k);
                ws.apply(Edit.putApiKey(WorkspaceFixtures.apiKey(keyId, "key " + k)));
                keys.add(keyId);
            }
            for (int p = 0; p < 5; p++) {
                ws.apply(Edit.putUsagePlan(WorkspaceFixtures.usagePlan("plan" + p, "benchapi0" + p, "prod", keys.subList(p * 4, p * 4 + 4))));
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long fileCount(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}

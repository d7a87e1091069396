package dev.gatehouse.tests.sdk;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.sdk.SdkGenerator;
import dev.gatehouse.engine.sdk.SdkLanguage;
import dev.gatehouse.engine.sdk.SdkOptions;
import dev.gatehouse.engine.sdk.SdkResult;
import dev.gatehouse.engine.sdk.StageDocument;
import dev.gatehouse.engine.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * SDK export benchmark (issue 6): wall time per language for the sample PetStore stage (target ≤ 10 s) and for a
 * generated 300-operation API (target ≤ 30 s), each run in one JVM: the first run of each language is reported
 * apart (class loading, template compilation), then the median of the warm runs. Not a test; run it through
 * {@code bench/sdk.sh}.
 *
 * <pre>SdkExportBench REPO_DIR [runs=3] [languages=all]</pre>
 */
public final class SdkExportBench {

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<SdkLanguage> languages = args.length > 2 && !args[2].equals("all")
                ? Arrays.stream(args[2].split(",")).map(SdkLanguage::of).toList() : List.of(SdkLanguage.values());
        Path work = Files.createTempDirectory("sdk-bench");

        Path ws = work.resolve("ws");
        copy(repo.resolve("resources/sample-workspace"), ws);
        StageDocument petStore;
        try (Workspace w = Workspace.open(ws)) {
            petStore = StageDocument.of(w, "petstore01", "prod", StageDocument.defaultInvokeUrl("petstore01", "prod", 4010));
        }
        ApiDefinition big = new OpenApiImporter().importNew(document(100).getBytes(StandardCharsets.UTF_8), "bench.yaml",
                ImportOptions.defaults()).api();
        StageDocument large = StageDocument.of(big, "prod", Instant.now(), "http://127.0.0.1:4010/restapis/" + big.id() + "/prod/_user_request_");

        System.out.println("language | PetStore first | PetStore warm median | 300 ops first | 300 ops warm median | files (300 ops)");
        for (SdkLanguage language : languages) {
            long[] pet = time(petStore, language, work.resolve("pet"), runs);
            long[] ops = time(large, language, work.resolve("ops"), runs);
            System.out.printf(Locale.ROOT, "%s | %,d ms | %,d ms | %,d ms | %,d ms | %d%n", language.id(), pet[0], pet[1],
                    ops[0], ops[1], ops[2]);
        }
        long start = System.nanoTime();
        SdkGenerator.generateDocs(petStore, work.resolve("docs-pet"));
        long docsPet = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        SdkGenerator.generateDocs(large, work.resolve("docs-ops"));
        long docsOps = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "docs (html2) | %,d ms | - | %,d ms | - | 2%n", docsPet, docsOps);
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** {first, median of the rest, files of the last run} in ms. */
    private static long[] time(StageDocument stage, SdkLanguage language, Path out, int runs) {
        List<Long> times = new ArrayList<>();
        int files = 0;
        for (int i = 0; i < Math.max(1, runs); i++) {
            SdkResult r = SdkGenerator.generate(stage, SdkOptions.of(language, out));
            times.add(r.elapsed().toMillis());
            files = r.files();
        }
        List<Long> warm = times.size() > 1 ? times.subList(1, times.size()).stream().sorted().toList() : times;
        return new long[] {times.get(0), warm.get(warm.size() / 2), files};
    }

    /** An OAS 3.0 document with {@code resources} collections × 3 operations (list, create, get) and their models. */
    static String document(int resources) {
        StringBuilder b = new StringBuilder("openapi: 3.0.1\ninfo: {title: Bench API, version: '1'}\npaths:\n");
        for (int i = 0; i < resources; i++) {
            String r = "thing" + i;
            String model = "Thing" + i;
            b.append("  /").append(r).append("s:\n")
                    .append("    get:\n      operationId: list").append(model).append("s\n")
                    .append("      parameters: [{name: limit, in: query, schema: {type: integer}}, {name: next, in: query, schema: {type: string}}]\n")
                    .append("      responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/")
                    .append(model).append("'}}}}}}\n")
                    .append("    post:\n      operationId: create").append(model).append("\n      security: [{api_key: []}]\n")
                    .append("      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/")
                    .append(model).append("'}}}}\n")
                    .append("      responses: {'201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/")
                    .append(model).append("'}}}}}\n")
                    .append("  /").append(r).append("s/{id}:\n")
                    .append("    get:\n      operationId: get").append(model).append("\n")
                    .append("      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n")
                    .append("      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/")
                    .append(model).append("'}}}}}\n");
        }
        b.append("components:\n  securitySchemes:\n    api_key: {type: apiKey, name: x-api-key, in: header}\n  schemas:\n");
        for (int i = 0; i < resources; i++) {
            b.append("    Thing").append(i).append(":\n      type: object\n      required: [id, name]\n      properties:\n")
                    .append("        id: {type: string}\n        name: {type: string}\n        count: {type: integer}\n")
                    .append("        price: {type: number}\n        active: {type: boolean}\n        tags: {type: array, items: {type: string}}\n");
        }
        return b.toString();
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private SdkExportBench() {}
}

package dev.gatehouse.tests.openapi;

import dev.gatehouse.engine.openapi.ExportExtensions;
import dev.gatehouse.engine.openapi.ExportFormat;
import dev.gatehouse.engine.openapi.ExportOptions;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.ImportResult;
import dev.gatehouse.engine.openapi.OpenApiExporter;
import dev.gatehouse.engine.openapi.OpenApiImporter;

/**
 * Benchmark harness (not a test): imports a generated 1,000-path OpenAPI 3.0 document (2,000 methods with
 * parameters, models, integrations) several times and prints each run; the target is ≤ 2 s per import.
 * Run: {@code mvn -q -o -pl tests test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.gatehouse.tests.openapi.ImportBench} or from the IDE.
 */
public final class ImportBench {
    private ImportBench() {}

    public static void main(String[] args) {
        int paths = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        byte[] doc = GeneratedDocuments.oas30(paths, 200);
        OpenApiImporter importer = new OpenApiImporter();
        System.out.printf("document: %d paths, %,d bytes%n", paths, doc.length);
        long best = Long.MAX_VALUE;
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            ImportResult result = importer.importNew(doc, "bench.json", ImportOptions.defaults());
            long ms = (System.nanoTime() - start) / 1_000_000;
            best = Math.min(best, ms);
            System.out.printf("run %d: import %d ms (%d resources, %d methods)%n", i, ms,
                    result.api().resources().size(), result.api().methodCount());
            if (i == runs) {
                long exportStart = System.nanoTime();
                OpenApiExporter.export(result.api(), ExportFormat.OAS30, ExportOptions.json(ExportExtensions.APIGATEWAY));
                System.out.printf("export: %d ms%n", (System.nanoTime() - exportStart) / 1_000_000);
            }
        }
        System.out.printf("first run is a cold JVM; best %d ms (target <= 2000 ms)%n", best);
    }
}

package dev.gatehouse.engine.openapi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Small helpers for inline test documents. */
final class OpenApiTestDocs {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final OpenApiImporter IMPORTER = new OpenApiImporter(Clock.fixed(NOW, ZoneOffset.UTC));

    private OpenApiTestDocs() {}

    static ImportResult importDoc(String text) {
        return IMPORTER.importNew(text.getBytes(StandardCharsets.UTF_8), "test.yaml", ImportOptions.defaults());
    }

    static OpenApiImportException failure(String text) {
        try {
            importDoc(text);
        } catch (OpenApiImportException e) {
            return e;
        }
        throw new AssertionError("the import was expected to fail");
    }

    /** An OAS 3.0 document with the given paths (YAML, indented by four spaces under paths:). */
    static String oas(String rest) {
        return "openapi: 3.0.3\ninfo:\n  title: Test API\n  version: '1.2'\n" + rest;
    }
}

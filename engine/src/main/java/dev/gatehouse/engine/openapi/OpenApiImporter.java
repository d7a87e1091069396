package dev.gatehouse.engine.openapi;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Problem;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.openapi.FidelityReport.Entry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Imports Swagger 2.0, OpenAPI 3.0 and 3.1 documents (JSON or YAML) as API Gateway does, with every
 * {@code x-amazon-apigateway-*} extension, into a new API or into an existing one ({@link ImportMode}).
 *
 * <p>Pure: reads only the given bytes (never other files or URLs — external {@code $ref}s are errors) and writes
 * nothing; the caller applies {@link ImportResult#api()} as one edit, so a failed import changes nothing. Every
 * import yields a {@link FidelityReport}; an import with errors (or with warnings under
 * {@link ImportOptions#failOnWarnings()}) throws {@link OpenApiImportException} naming the source and location.
 * The result is checked with {@link DefinitionValidator}; its problems are errors too. Thread-safe; call from a
 * background thread (a large document takes a second or so).
 */
public final class OpenApiImporter {
    private final Clock clock;

    public OpenApiImporter() {
        this(Clock.systemUTC());
    }

    /** @param clock gives a new API its {@code createdDate} */
    public OpenApiImporter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Imports a document as a new API with a fresh id. */
    public ImportResult importNew(byte[] document, String sourceName, ImportOptions options) {
        LoadedDocument doc = DocumentLoader.load(document, sourceName);
        ImportContext ctx = new ImportContext(doc, IdAllocator.fresh(Ids.apiId()), options(options));
        return finish(ctx, () -> new DocumentMapper(ctx).map(clock.instant(), List.of()));
    }

    /**
     * Imports a document into an existing API (AWS PutRestApi). Resource, model, validator and authorizer ids are
     * kept for what exists in both, so references and diffs stay stable.
     */
    public ImportResult importInto(ApiDefinition existing, byte[] document, String sourceName, ImportMode mode,
                                   ImportOptions options) {
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(mode, "mode");
        LoadedDocument doc = DocumentLoader.load(document, sourceName);
        ImportContext ctx = new ImportContext(doc, IdAllocator.reusing(existing), options(options));
        return finish(ctx, () -> {
            boolean merge = mode == ImportMode.MERGE;
            ApiDefinition imported = new DocumentMapper(ctx).map(clock.instant(),
                    merge ? existing.resources() : List.of());
            return merge ? ImportModes.merge(existing, imported, doc.root())
                    : ImportModes.overwrite(existing, imported, doc.root());
        });
    }

    private static ImportOptions options(ImportOptions options) {
        return options == null ? ImportOptions.defaults() : options;
    }

    private interface Mapping {
        ApiDefinition run();
    }

    private static ImportResult finish(ImportContext ctx, Mapping mapping) {
        ApiDefinition api;
        try {
            api = mapping.run();
        } catch (OpenApiImportException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of ours must still leave the workspace untouched and name the file
            throw OpenApiImportException.at(ctx.doc.sourceName(), null, "import failed: " + e);
        }
        if (!ctx.findings.hasErrors()) {
            for (Problem p : DefinitionValidator.validate(api)) {
                ctx.findings.error("", "the imported definition breaks an API Gateway rule at " + p.pointer() + ": " + p.message());
            }
        }
        FidelityReport report = ctx.findings.report();
        if (report.hasErrors()) throw failure(ctx, report, report.errors(), "error");
        if (ctx.options.failOnWarnings() && report.hasWarnings()) {
            throw failure(ctx, report, report.warnings(), "warning (failOnWarnings)");
        }
        return new ImportResult(api, report);
    }

    private static OpenApiImportException failure(ImportContext ctx, FidelityReport report, List<Entry> entries, String kind) {
        Entry first = entries.get(0);
        StringBuilder message = new StringBuilder(ctx.doc.sourceName()).append(": ");
        if (!first.pointer().isEmpty()) {
            message.append(SourceLocator.describe(ctx.doc.bytes(), ctx.doc.yaml(), first.pointer())).append(": ");
        }
        message.append(first.message());
        if (entries.size() > 1) message.append(" (and ").append(entries.size() - 1).append(" more ").append(kind).append(entries.size() > 2 ? "s" : "").append(")");
        return new OpenApiImportException(ctx.doc.sourceName(), message.toString(), report);
    }
}

package dev.gatehouse.app.sdk;

import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.sdk.DocsResult;
import dev.gatehouse.engine.sdk.SdkException;
import dev.gatehouse.engine.sdk.SdkLanguage;
import dev.gatehouse.engine.sdk.SdkOptions;
import dev.gatehouse.engine.sdk.SdkResult;
import dev.gatehouse.engine.sdk.StageDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The work behind Export: reads the stage's document from the workspace and runs the engine's generator for one
 * language, every language in turn, or the documentation. No JavaFX: {@link SdkExportViewModel} runs it on its
 * generator runner, so it blocks for seconds on a background thread.
 */
final class SdkExportJob {

    /** Hears which step starts, on the job's thread: {@code done} of 1.0 so far, and what is being generated. */
    @FunctionalInterface
    interface Progress {
        void step(double done, String text);
    }

    /**
     * Everything an export needs, read on the FX thread before the work leaves it.
     *
     * @param packageName the package for a one-language SDK (ignored otherwise: each language gets its default)
     */
    record Request(String apiId, String apiName, String stageName, ExportTarget target, String packageName,
                   String version, Path outputDir, String baseUrl) {}

    private SdkExportJob() {}

    /** Generates what {@code r} asks for. Blocking. @throws SdkException with a sentence meant for the user */
    static ExportResult run(WorkspaceSession session, Request r, Progress progress) {
        StageDocument document = session.stageDocument(r.apiId(), r.stageName(), r.baseUrl());
        Path out = r.outputDir().toAbsolutePath().normalize();
        return switch (r.target().kind()) {
            case SDK -> {
                SdkResult result = EngineTools.generateSdk(document, new SdkOptions(r.target().language(), r.packageName(), r.version(), out));
                yield new ExportResult(r.target(), r.stageName(), out, List.of(result.zip()), null, result.files(), result.elapsed());
            }
            case ALL_SDKS -> {
                long start = System.nanoTime();
                SdkLanguage[] languages = SdkLanguage.values();
                List<Path> zips = new ArrayList<>();
                int files = 0;
                for (int i = 0; i < languages.length; i++) {
                    progress.step((double) i / languages.length, "Generating the " + languages[i].displayName() + " SDK ("
                            + (i + 1) + " of " + languages.length + ")…");
                    SdkResult result = EngineTools.generateSdk(document, new SdkOptions(languages[i], null, r.version(), out));
                    zips.add(result.zip());
                    files += result.files();
                }
                yield new ExportResult(r.target(), r.stageName(), out, zips, null, files, Duration.ofNanos(System.nanoTime() - start));
            }
            case DOCUMENTATION -> {
                DocsResult result = EngineTools.generateDocs(document, out.resolve(docsFolderName(r.apiName(), r.stageName())));
                yield new ExportResult(r.target(), r.stageName(), result.html().getParent(), List.of(), result.html(), 2, result.elapsed());
            }
        };
    }

    /** The documentation's own folder inside the output folder, e.g. {@code pet-store-prod-docs}. */
    static String docsFolderName(String apiName, String stageName) {
        return SdkLanguage.JAVASCRIPT.defaultPackageName(apiName) + "-" + stageName + "-docs";
    }

    /** "JavaScript (browser and Node.js) SDK", "SDKs", "documentation": for progress and error titles. */
    static String describe(ExportTarget target) {
        return switch (target.kind()) {
            case SDK -> target.language().displayName() + " SDK";
            case ALL_SDKS -> "SDKs";
            case DOCUMENTATION -> "documentation";
        };
    }
}

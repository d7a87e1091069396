package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.sdk.SdkException;
import dev.gatehouse.engine.sdk.SdkGenerator;
import dev.gatehouse.engine.sdk.SdkLanguage;
import dev.gatehouse.engine.sdk.SdkOptions;
import dev.gatehouse.engine.sdk.SdkResult;
import dev.gatehouse.engine.sdk.StageDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse sdk API --stage S --lang L --out DIR}: a client SDK for a deployed stage, as a folder and a zip.
 * Prints one line per SDK: {@code <language> <folder> <zip>}.
 */
@Command(name = "sdk", description = "Generate a client SDK for a deployed stage (folder and zip).")
final class SdkCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "API", description = "Id or name of the API.")
    String api;

    @Mixin WorkspaceOption workspace;

    @Option(names = "--stage", required = true, paramLabel = "NAME", description = "The stage whose deployment the SDK calls.")
    String stage;

    @Option(names = {"--lang", "-l"}, required = true, paramLabel = "LANG",
            description = "javascript, typescript, java (also android), swift, kotlin, python, ruby, go; several separated by"
                    + " commas, or all.")
    String lang;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "DIR", description = "Folder that receives the SDK folder and zip.")
    Path out;

    @Option(names = "--package", paramLabel = "NAME",
            description = "Package name (npm name, Java package, gem, module…). Default: derived from the API's name.")
    String packageName;

    @Option(names = "--version", paramLabel = "V", description = "SDK version, MAJOR.MINOR.PATCH. Default: 1.0.0.")
    String version;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The stage's invoke URL the SDK calls. Default: http://127.0.0.1:" + ServeCommand.DEFAULT_PORT
                    + "/restapis/API/STAGE/_user_request_ (gatehouse serve).")
    String baseUrl;

    @Override public Integer call() {
        List<SdkLanguage> languages = languages(lang);
        if (packageName != null && languages.size() > 1) {
            throw CliErrors.of("--package names one SDK: give a single --lang with it");
        }
        try (Gateway gateway = workspace.open(false)) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            String url = baseUrl != null ? baseUrl
                    : StageDocument.defaultInvokeUrl(definition.id(), stage, ServeCommand.DEFAULT_PORT);
            StageDocument document = StageDocument.of(gateway.workspace(), definition.id(), stage, url);
            for (SdkLanguage language : languages) {
                SdkResult r = SdkGenerator.generate(document, new SdkOptions(language, packageName, version, out));
                System.out.println(language.id() + " " + r.folder() + " " + r.zip());
                System.err.printf(Locale.ROOT, "%s SDK %s %s: %d files in %.1f s%n", language.displayName(),
                        r.packageName(), r.version(), r.files(), r.elapsed().toMillis() / 1000.0);
            }
        } catch (SdkException e) {
            throw CliErrors.of(e.getMessage());
        }
        return 0;
    }

    static List<SdkLanguage> languages(String spec) {
        if (spec.trim().equalsIgnoreCase("all")) return List.of(SdkLanguage.values());
        List<SdkLanguage> out = new ArrayList<>();
        try {
            for (String name : spec.split(",")) {
                if (!name.isBlank()) out.add(SdkLanguage.of(name));
            }
        } catch (SdkException e) {
            throw CliErrors.of(e.getMessage());
        }
        if (out.isEmpty()) throw CliErrors.of("--lang is empty: use one of " + Arrays.toString(SdkLanguage.values()));
        return out;
    }
}

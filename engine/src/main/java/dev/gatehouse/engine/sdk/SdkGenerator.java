package dev.gatehouse.engine.sdk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.SpecValidationException;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;

/**
 * Generates client SDKs and HTML documentation for a stage with openapi-generator, in-process.
 *
 * <p>An SDK lands in {@code outputDir/<package>-<language>/} (README.md, sources, build files, the stage's
 * {@code openapi.json}) and the same folder zipped as {@code outputDir/<package>-<language>.zip}. Re-generating
 * replaces a folder that a previous generation made, and refuses to touch any other non-empty folder.
 *
 * <p>Every failure is an {@link SdkException} with a one-sentence message: bad package names and versions are refused
 * before anything is written; the generator's own errors are reported with the language that failed. Generation is
 * CPU-bound and blocking (about a second per language for a small API): call it off the FX thread. Calls on different
 * threads may run at once (openapi-generator keeps its global settings per thread).
 */
public final class SdkGenerator {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final String SPEC_FILE = "openapi.json";

    private SdkGenerator() {}

    /**
     * Generates {@code options.language()}'s SDK for the stage.
     *
     * @throws SdkException on a bad package name or version, an output folder that is not a previous SDK, or a
     *                      generator failure
     */
    public static SdkResult generate(StageDocument stage, SdkOptions options) {
        long start = System.nanoTime();
        SdkLanguage language = options.language();
        String packageName = options.packageName() != null ? options.packageName() : language.defaultPackageName(stage.apiName());
        language.packageNameProblem(packageName).ifPresent(problem -> {
            throw new SdkException(problem);
        });
        String version = options.version();
        if (!VERSION.matcher(version).matches()) {
            throw new SdkException("'" + version + "' is not a valid SDK version: use MAJOR.MINOR.PATCH, e.g. 1.0.0");
        }
        String folderName = packageName.replace("@", "").replace('/', '-') + "-" + language.id();
        Path outputDir = options.outputDir().toAbsolutePath().normalize();
        Path folder = outputDir.resolve(folderName);
        Path zip = outputDir.resolve(folderName + ".zip");
        prepareFolder(folder);

        Path spec = folder.resolve(SPEC_FILE);
        write(spec, stage.openApiJson());
        write(folder.resolve(".openapi-generator-ignore"), SCAFFOLDING_IGNORED);
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName(language.generatorName())
                .setInputSpec(spec.toString())
                .setOutputDir(folder.toString())
                .setAdditionalProperties(Map.copyOf(language.properties(packageName, version, stage.apiName())))
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false");
        if (language.library() != null) configurator.setLibrary(language.library());
        List<File> files = run(configurator, true, language.displayName() + " SDK");

        appendGatehouseNotes(folder.resolve("README.md"), stage, language, packageName);
        Zips.zipFolder(folder, zip);
        return new SdkResult(language, packageName, version, folder, zip, files.size() + 1,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Writes the stage's documentation into {@code outputDir}: {@code index.html} (one self-contained page generated
     * by openapi-generator's {@code html2}: operations, parameters, models, request and response examples, code
     * samples) and {@code openapi.json} beside it. Existing files of those names are replaced.
     */
    public static DocsResult generateDocs(StageDocument stage, Path outputDir) {
        long start = System.nanoTime();
        Path dir = outputDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SdkException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Path spec = dir.resolve(SPEC_FILE);
        write(spec, stage.openApiJson());
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("html2")
                .setInputSpec(spec.toString())
                .setOutputDir(dir.toString())
                .addAdditionalProperty("appName", stage.apiName())
                .addAdditionalProperty("appDescription", "Stage " + stage.stageName() + " at " + stage.invokeUrl())
                .addAdditionalProperty("infoUrl", stage.invokeUrl());
        run(configurator, false, "documentation");
        return new DocsResult(dir.resolve("index.html"), spec, Duration.ofNanos(System.nanoTime() - start));
    }

    private static List<File> run(CodegenConfigurator configurator, boolean metadata, String what) {
        try {
            ClientOptInput input = configurator.setQuiet(true).toClientOptInput();
            DefaultGenerator generator = new DefaultGenerator();
            generator.setGenerateMetadata(metadata);
            return generator.opts(input).generate();
        } catch (SpecValidationException e) {
            throw new SdkException("the stage's OpenAPI document is not valid for the " + what + ": "
                    + String.join("; ", e.getErrors()), e);
        } catch (SdkException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SdkException("could not generate the " + what + ": " + reason(e), e);
        } finally {
            GlobalSettings.reset();
        }
    }

    /** The deepest message, on one line. */
    private static String reason(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").trim();
    }

    /** Empties a folder that holds a previous SDK; refuses a non-empty folder that does not. */
    /**
     * What openapi-generator would add beside the SDK for pushing it to a git host it does not know (a script with
     * GIT_USER_ID placeholders, CI files for Travis, GitLab and GitHub): left out through its own ignore file, which it
     * reads from the output folder before writing anything.
     */
    static final String SCAFFOLDING_IGNORED = """
            # written by Gatehouse: openapi-generator's git and CI scaffolding is not part of the SDK
            git_push.sh
            .travis.yml
            .gitlab-ci.yml
            .github/**
            """;

    private static void prepareFolder(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                boolean previous = Files.isDirectory(folder.resolve(".openapi-generator"));
                try (var entries = Files.list(folder)) {
                    if (entries.findAny().isPresent() && !previous) {
                        throw new SdkException(folder + " exists and is not a generated SDK: choose another output folder");
                    }
                }
                Zips.deleteTree(folder);
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new SdkException("cannot prepare " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void appendGatehouseNotes(Path readme, StageDocument stage, SdkLanguage language, String packageName) {
        StringBuilder b = new StringBuilder();
        b.append("\n\n## Gatehouse stage\n\n")
                .append("Generated by Gatehouse for API **").append(stage.apiName()).append("** (`").append(stage.apiId())
                .append("`), stage **").append(stage.stageName()).append("**, as the ").append(language.displayName())
                .append(" SDK `").append(packageName).append("`.\n\n")
                .append("- Base URL: `").append(stage.invokeUrl()).append("` (change it in the client's configuration")
                .append(" to call another stage or host).\n");
        if (stage.requiresApiKey()) {
            b.append("- Methods marked with the `api_key` authorization send the API key in the `x-api-key` header:")
                    .append(" set it on the client's `api_key` authentication before calling them.\n");
        }
        b.append("- `openapi.json` is the stage's OpenAPI 3.0 export this SDK was generated from.\n");
        try {
            Files.writeString(readme, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SdkException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

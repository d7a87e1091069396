package dev.gatehouse.engine.sdk;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate and where.
 *
 * @param language    the SDK's language
 * @param packageName the package (npm name, Java package, gem…), or null for
 *                    {@link SdkLanguage#defaultPackageName the API's name in the language's style}
 * @param version     the SDK's version, {@code MAJOR.MINOR.PATCH[-pre]}, or null for {@code 1.0.0}
 * @param outputDir   the folder that receives the SDK's folder and zip (created when missing)
 */
public record SdkOptions(SdkLanguage language, String packageName, String version, Path outputDir) {
    /** The version used when none is given. */
    public static final String DEFAULT_VERSION = "1.0.0";

    public SdkOptions {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(outputDir, "outputDir");
        if (packageName != null && packageName.isBlank()) packageName = null;
        if (version == null || version.isBlank()) version = DEFAULT_VERSION;
    }

    /** Default package name and version. */
    public static SdkOptions of(SdkLanguage language, Path outputDir) {
        return new SdkOptions(language, null, null, outputDir);
    }

    public SdkOptions withPackageName(String name) {
        return new SdkOptions(language, name, version, outputDir);
    }

    public SdkOptions withVersion(String v) {
        return new SdkOptions(language, packageName, v, outputDir);
    }
}

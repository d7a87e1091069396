package dev.gatehouse.app.sdk;

import dev.gatehouse.engine.sdk.SdkLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the Export SDK dialog produces: one language's SDK, every language's SDK, or the stage's HTML
 * documentation.
 *
 * @param kind     which of the three
 * @param language the SDK's language for {@link Kind#SDK}, null otherwise
 */
public record ExportTarget(Kind kind, SdkLanguage language) {

    /** The three sorts of export. */
    public enum Kind { SDK, ALL_SDKS, DOCUMENTATION }

    public ExportTarget {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SDK) != (language != null)) {
            throw new IllegalArgumentException("a language goes with an SDK target only: " + kind + " " + language);
        }
    }

    public static ExportTarget sdk(SdkLanguage language) {
        return new ExportTarget(Kind.SDK, Objects.requireNonNull(language, "language"));
    }

    public static ExportTarget allSdks() {
        return new ExportTarget(Kind.ALL_SDKS, null);
    }

    public static ExportTarget documentation() {
        return new ExportTarget(Kind.DOCUMENTATION, null);
    }

    /** Every language in {@link SdkLanguage} order, then "All languages", then the documentation. */
    public static List<ExportTarget> choices() {
        List<ExportTarget> all = new ArrayList<>();
        for (SdkLanguage l : SdkLanguage.values()) all.add(sdk(l));
        all.add(allSdks());
        all.add(documentation());
        return List.copyOf(all);
    }

    /** True when the export is one language's SDK, so a package name applies. */
    public boolean isSingleSdk() {
        return kind == Kind.SDK;
    }

    /** True for SDKs (one or all), which have a version. */
    public boolean isSdk() {
        return kind != Kind.DOCUMENTATION;
    }

    /** What the language list shows: "JavaScript (browser and Node.js)", "All languages", "Documentation (HTML)". */
    public String displayName() {
        return switch (kind) {
            case SDK -> language.displayName();
            case ALL_SDKS -> "All languages (" + SdkLanguage.values().length + " SDKs)";
            case DOCUMENTATION -> "Documentation (HTML)";
        };
    }

    @Override
    public String toString() {
        return displayName();
    }
}

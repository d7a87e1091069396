package dev.gatehouse.app.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A finished export from the Export SDK dialog.
 *
 * @param target    what was generated
 * @param stageName from which stage
 * @param folder    the folder to show: the one holding the SDK folders and zips, or the documentation's folder
 * @param zips      the SDKs' zips, in language order (empty for documentation)
 * @param page      the documentation's {@code index.html}, or null for SDKs
 * @param files     how many files were generated
 * @param elapsed   wall time, zips included
 */
public record ExportResult(ExportTarget target, String stageName, Path folder, List<Path> zips, Path page, int files,
                           Duration elapsed) {
    public ExportResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(folder, "folder");
        zips = List.copyOf(zips);
    }

    /** One line for the banner and the notification, e.g. "JavaScript (browser and Node.js) SDK from stage prod: 31 files in 1.4 s". */
    public String summary() {
        String time = String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
        return switch (target.kind()) {
            case SDK -> target.language().displayName() + " SDK from stage " + stageName + ": " + files + " files in " + time;
            case ALL_SDKS -> zips.size() + " SDKs from stage " + stageName + ": " + files + " files in " + time;
            case DOCUMENTATION -> "Documentation of stage " + stageName + " (index.html and openapi.json) in " + time;
        };
    }

    /** The path worth copying: one SDK's zip, the folder of all of them, the documentation's page. */
    public Path location() {
        return switch (target.kind()) {
            case SDK -> zips.getFirst();
            case ALL_SDKS -> folder;
            case DOCUMENTATION -> page;
        };
    }
}

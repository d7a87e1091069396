package dev.gatehouse.engine.openapi;

/**
 * How to import.
 *
 * @param failOnWarnings fail when the report has warnings (AWS {@code failonwarnings=true})
 * @param basePath       what to do with the document's base path (AWS {@code basepath}): IGNORE it (the default),
 *                       PREPEND it to every path, or SPLIT off its first part (taken as a stage) and prepend the rest
 */
public record ImportOptions(boolean failOnWarnings, BasePath basePath) {

    /** AWS's {@code basepath} import parameter. */
    public enum BasePath { IGNORE, PREPEND, SPLIT }

    public ImportOptions {
        if (basePath == null) basePath = BasePath.IGNORE;
    }

    /** AWS's defaults: warnings do not fail the import; the base path is ignored. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, BasePath.IGNORE);
    }

    public ImportOptions withFailOnWarnings(boolean fail) {
        return new ImportOptions(fail, basePath);
    }
}

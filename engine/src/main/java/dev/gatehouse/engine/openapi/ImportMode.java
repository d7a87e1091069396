package dev.gatehouse.engine.openapi;

/** How a document is applied to an existing API (AWS PutRestApi {@code mode}). */
public enum ImportMode {
    /** Replace the whole definition with the document's; the API keeps its id (and its name if the document has none). */
    OVERWRITE,
    /** Add the document's resources, methods, models and the rest; what exists in both is replaced; nothing is removed. */
    MERGE
}

package dev.gatehouse.engine.validation;

/** A model that cannot be compiled; thrown at deploy time by {@link ModelSchemas#compile}. */
public final class ModelSchemaException extends RuntimeException {
    private final String modelName;
    private final String reason;

    public ModelSchemaException(String modelName, String reason) {
        super((modelName == null ? "Model" : "Model " + modelName) + ": " + reason, null, false, false);
        this.modelName = modelName;
        this.reason = reason;
    }

    /** The failing model's name, or null when not known. */
    public String modelName() {
        return modelName;
    }

    public String reason() {
        return reason;
    }
}

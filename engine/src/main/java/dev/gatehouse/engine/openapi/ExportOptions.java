package dev.gatehouse.engine.openapi;

/**
 * How to export.
 *
 * @param extensions which {@code x-amazon-apigateway-*} extensions to include
 * @param yaml       YAML instead of JSON
 * @param stage      the stage being exported, or null to export the draft (no server, {@code info.version} = the
 *                   API's version)
 */
public record ExportOptions(ExportExtensions extensions, boolean yaml, StageInfo stage) {
    public ExportOptions {
        if (extensions == null) extensions = ExportExtensions.NONE;
    }

    /** JSON of the draft with the given extensions. */
    public static ExportOptions json(ExportExtensions extensions) {
        return new ExportOptions(extensions, false, null);
    }

    public ExportOptions withYaml(boolean asYaml) {
        return new ExportOptions(extensions, asYaml, stage);
    }

    public ExportOptions withStage(StageInfo stageInfo) {
        return new ExportOptions(extensions, yaml, stageInfo);
    }
}

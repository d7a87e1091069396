package dev.gatehouse.app.editor;

/** What a {@link CodeEditor} highlights and checks. */
public enum Language {
    /** A JSON document (a model's schema): must parse. */
    JSON,
    /** A mapping template: VTL directives and references around JSON, XML or text. */
    VTL,
    /** Plain text: no highlighting, no checks. */
    TEXT;

    /** The language for a mapping template of any content type: templates are VTL around JSON, XML or text. */
    public static Language forTemplate(String contentType) {
        return VTL;
    }
}

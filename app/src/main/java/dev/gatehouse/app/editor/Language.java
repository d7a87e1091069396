package dev.gatehouse.app.editor;

/** What a {@link CodeEditor} highlights and checks. */
public enum Language {
    /** A JSON document (a model's schema): must parse. */
    JSON,
    /** A mapping template: VTL directives and references around JSON, XML or text. */
    VTL,
    /** Plain text: no highlighting, no checks. */
    TEXT,
    /** A Node.js handler: keywords, strings (also template literals), numbers, comments. */
    JAVASCRIPT,
    /** A Python handler. */
    PYTHON,
    /** A Java handler. */
    JAVA,
    /** A custom runtime's {@code bootstrap} (a shell script). */
    SHELL;

    /** The language for a mapping template of any content type: templates are VTL around JSON, XML or text. */
    public static Language forTemplate(String contentType) {
        return VTL;
    }
}

package dev.gatehouse.engine.mapping;

import java.util.Objects;

/**
 * Why a mapping template, a parameter mapping or a template selection failed. One class for every mapping
 * failure, told apart by {@link Kind}; the data plane turns it into a gateway response in one place
 * ({@link #clientStatus()} and {@link #clientMessage()} say what AWS answers) and logs {@link #logLine()}.
 *
 * <p>Thrown on the caller's thread by {@link TemplateCompiler#compile} (kind {@link Kind#SYNTAX}, at deploy time),
 * by {@link CompiledTemplate#render} and by the parameter mappers (at request time). Never carries a stack trace:
 * these are expected outcomes. {@link #line()} and {@link #column()} are 1-based, or 0 when unknown.
 */
public final class MappingException extends RuntimeException {

    /** What went wrong, and so what the client sees. */
    public enum Kind {
        /** The template does not parse (deploy time; the console shows line and column). */
        SYNTAX(500, "Internal server error"),
        /** The body starts like JSON but is not: AWS answers 400 "Could not process payload…". */
        INVALID_PAYLOAD(400, null),
        /** The template failed while rendering (a method threw, bad JSONPath, …). */
        TEMPLATE_ERROR(500, "Internal server error"),
        /** The template tried to reach Java (classes, reflection, files, …). */
        SANDBOX_VIOLATION(500, "Internal server error"),
        /** The template exceeded a limit: loop count, output size, render time, macro depth, string size. */
        LIMIT_EXCEEDED(500, "Internal server error"),
        /** A parameter mapping AWS refuses at run time (reserved header, bad expression). */
        CONFIGURATION(500, "Internal server error"),
        /** No template matched and the passthrough behaviour forbids passing the body: 415. */
        UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type");

        private final int status;
        private final String message;

        Kind(int status, String message) {
            this.status = status;
            this.message = message;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String clientMessage;
    private final String templateName;
    private final int line;
    private final int column;

    private MappingException(Kind kind, String detail, String clientMessage, String templateName, int line,
                             int column, Throwable cause) {
        super(detail, cause, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.clientMessage = clientMessage != null ? clientMessage : kind.message;
        this.templateName = templateName;
        this.line = line;
        this.column = column;
    }

    /** A failure of {@code kind}; {@code detail} is for the execution log and the console. */
    public static MappingException of(Kind kind, String detail) {
        return new MappingException(kind, detail, null, null, 0, 0, null);
    }

    /** A failure of {@code kind} at a template position. */
    public static MappingException at(Kind kind, String detail, String templateName, int line, int column) {
        return new MappingException(kind, detail, null, templateName, line, column, null);
    }

    /**
     * AWS's 400 for a body that starts like JSON and does not parse: the message is "Could not process payload"
     * followed directly by the parser's exception text (recorded on AWS, aws-reference §6).
     */
    public static MappingException invalidPayload(String parserError) {
        String message = "Could not process payload" + parserError;
        return new MappingException(Kind.INVALID_PAYLOAD, message, message, null, 0, 0, null);
    }

    /** A copy that carries the template position, unless this already has one. */
    public MappingException withPosition(String name, int atLine, int atColumn) {
        if (line > 0) return this;
        return new MappingException(kind, getMessage(), clientMessage, name, atLine, atColumn, getCause());
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the client gets. */
    public int clientStatus() {
        return kind.status;
    }

    /** The {@code message} of the client's error body ({@code $context.error.message}). */
    public String clientMessage() {
        return clientMessage;
    }

    /** The detail, with the template position when known. */
    public String detail() {
        return getMessage();
    }

    public String templateName() {
        return templateName;
    }

    /** 1-based line of the failing template text, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the failing template text, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The execution-log line AWS-style: "Execution failed due to configuration error: …" for 5xx kinds. */
    public String logLine() {
        String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        return switch (kind) {
            case INVALID_PAYLOAD, UNSUPPORTED_MEDIA_TYPE -> getMessage();
            default -> "Execution failed due to configuration error: " + getMessage() + where;
        };
    }

    @Override
    public String toString() {
        return "MappingException{" + kind + ", " + getMessage()
                + (line > 0 ? ", line " + line + ", column " + column : "") + "}";
    }
}

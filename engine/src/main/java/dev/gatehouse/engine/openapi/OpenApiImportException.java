package dev.gatehouse.engine.openapi;

import java.util.List;

/**
 * An import that produced no result. The message names the source and the first problem's location (line and
 * column for syntax errors, a JSON pointer — with its line when it can be found — for structural ones), e.g.
 * {@code "petstore.yaml: /paths/~1pets/get/x-amazon-apigateway-integration (line 12, column 7): object expected"}.
 * {@link #report()} holds every finding, warnings included. Never wraps a parser's stack trace: the cause is not
 * kept, so callers can show {@link #getMessage()} as is.
 */
public final class OpenApiImportException extends RuntimeException {
    private final String sourceName;
    private final transient FidelityReport report;

    OpenApiImportException(String sourceName, String message, FidelityReport report) {
        super(message, null, false, false);
        this.sourceName = sourceName;
        this.report = report;
    }

    /** A failure before any mapping: empty input, binary data, a syntax error, not an OpenAPI document. */
    static OpenApiImportException at(String sourceName, String location, String message) {
        String text = sourceName + ": " + (location == null || location.isEmpty() ? "" : location + ": ") + message;
        return new OpenApiImportException(sourceName, text, new FidelityReport(List.of(
                new FidelityReport.Entry(FidelityReport.Severity.ERROR, "", text))));
    }

    public String sourceName() {
        return sourceName;
    }

    /** Every finding of the failed import (errors first in the message; warnings when failOnWarnings made it fail). */
    public FidelityReport report() {
        return report;
    }
}

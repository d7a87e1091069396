package dev.gatehouse.engine.openapi;

import java.util.List;

/**
 * What an import changed on the way in: one entry per construct of the source document that was dropped, changed
 * or is unsupported, each with a JSON pointer into the <em>source</em> document (for example
 * {@code /paths/~1pets/get/parameters/0}). A successful import has no {@link Severity#ERROR} entries; a failed one
 * carries its report in {@link OpenApiImportException#report()}.
 *
 * @param entries in the order they were found
 */
public record FidelityReport(List<Entry> entries) {

    public FidelityReport {
        entries = List.copyOf(entries);
    }

    /** How much an entry matters: INFO = changed but equivalent, WARNING = behaviour dropped, ERROR = no import. */
    public enum Severity { INFO, WARNING, ERROR }

    /**
     * One finding.
     *
     * @param pointer JSON pointer into the source document; {@code ""} is the whole document. Problems found by
     *                the final definition check point into the definition instead and say so in the message.
     */
    public record Entry(Severity severity, String pointer, String message) {
        @Override public String toString() {
            return severity + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }

    public List<Entry> errors() {
        return of(Severity.ERROR);
    }

    public List<Entry> warnings() {
        return of(Severity.WARNING);
    }

    public List<Entry> infos() {
        return of(Severity.INFO);
    }

    public boolean hasErrors() {
        return entries.stream().anyMatch(e -> e.severity() == Severity.ERROR);
    }

    public boolean hasWarnings() {
        return entries.stream().anyMatch(e -> e.severity() == Severity.WARNING);
    }

    private List<Entry> of(Severity severity) {
        return entries.stream().filter(e -> e.severity() == severity).toList();
    }
}

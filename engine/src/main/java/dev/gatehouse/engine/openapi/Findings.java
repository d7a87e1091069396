package dev.gatehouse.engine.openapi;

import dev.gatehouse.engine.openapi.FidelityReport.Entry;
import dev.gatehouse.engine.openapi.FidelityReport.Severity;
import java.util.ArrayList;
import java.util.List;

/** The mutable collector behind a {@link FidelityReport}; one per import, used on one thread. */
final class Findings {
    private final List<Entry> entries = new ArrayList<>();
    private int errors;

    void info(String pointer, String message) {
        entries.add(new Entry(Severity.INFO, pointer, message));
    }

    void warn(String pointer, String message) {
        entries.add(new Entry(Severity.WARNING, pointer, message));
    }

    void error(String pointer, String message) {
        entries.add(new Entry(Severity.ERROR, pointer, message));
        errors++;
    }

    boolean hasErrors() {
        return errors > 0;
    }

    int errorCount() {
        return errors;
    }

    FidelityReport report() {
        return new FidelityReport(entries);
    }
}

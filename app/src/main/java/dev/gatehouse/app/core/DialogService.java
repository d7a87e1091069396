package dev.gatehouse.app.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every dialog a ViewModel may need, behind an interface so ViewModel tests answer them without a toolkit
 * (JabRef's {@code DialogService}). Called on the FX thread only; every method blocks until the user answers
 * (nested event loop), so callers must not hold locks.
 */
public interface DialogService {

    /** Shows an error with the exception's message and, collapsed, its stack trace. */
    void showError(String title, Throwable error);

    /** Shows a short error message without details. */
    void showError(String title, String message);

    /** Asks a yes/no question; true when the user confirmed. */
    boolean confirm(String title, String message, String confirmLabel);

    /** Asks for a line of text; empty when cancelled. */
    Optional<String> askText(String title, String prompt, String initialValue);

    /** Shows a short notice that does not block and goes away by itself ("Deployed PetStore to dev"). */
    default void notify(String title, String message) {}

    /** Lets the user pick a folder; empty when cancelled. */
    Optional<Path> chooseDirectory(String title, Path initialDirectory);

    /**
     * Lets the user pick an existing file to read; empty when cancelled.
     *
     * @param filterName e.g. "OpenAPI documents"
     * @param patterns   e.g. {@code *.json}, {@code *.yaml}
     */
    Optional<Path> chooseFileToOpen(String title, String filterName, java.util.List<String> patterns);

    /** Lets the user choose where to write a file, proposing {@code initialName}; empty when cancelled. */
    Optional<Path> chooseFileToSave(String title, String initialName, String filterName, java.util.List<String> patterns);
}

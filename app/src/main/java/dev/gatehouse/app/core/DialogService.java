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

    /** Lets the user pick a folder; empty when cancelled. */
    Optional<Path> chooseDirectory(String title, Path initialDirectory);
}

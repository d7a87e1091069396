package dev.gatehouse.app;

import dev.gatehouse.app.core.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers dialogs from fields and records the errors shown. */
public final class FakeDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    /** The notifications shown, as "title: message". */
    public final List<String> notifications = new ArrayList<>();
    public boolean confirmAnswer = true;
    public int confirmations;
    /** The message of the last confirmation asked. */
    public String lastConfirmMessage;
    public String textAnswer;
    public Path directoryAnswer;
    public Path openFileAnswer;
    public Path saveFileAnswer;

    @Override public void notify(String title, String message) { notifications.add(title + ": " + message); }

    @Override public void showError(String title, Throwable error) { errors.add(title + ": " + error.getMessage()); }

    @Override public void showError(String title, String message) { errors.add(title + ": " + message); }

    @Override public boolean confirm(String title, String message, String confirmLabel) {
        confirmations++;
        lastConfirmMessage = message;
        return confirmAnswer;
    }

    @Override public Optional<String> askText(String title, String prompt, String initialValue) { return Optional.ofNullable(textAnswer); }

    @Override public Optional<Path> chooseDirectory(String title, Path initialDirectory) { return Optional.ofNullable(directoryAnswer); }

    @Override public Optional<Path> chooseFileToOpen(String title, String filterName, List<String> patterns) {
        return Optional.ofNullable(openFileAnswer);
    }

    @Override public Optional<Path> chooseFileToSave(String title, String initialName, String filterName, List<String> patterns) {
        return Optional.ofNullable(saveFileAnswer);
    }
}

package dev.gatehouse.app.core;

import dev.gatehouse.app.theme.ThemeManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX dialogs owned by the console's window. FX thread only. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, Throwable error) {
        Alert alert = alert(Alert.AlertType.ERROR, title, messageOf(error));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        alert.showAndWait();
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void notify(String title, String message) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) return;
        org.controlsfx.control.Notifications.create().owner(window).title(title).text(message)
                .position(javafx.geometry.Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(5)).showInformation();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(yes, ButtonType.CANCEL);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initialValue) {
        TextInputDialog dialog = new TextInputDialog(initialValue == null ? "" : initialValue);
        prepare(dialog, title);
        dialog.setContentText(prompt);
        dialog.getEditor().setId("dialogText");
        return dialog.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initialDirectory) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) chooser.setInitialDirectory(initialDirectory.toFile());
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String filterName, java.util.List<String> patterns) {
        FileChooser chooser = fileChooser(title, filterName, patterns);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String filterName, java.util.List<String> patterns) {
        FileChooser chooser = fileChooser(title, filterName, patterns);
        if (initialName != null) chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(java.io.File::toPath);
    }

    private static FileChooser fileChooser(String title, String filterName, java.util.List<String> patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (patterns != null && !patterns.isEmpty()) {
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(filterName, patterns),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
        }
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message);
        prepare(alert, title);
        return alert;
    }

    private void prepare(Dialog<?> dialog, String title) {
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Window window = owner.get();
        if (window != null) dialog.initOwner(window);
        dialog.getDialogPane().getStylesheets().add(ThemeManager.consoleStylesheet());
    }

    private static String messageOf(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) t = t.getCause();
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}

package dev.gatehouse.app.shell;

import dev.gatehouse.app.core.ConsolePreferences;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The main window's state: which page shows, the theme, the title and status texts; and the commands of the
 * menus. Everything about the workspace itself is the {@link Workbench}'s. FX thread only.
 */
public final class ShellViewModel {
    private final Workbench workbench;
    private final ConsolePreferences preferences;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.RESOURCES);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper workspaceText = new ReadOnlyStringWrapper(this, "workspaceText");
    private final ReadOnlyStringWrapper apiText = new ReadOnlyStringWrapper(this, "apiText");
    private final ReadOnlyStringWrapper workspacePath = new ReadOnlyStringWrapper(this, "workspacePath");
    private Runnable newApiAction;

    public ShellViewModel(Workbench workbench, ConsolePreferences preferences) {
        this.workbench = workbench;
        this.preferences = preferences;
        darkTheme.set(preferences.darkTheme());
        preferences.lastPage().flatMap(ShellViewModel::page).ifPresent(page::set);
        page.addListener((obs, old, p) -> preferences.setLastPage(p.name()));
        darkTheme.addListener((obs, old, dark) -> preferences.setDarkTheme(dark));
        title.bind(Bindings.createStringBinding(() -> {
            WorkspaceSession s = workbench.sessionProperty().get();
            ApiDefinition api = workbench.selectedApiProperty().get();
            if (s == null) return "Gatehouse";
            return "Gatehouse — " + s.name() + (api == null ? "" : " — " + api.name());
        }, workbench.sessionProperty(), workbench.selectedApiProperty()));
        workspaceText.bind(Bindings.createStringBinding(() -> {
            WorkspaceSession s = workbench.sessionProperty().get();
            if (s == null) return "No workspace open";
            java.nio.file.Path name = s.root().toAbsolutePath().normalize().getFileName();
            return name == null ? s.root().toString() : name.toString();
        }, workbench.sessionProperty()));
        workspacePath.bind(Bindings.createStringBinding(() -> {
            WorkspaceSession s = workbench.sessionProperty().get();
            return s == null ? "No workspace open" : s.root().toAbsolutePath().normalize().toString();
        }, workbench.sessionProperty()));
        apiText.bind(Bindings.createStringBinding(() -> {
            ApiDefinition api = workbench.selectedApiProperty().get();
            if (api == null) return "";
            int resources = api.resources().size();
            int methods = api.methodCount();
            return api.name() + " (" + api.id() + "): " + resources + " resource" + (resources == 1 ? "" : "s")
                    + ", " + methods + " method" + (methods == 1 ? "" : "s") + " — draft, edits saved";
        }, workbench.selectedApiProperty()));
    }

    private static java.util.Optional<Page> page(String name) {
        try {
            return java.util.Optional.of(Page.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return java.util.Optional.empty();
        }
    }

    public Workbench workbench() {
        return workbench;
    }

    public ObjectProperty<Page> pageProperty() { return page; }

    /** True for PrimerDark; remembered between runs. */
    public BooleanProperty darkThemeProperty() { return darkTheme; }

    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** The workspace folder's name, for the status bar ({@link #workspacePathProperty} has the whole path). */
    public ReadOnlyStringProperty workspaceTextProperty() { return workspaceText.getReadOnlyProperty(); }

    /** The workspace folder's absolute path, for the status bar's tooltip. */
    public ReadOnlyStringProperty workspacePathProperty() { return workspacePath.getReadOnlyProperty(); }

    /** A summary of the selected API, for the status bar. */
    public ReadOnlyStringProperty apiTextProperty() { return apiText.getReadOnlyProperty(); }

    /** True while no workspace is open: the welcome screen shows instead of the pages. */
    public ObservableValue<Boolean> noWorkspaceProperty() {
        return workbench.sessionProperty().map(s -> false).orElse(true);
    }

    // ---- commands --------------------------------------------------------------------------------------------

    public void show(Page newPage) { page.set(newPage); }

    public void toggleTheme() { darkTheme.set(!darkTheme.get()); }

    public void openWorkspace() { workbench.chooseAndOpen(); }

    public void newWorkspace() { workbench.chooseAndCreate(); }

    public void openRecent(Path folder) { workbench.open(folder); }

    /** Opens Create API (new, clone, import, example); without a dialog set, asks for a name and creates one. */
    public void newApi() {
        if (workbench.session().isEmpty()) return;
        if (newApiAction != null) newApiAction.run();
        else workbench.dialogs().askText("New API", "API name", "").ifPresent(workbench::createApi);
    }

    /** What "New API…" and the "+" beside the API selector open; composition root only. */
    public void setNewApiAction(Runnable action) {
        newApiAction = action;
    }

    public void undo() { workbench.undo(); }

    public void redo() { workbench.redo(); }

    /** Closes the workspace; false when the user chose to keep unsaved editor changes. */
    public boolean closeWorkspace() { return workbench.close(); }

    /** What the window's close button does: true when the window may close. */
    public boolean requestExit() {
        return workbench.close();
    }

    public void forgetRecent(Path folder) {
        preferences.removeRecentWorkspace(folder);
    }
}

package dev.gatehouse.app.apis;

import dev.gatehouse.app.session.Dependents;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.EndpointType;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Creating and deleting APIs as AWS's console offers it: a new API (name, description, endpoint type), a clone of an
 * existing API (AWS's {@code cloneFrom}: the way to start a new version), an import from OpenAPI, or the example
 * API; and deleting an API after a confirmation that names what depends on it. Every change is one undoable edit,
 * and what was created is selected at once. FX thread only; the work runs through the {@link Workbench}.
 */
public final class ApisViewModel {

    /** How the new API starts, in the order AWS's console offers them. */
    public enum Mode {
        NEW("New API"), CLONE("Clone existing API"), IMPORT("Import from OpenAPI"), EXAMPLE("Example API");

        private final String label;

        Mode(String label) { this.label = label; }

        public String label() { return label; }
    }

    private final Workbench workbench;
    private final Runnable importAction;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.NEW);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObjectProperty<EndpointType> endpointType = new SimpleObjectProperty<>(this, "endpointType", EndpointType.REGIONAL);
    private final ObjectProperty<ApiDefinition> cloneSource = new SimpleObjectProperty<>(this, "cloneSource");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper canCreate = new ReadOnlyBooleanWrapper(this, "canCreate");
    private final ReadOnlyStringWrapper createLabel = new ReadOnlyStringWrapper(this, "createLabel", "Create API");

    /** @param importAction opens the OpenAPI import (file chooser, then the import report) */
    public ApisViewModel(Workbench workbench, Runnable importAction) {
        this.workbench = workbench;
        this.importAction = importAction;
        mode.addListener((obs, old, m) -> {
            if (m == Mode.EXAMPLE && name.get().isBlank()) name.set("PetStore");
            if (m == Mode.CLONE && cloneSource.get() != null && name.get().isBlank()) name.set(cloneSource.get().name() + " v2");
            validate();
        });
        cloneSource.addListener((obs, old, api) -> validate());
        name.addListener((obs, old, n) -> validate());
        validate();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ObjectProperty<Mode> modeProperty() { return mode; }

    public StringProperty nameProperty() { return name; }

    public StringProperty descriptionProperty() { return description; }

    /** Regional by default, as AWS's console now offers it. */
    public ObjectProperty<EndpointType> endpointTypeProperty() { return endpointType; }

    /** The API a clone copies; the selected API when the dialog opens. */
    public ObjectProperty<ApiDefinition> cloneSourceProperty() { return cloneSource; }

    /** The APIs a clone can start from. */
    public ObservableList<ApiDefinition> apis() { return workbench.apisProperty(); }

    /** Why Create is disabled, in words; empty when it is not. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canCreateProperty() { return canCreate.getReadOnlyProperty(); }

    /** "Create API", "Clone API", "Choose file…". */
    public ReadOnlyStringProperty createLabelProperty() { return createLabel.getReadOnlyProperty(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Resets the form for a new dialog: a new API, cloning the selected one if the user switches to a clone. */
    public void prepare() {
        mode.set(Mode.NEW);
        name.set("");
        description.set("");
        endpointType.set(EndpointType.REGIONAL);
        cloneSource.set(workbench.selectedApi().orElse(workbench.apisProperty().isEmpty() ? null : workbench.apisProperty().getFirst()));
        validate();
    }

    /** Opens the form's choice with {@code m} preselected (the Getting started panel's buttons). */
    public void prepare(Mode m) {
        prepare();
        mode.set(m);
    }

    /** Does what the form says; false when it cannot (the problem is shown). */
    public boolean create() {
        validate();
        if (!canCreate.get()) return false;
        String n = name.get().strip();
        switch (mode.get()) {
            case NEW -> workbench.createApi(n, description.get(), endpointType.get());
            case CLONE -> workbench.cloneApi(cloneSource.get().id(), n, description.get());
            case IMPORT -> importAction.run();
            case EXAMPLE -> workbench.createExampleApi(n);
        }
        return true;
    }

    /**
     * Deletes the API after a confirmation that names what goes with it (its stages and their canaries, the
     * custom domain mappings that point at it). Undoable.
     */
    public void delete(String apiId) {
        WorkspaceSession session = workbench.session().orElse(null);
        ApiDefinition api = workbench.apisProperty().stream().filter(a -> a.id().equals(apiId)).findFirst().orElse(null);
        if (session == null || api == null) return;
        workbench.tasks().run(() -> Dependents.ofApi(session, apiId), dependents -> {
            if (workbench.dialogs().confirm("Delete API", deleteMessage(api, dependents), "Delete API")) workbench.deleteApi(apiId);
        }, e -> workbench.dialogs().showError("Cannot delete API " + api.name(), e));
    }

    /** Deletes the selected API (after asking). */
    public void deleteSelected() {
        workbench.selectedApi().ifPresent(api -> delete(api.id()));
    }

    static String deleteMessage(ApiDefinition api, List<String> dependents) {
        String head = "Delete API " + api.name() + " (" + api.id() + ") with its resources, methods and models";
        if (dependents.isEmpty()) return head + "?\n\nNo stage serves it. You can undo this with Edit → Undo.";
        return head + "?\n\nThese go with it:\n  • " + String.join("\n  • ", dependents)
                + "\n\nYou can undo this with Edit → Undo.";
    }

    private void validate() {
        String p = switch (mode.get()) {
            case NEW, EXAMPLE -> name.get() == null || name.get().isBlank() ? "Enter a name for the API" : "";
            case CLONE -> cloneSource.get() == null ? "There is no API to clone yet"
                    : name.get() == null || name.get().isBlank() ? "Enter a name for the clone" : "";
            case IMPORT -> "";
        };
        problem.set(p);
        canCreate.set(p.isEmpty());
        createLabel.set(switch (mode.get()) {
            case NEW -> "Create API";
            case CLONE -> "Clone API";
            case IMPORT -> "Choose file…";
            case EXAMPLE -> "Create example API";
        });
    }
}

package dev.gatehouse.app.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.engine.validation.SchemaFromExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Models page: the API's models, and the selected one's description, content type and JSON Schema with
 * Save/Revert. A schema that is not valid JSON, or not a valid JSON Schema draft 4, cannot be saved. Create and delete are undoable edits; a model a
 * method still uses cannot be deleted (AWS's rule). FX thread only.
 */
public final class ModelsViewModel {
    private final Workbench workbench;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty contentType = new SimpleStringProperty(this, "contentType", "application/json");
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded", new Loaded(null, ""));
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper schemaProblem = new ReadOnlyStringWrapper(this, "schemaProblem", "");
    private final ReadOnlyObjectWrapper<Loaded> generated = new ReadOnlyObjectWrapper<>(this, "generated");
    private final ReadOnlyStringWrapper exampleProblem = new ReadOnlyStringWrapper(this, "exampleProblem", "");
    private String editedSchema = "";
    private String pendingSelection;

    /** The schema the editor must load; a new instance each time (identity matters, not the text). */
    public static final class Loaded {
        private final String name;
        private final String schema;

        Loaded(String name, String schema) {
            this.name = name;
            this.schema = schema;
        }

        public String name() { return name; }

        public String schema() { return schema; }
    }

    public ModelsViewModel(Workbench workbench) {
        this.workbench = workbench;
        workbench.selectedApiProperty().addListener((obs, old, api) -> reload(old == null || api == null || !old.id().equals(api.id())));
        selected.addListener((obs, old, name) -> loadSelected(true));
        description.addListener(o -> updateDirty());
        contentType.addListener(o -> updateDirty());
        reload(true);
    }

    public ObservableList<String> names() { return names; }

    public ObjectProperty<String> selectedProperty() { return selected; }

    public StringProperty descriptionProperty() { return description; }

    public StringProperty contentTypeProperty() { return contentType; }

    public ReadOnlyObjectProperty<Loaded> loadedProperty() { return loaded.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** Why the typed schema is not valid JSON, or empty. */
    public ReadOnlyStringProperty schemaProblemProperty() { return schemaProblem.getReadOnlyProperty(); }

    /**
     * A schema generated from an example that the editor must show in place of its text (unsaved: the edit is
     * dirty until saved); a new instance each time.
     */
    public ReadOnlyObjectProperty<Loaded> generatedProperty() { return generated.getReadOnlyProperty(); }

    /** Why the last JSON example could not be turned into a schema (with line and column), or empty. */
    public ReadOnlyStringProperty exampleProblemProperty() { return exampleProblem.getReadOnlyProperty(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** The schema editor's text changed. */
    public void setEditedSchema(String text) {
        editedSchema = text == null ? "" : text;
        schemaProblem.set(jsonProblem(editedSchema).orElse(""));
        updateDirty();
    }

    /** Stores description, content type and schema of the selected model as one edit. */
    public void save() {
        String name = selected.get();
        if (name == null || !dirty.get()) return;
        Optional<String> problem = jsonProblem(editedSchema);
        if (problem.isPresent()) {
            workbench.dialogs().showError("Cannot save model " + name, "The schema is not valid JSON Schema draft 4: " + problem.get());
            return;
        }
        String schema = editedSchema;
        String desc = blankToNull(description.get());
        String ct = blankToNull(contentType.get()) == null ? "application/json" : contentType.get().trim();
        workbench.edit("Update model " + name, api -> api.withModels(replace(api, name,
                m -> new Model(m.id(), m.name(), desc, schema, ct))));
    }

    /**
     * Replaces the edited schema with one inferred from {@code jsonExample} (titled with the model's name). Nothing
     * is stored: the user reviews it and saves, which is the normal undoable "Update model" edit. Inference is a
     * pure, fast computation on the text, so it runs on the calling (FX) thread like the JSON check does.
     *
     * @return whether a schema was generated; when not, {@link #exampleProblemProperty()} says why
     */
    public boolean generateFromExample(String jsonExample) {
        String name = selected.get();
        if (name == null) {
            exampleProblem.set("Select or create a model first");
            return false;
        }
        String schema;
        try {
            schema = prettySchema(EngineTools.schemaFromExample(jsonExample, name));
        } catch (SchemaFromExample.ExampleException e) {
            exampleProblem.set(e.getMessage());
            return false;
        }
        exampleProblem.set("");
        setEditedSchema(schema);
        generated.set(new Loaded(name, schema));
        return true;
    }

    /** Forgets the last example problem (the example pane was closed). */
    public void clearExampleProblem() {
        exampleProblem.set("");
    }

    public void revert() {
        loadSelected(true);
    }

    /** Why a new model cannot have {@code name}, or null when it can. */
    public String nameProblem(String name) {
        try {
            DefinitionValidator.checkModelName(name == null ? "" : name.trim());
        } catch (DefinitionException e) {
            return e.getMessage();
        }
        return workbench.selectedApi().flatMap(a -> a.model(name.trim())).isPresent() ? "A model named " + name.trim() + " exists" : null;
    }

    /** Creates an object-schema model and selects it. */
    public void create(String name) {
        if (nameProblem(name) != null) return;
        String n = name.trim();
        String schema = "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\": \"" + n
                + "\",\n  \"type\": \"object\",\n  \"properties\": {}\n}";
        pendingSelection = n;
        workbench.edit("Create model " + n, api -> {
            List<Model> list = new ArrayList<>(api.models());
            list.add(new Model(Ids.shortId(), n, null, schema, "application/json"));
            return api.withModels(list);
        });
    }

    /** Deletes the selected model after asking; refused while a method uses it. */
    public void deleteSelected() {
        String name = selected.get();
        ApiDefinition api = workbench.selectedApi().orElse(null);
        if (name == null || api == null) return;
        Optional<String> user = usedBy(api, name);
        if (user.isPresent()) {
            workbench.dialogs().showError("Cannot delete model " + name, "Cannot delete model '" + name + "', is referenced in " + user.get());
            return;
        }
        if (!workbench.dialogs().confirm("Delete model", "Delete model " + name + "?", "Delete")) return;
        workbench.edit("Delete model " + name, a -> a.withModels(a.models().stream().filter(m -> !m.name().equals(name)).toList()));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    static Optional<String> usedBy(ApiDefinition api, String modelName) {
        for (Resource r : api.resources()) {
            for (Method m : r.resourceMethods().values()) {
                if (m.requestModels().containsValue(modelName)) return Optional.of("method request: " + r.path() + "/" + m.httpMethod());
                for (var response : m.methodResponses().values()) {
                    if (response.responseModels().containsValue(modelName)) {
                        return Optional.of("method response " + response.statusCode() + ": " + r.path() + "/" + m.httpMethod());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<Model> replace(ApiDefinition api, String name, java.util.function.UnaryOperator<Model> change) {
        Model current = api.model(name).orElseThrow(() -> DefinitionException.notFound("Invalid model name specified: " + name));
        return api.models().stream().map(m -> m == current ? change.apply(m) : m).toList();
    }

    static Optional<String> jsonProblem(String text) {
        if (text.isBlank()) return Optional.of("A schema must be a JSON object");
        try {
            var node = Json.mapper().readTree(text);
            if (!node.isObject()) return Optional.of("A schema must be a JSON object");
            // what AWS's CreateModel refuses too: a document that is JSON but not a draft-4 schema
            List<String> problems = EngineTools.schemaProblems(text);
            return problems.isEmpty() ? Optional.empty()
                    : Optional.of("Not a valid JSON Schema draft 4: " + String.join("; ", problems));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            return Optional.of(e.getOriginalMessage() + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"));
        }
    }

    private void reload(boolean otherApi) {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        List<String> list = api == null ? List.of() : api.models().stream().map(Model::name).toList();
        names.setAll(list);
        String keep = pendingSelection != null && list.contains(pendingSelection) ? pendingSelection : otherApi ? null : selected.get();
        pendingSelection = null;
        if (keep == null || !list.contains(keep)) keep = list.isEmpty() ? null : list.getFirst();
        if (Objects.equals(keep, selected.get())) loadSelected(false);
        else selected.set(keep);
    }

    /** Loads the selected model; keeps what the user typed unless forced or the stored model changed under it. */
    private void loadSelected(boolean force) {
        String name = selected.get();
        Model m = name == null ? null : workbench.selectedApi().flatMap(a -> a.model(name)).orElse(null);
        String schema = m == null ? "" : prettySchema(m.schema());
        Loaded current = loaded.get();
        boolean unchanged = Objects.equals(name, current.name()) && schema.equals(current.schema());
        if (force || !unchanged || !dirty.get()) {
            loaded.set(new Loaded(name, schema));
            editedSchema = schema;
            description.set(m == null || m.description() == null ? "" : m.description());
            contentType.set(m == null || m.contentType() == null ? "application/json" : m.contentType());
            schemaProblem.set(m == null ? "" : jsonProblem(schema).orElse(""));
        }
        updateDirty();
    }

    /** Schemas are stored compact (as AWS returns them); the editor shows them indented. */
    static String prettySchema(String schema) {
        if (schema == null) return "";
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.mapper().readTree(schema));
        } catch (JsonProcessingException e) {
            return schema; // show what is stored, problems and all
        }
    }

    private void updateDirty() {
        String name = selected.get();
        Model m = name == null ? null : workbench.selectedApi().flatMap(a -> a.model(name)).orElse(null);
        boolean d = m != null && (!editedSchema.equals(loaded.get().schema())
                || !Objects.equals(blankToNull(description.get()), m.description())
                || !Objects.equals(blankToNull(contentType.get()), m.contentType()));
        dirty.set(d);
        workbench.setUnsaved(this, d);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

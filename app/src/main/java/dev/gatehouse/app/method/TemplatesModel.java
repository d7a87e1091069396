package dev.gatehouse.app.method;

import dev.gatehouse.app.session.Workbench;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.gatehouse.app.session.EngineTools;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Mapping templates keyed by content type (a request's or an integration response's): the content types, the
 * one being edited, its text as stored and as typed, and Save/Revert. Text being typed is "unsaved" for the
 * workbench's guard until saved. FX thread only.
 */
public final class TemplatesModel {
    private static final Pattern CONTENT_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+*-]+");

    private final Workbench workbench;
    private final Supplier<Map<String, String>> stored;
    private final BiConsumer<Map<String, String>, String> save;
    private final ObservableList<String> contentTypes = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded", new Loaded(null, ""));
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private String editedText = "";

    /**
     * @param stored what the workspace holds now (content type → template), read on every reload
     * @param save   stores a new map as one edit with the given description ("Add mapping template text/xml")
     */
    TemplatesModel(Workbench workbench, Supplier<Map<String, String>> stored, BiConsumer<Map<String, String>, String> save) {
        this.workbench = workbench;
        this.stored = stored;
        this.save = save;
        selected.addListener((obs, old, ct) -> loadSelected());
    }

    public ObservableList<String> contentTypes() { return contentTypes; }

    /** The content type being edited; null when there is none. */
    public ObjectProperty<String> selectedProperty() { return selected; }

    /**
     * The template the editor must show: a new value each time the editor has to (re)load its text, i.e. on
     * selection, revert, and when the stored text changed under it (undo, redo, another window).
     */
    public ReadOnlyObjectProperty<Loaded> loadedProperty() { return loaded.getReadOnlyProperty(); }

    /** What the editor loads; identity matters (each load is a new instance, even for equal text). */
    public static final class Loaded {
        private final String contentType;
        private final String text;

        Loaded(String contentType, String text) {
            this.contentType = contentType;
            this.text = text;
        }

        public String contentType() { return contentType; }

        public String text() { return text; }
    }

    /** True while the typed text differs from the stored one. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** The editor's text changed (called by the view on every change). */
    public void setEditedText(String text) {
        editedText = text == null ? "" : text;
        problem.set("");
        updateDirty();
    }

    /**
     * Why the typed template cannot be saved ("line 2, column 7: unexpected …"), as deploy and test invoke would
     * refuse it; empty while it may be saved. Set by {@link #save()}, cleared when the text changes.
     */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /**
     * Stores the typed text of the selected template, after checking in the background that it compiles: a
     * template with a syntax error is not stored (the problem shows instead), as the models editor refuses an
     * invalid schema.
     */
    public void save() {
        String ct = selected.get();
        if (ct == null || !dirty.get()) return;
        String text = editedText;
        workbench.tasks().run(() -> EngineTools.templateProblem(text), found -> {
            if (!text.equals(editedText) || !ct.equals(selected.get())) return; // typed on meanwhile: the next save checks again
            if (found.isPresent()) {
                problem.set("Not saved: " + found.get().message());
                return;
            }
            problem.set("");
            Map<String, String> map = new LinkedHashMap<>(stored.get());
            map.put(ct, text);
            lastSaved = text;
            save.accept(map, "Edit mapping template " + ct + " of");
        }, e -> problem.set("Cannot check the template: " + e.getMessage()));
    }

    /** Drops the typed text; the editor shows the stored one again. */
    public void revert() {
        load(true);
    }

    /** Why {@code contentType} cannot be added, or null when it can. */
    public String contentTypeProblem(String contentType) {
        if (contentType == null || !CONTENT_TYPE.matcher(contentType.trim()).matches()) return "Enter a content type such as application/json";
        if (stored.get().containsKey(contentType.trim())) return "A template for " + contentType.trim() + " exists";
        return null;
    }

    /** Adds an empty template for {@code contentType} and selects it once stored. */
    public void add(String contentType) {
        if (contentTypeProblem(contentType) != null) return;
        String ct = contentType.trim();
        Map<String, String> map = new LinkedHashMap<>(stored.get());
        map.put(ct, "");
        pendingSelection = ct;
        save.accept(map, "Add mapping template " + ct + " to");
    }

    /** Removes the selected template. */
    public void removeSelected() {
        String ct = selected.get();
        if (ct == null) return;
        Map<String, String> map = new LinkedHashMap<>(stored.get());
        map.remove(ct);
        save.accept(map, "Remove mapping template " + ct + " from");
    }

    // ---- reload ----------------------------------------------------------------------------------------------

    private String pendingSelection;
    /** The text last handed to the workspace by {@link #save()}: its reload is this editor's own change. */
    private String lastSaved;

    /** Re-reads the stored templates (after any change of the method); keeps the selection when it still exists. */
    void reload() {
        Map<String, String> map = stored.get();
        String keep = pendingSelection != null && map.containsKey(pendingSelection) ? pendingSelection : selected.get();
        pendingSelection = null;
        contentTypes.setAll(new java.util.TreeSet<>(map.keySet()));
        if (keep == null || !map.containsKey(keep)) keep = contentTypes.isEmpty() ? null : contentTypes.getFirst();
        if (Objects.equals(keep, selected.get())) loadSelected();
        else selected.set(keep);
    }

    private void loadSelected() {
        load(false);
    }

    /**
     * Loads the stored text into the editor unless the user is typing in that same template. When the template
     * typed in was changed meanwhile (by another process: the CLI, a hand edit, git), the typed text stays and
     * Save waits until the user has looked (the workspace would refuse to overwrite their change anyway).
     */
    private void load(boolean force) {
        problem.set("");
        String ct = selected.get();
        String text = ct == null ? "" : stored.get().getOrDefault(ct, "");
        Loaded current = loaded.get();
        boolean sameTemplate = Objects.equals(ct, current.contentType());
        boolean unchanged = sameTemplate && text.equals(current.text());
        boolean theirs = !text.equals(editedText) && !text.equals(lastSaved); // not what was typed or saved here
        if (!force && !unchanged && sameTemplate && ct != null && theirs && !editedText.equals(current.text())) {
            problem.set("Changed by another process while you typed. Your text is kept: copy it, Revert to see "
                    + "theirs, then paste and save.");
            return;
        }
        if (force || !unchanged) {
            editedText = text;
            loaded.set(new Loaded(ct, text));
        }
        updateDirty();
    }

    private void updateDirty() {
        boolean d = selected.get() != null && !editedText.equals(loaded.get().text());
        dirty.set(d);
        workbench.setUnsaved(this, d);
    }
}

package dev.gatehouse.app.keys;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceTraffic;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The API Keys page: every key of the workspace with the usage plans it is in; for the selected key its value
 * (masked until {@link #showValueProperty() shown}), enabled state and description. Creating, enabling, editing and
 * deleting are undoable workspace edits run on the workbench's task runner; the page reloads after every workspace
 * change. FX thread only.
 */
public final class ApiKeysViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** One key as the table shows it. */
    public record KeyRow(ApiKey key, String created, String plans) {
        public String name() { return key.name(); }

        public String id() { return key.id(); }

        public boolean enabled() { return Boolean.TRUE.equals(key.enabled()); }
    }

    private record Loaded(List<ApiKey> keys, List<UsagePlan> plans) {}

    private final Workbench workbench;
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final ObjectProperty<KeyRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty showValue = new SimpleBooleanProperty(this, "showValue");
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    // the create form
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final StringProperty newDescription = new SimpleStringProperty(this, "newDescription", "");
    private final BooleanProperty newGenerated = new SimpleBooleanProperty(this, "newGenerated", true);
    private final StringProperty newValue = new SimpleStringProperty(this, "newValue", "");
    private final BooleanProperty newEnabled = new SimpleBooleanProperty(this, "newEnabled", true);
    private final ReadOnlyStringWrapper newProblem = new ReadOnlyStringWrapper(this, "newProblem", "");
    private final TrafficTasks traffic;
    private String wanted; // a key to select once it has loaded

    public ApiKeysViewModel(Workbench workbench) {
        this.workbench = workbench;
        this.traffic = new TrafficTasks(workbench);
        workbench.revisionProperty().addListener((obs, old, rev) -> reload());
        workbench.sessionProperty().addListener((obs, old, s) -> reload());
        selected.addListener((obs, old, row) -> {
            if (old == null || row == null || !old.id().equals(row.id())) showValue.set(false);
            description.set(row == null || row.key().description() == null ? "" : row.key().description());
            updateValue();
        });
        showValue.addListener((obs, old, v) -> updateValue());
        for (var p : List.of(newName, newValue)) p.addListener((obs, old, v) -> checkNew());
        newGenerated.addListener((obs, old, v) -> checkNew());
        checkNew();
        reload();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ObservableList<KeyRow> keys() { return keys; }

    public ObjectProperty<KeyRow> selectedProperty() { return selected; }

    /** Whether the selected key's value is shown in clear (it is masked otherwise; AWS's console hides it too). */
    public BooleanProperty showValueProperty() { return showValue; }

    /** The selected key's value, masked ({@code ****…wxyz}) unless shown. */
    public ReadOnlyStringProperty valueProperty() { return value.getReadOnlyProperty(); }

    /** The selected key's description as edited; {@link #saveDescription()} stores it. */
    public StringProperty descriptionProperty() { return description; }

    /** What the last command did ("API key partner created"), for the page's banner. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    public StringProperty newNameProperty() { return newName; }

    public StringProperty newDescriptionProperty() { return newDescription; }

    /** True: the engine generates the value; false: {@link #newValueProperty()} is imported. */
    public BooleanProperty newGeneratedProperty() { return newGenerated; }

    public StringProperty newValueProperty() { return newValue; }

    public BooleanProperty newEnabledProperty() { return newEnabled; }

    /** Why the create form cannot be submitted, or empty. */
    public ReadOnlyStringProperty newProblemProperty() { return newProblem.getReadOnlyProperty(); }

    /** The selected key's value in clear, for the clipboard; null without a selection. */
    public String valueInClear() {
        KeyRow row = selected.get();
        return row == null ? null : row.key().value();
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Empties the create form (generated value, enabled). */
    public void resetNew() {
        newName.set("");
        newDescription.set("");
        newGenerated.set(true);
        newValue.set("");
        newEnabled.set(true);
        checkNew();
    }

    /** Creates the key the form describes (one undoable edit) and selects it; false when the form has a problem. */
    public boolean create() {
        checkNew();
        if (!newProblem.get().isEmpty()) return false;
        String name = newName.get().trim();
        String desc = newDescription.get();
        String imported = newGenerated.get() ? null : newValue.get();
        boolean enabled = newEnabled.get();
        run("Cannot create API key " + name, t -> t.createApiKey(name, desc, imported, enabled), key -> {
            wanted = key.id();
            // the reload after the edit may have come first: select it now if it is listed
            keys.stream().filter(r -> r.id().equals(key.id())).findFirst().ifPresent(r -> {
                selected.set(r);
                wanted = null;
            });
            notice.set("API key " + key.name() + " created" + (imported == null ? " with a generated value" : ""));
        });
        return true;
    }

    /** Enables or disables the selected key (one undoable edit): a disabled key is refused with 403. */
    public void setEnabled(boolean enabled) {
        KeyRow row = selected.get();
        if (row == null || row.enabled() == enabled) return;
        edit(row, (enabled ? "Enable" : "Disable") + " API key " + row.name(), k -> new ApiKey(k.id(), k.value(), k.name(),
                k.customerId(), k.description(), enabled, k.createdDate(), k.lastUpdatedDate(), k.stageKeys(), k.tags()));
    }

    /** Stores the edited description of the selected key (one undoable edit). */
    public void saveDescription() {
        KeyRow row = selected.get();
        if (row == null) return;
        String text = description.get();
        if (Objects.equals(text == null ? "" : text.trim(), row.key().description() == null ? "" : row.key().description())) return;
        edit(row, "Change description of API key " + row.name(), k -> new ApiKey(k.id(), k.value(), k.name(), k.customerId(),
                text, k.enabled(), k.createdDate(), k.lastUpdatedDate(), k.stageKeys(), k.tags()));
    }

    /** Deletes the selected key after a confirmation naming the plans it leaves (one undoable edit). */
    public void delete() {
        KeyRow row = selected.get();
        if (row == null) return;
        String message = "Delete API key " + row.name() + "? Requests sending its value are refused with 403 Forbidden."
                + (row.plans().isEmpty() ? "" : "\n\nIt leaves these usage plans: " + row.plans())
                + "\n\nYou can undo this with Edit → Undo.";
        if (!workbench.dialogs().confirm("Delete API key", message, "Delete API key")) return;
        run("Cannot delete API key " + row.name(), t -> {
            t.deleteApiKey(row.id());
            return row.name();
        }, name -> notice.set("API key " + name + " deleted (Undo brings it back)"));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void edit(KeyRow row, String what, UnaryOperator<ApiKey> change) {
        run("Cannot change API key " + row.name(), t -> {
            t.updateApiKey(row.id(), what, change);
            return what;
        }, done -> notice.set(done + ": saved"));
    }

    private <T> void run(String failure, java.util.function.Function<WorkspaceTraffic, T> work, java.util.function.Consumer<T> done) {
        traffic.run(failure, work, done);
    }

    private void reload() {
        traffic.reload("Cannot read the API keys", session -> new Loaded(session.traffic().apiKeys(), session.traffic().usagePlans()),
                this::show, () -> {
                    keys.clear();
                    selected.set(null);
                });
    }

    private void show(Loaded loaded) {
        List<KeyRow> rows = loaded.keys().stream().map(k -> new KeyRow(k,
                k.createdDate() == null ? "" : WHEN.format(Instant.ofEpochSecond(k.createdDate())),
                String.join(", ", loaded.plans().stream().filter(p -> p.keyIds().contains(k.id())).map(UsagePlan::name).toList())))
                .toList();
        String keep = wanted != null ? wanted : selected.get() == null ? null : selected.get().id();
        wanted = null;
        keys.setAll(rows);
        KeyRow next = rows.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(rows.isEmpty() ? null : rows.getFirst());
        selected.set(next);
    }

    private void updateValue() {
        KeyRow row = selected.get();
        String v = row == null || row.key().value() == null ? "" : row.key().value();
        value.set(showValue.get() ? v : mask(v));
    }

    /** All but the last four characters hidden, as the CLI's {@code api-key list} prints it. */
    static String mask(String value) {
        if (value == null || value.isEmpty()) return "";
        int shown = Math.min(4, value.length());
        return "•".repeat(Math.max(0, value.length() - shown)) + value.substring(value.length() - shown);
    }

    private void checkNew() {
        newProblem.set(problem());
    }

    private String problem() {
        String name = newName.get() == null ? "" : newName.get().trim();
        if (name.isEmpty()) return "Name the API key";
        if (!newGenerated.get()) {
            String v = newValue.get() == null ? "" : newValue.get();
            if (v.length() < WorkspaceTraffic.MIN_KEY_LENGTH) {
                return "API Key value should be at least 20 characters (it has " + v.length() + ")";
            }
            if (v.chars().anyMatch(Character::isWhitespace)) return "An API key value cannot contain spaces";
        }
        return "";
    }
}

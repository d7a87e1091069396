package dev.gatehouse.app.importexport;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.openapi.FidelityReport;
import dev.gatehouse.engine.openapi.ImportMode;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.ImportResult;
import dev.gatehouse.engine.openapi.OpenApiImportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Importing an OpenAPI document in two steps, as the fidelity report must be read before anything changes:
 * {@link #load} reads and parses the file in the background (nothing is written) and fills the report; the user
 * picks the target; {@link #apply} stores the parsed API as one undoable edit. Changing the target parses again
 * (a merge reports against the selected API). FX thread only; file and engine work go through the workbench's
 * runner.
 */
public final class ImportViewModel {
    /** Where the document goes. */
    public enum Target {
        NEW_API("As a new API", null),
        OVERWRITE("Overwrite the selected API", ImportMode.OVERWRITE),
        MERGE("Merge into the selected API", ImportMode.MERGE);

        private final String label;
        private final ImportMode mode;

        Target(String label, ImportMode mode) {
            this.label = label;
            this.mode = mode;
        }

        @Override public String toString() { return label; }
    }

    /** File suffixes offered and accepted by drag and drop. */
    public static final List<String> PATTERNS = List.of("*.json", "*.yaml", "*.yml");

    private final Workbench workbench;
    private final ReadOnlyObjectWrapper<Path> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target", Target.NEW_API);
    private final ObservableList<FidelityReport.Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<FidelityReport.Entry> entriesReadOnly = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<ApiDefinition> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private byte[] document;
    private final LatestTask reading;

    public ImportViewModel(Workbench workbench) {
        this.workbench = workbench;
        this.reading = new LatestTask(workbench.tasks());
        target.addListener((obs, old, t) -> parse());
        preview.addListener((obs, old, p) -> updateCanApply());
        busy.addListener((obs, old, b) -> updateCanApply());
    }

    // ---- properties ------------------------------------------------------------------------------------------

    /** The file being imported; null when none. */
    public ReadOnlyObjectProperty<Path> sourceProperty() { return source.getReadOnlyProperty(); }

    public ObjectProperty<Target> targetProperty() { return target; }

    /** The fidelity report of the newest parse: errors first. */
    public ObservableList<FidelityReport.Entry> entries() { return entriesReadOnly; }

    /** "PetStore: 3 resources, 5 methods · 2 warnings, 1 note", or why it cannot be imported. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** The API the import would store; null while parsing or when the document cannot be imported. */
    public ReadOnlyObjectProperty<ApiDefinition> previewProperty() { return preview.getReadOnlyProperty(); }

    /** True from {@link #load} until applied or cancelled: the view shows the report dialog meanwhile. */
    public ReadOnlyBooleanProperty openProperty() { return open.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canApplyProperty() { return canApply.getReadOnlyProperty(); }

    /** True when there is an API to merge into or overwrite. */
    public boolean hasSelectedApi() { return workbench.selectedApi().isPresent(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Asks for a file and loads it. */
    public void chooseAndLoad() {
        if (workbench.session().isEmpty()) return;
        workbench.dialogs().chooseFileToOpen("Import OpenAPI", "OpenAPI and Swagger documents", PATTERNS).ifPresent(this::load);
    }

    /** True for files drag and drop may import. */
    public static boolean accepts(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Reads and parses {@code file} in the background; opens the report. Nothing is written. */
    public void load(Path file) {
        if (workbench.session().isEmpty()) return;
        source.set(file);
        document = null;
        entries.clear();
        preview.set(null);
        summary.set("Reading " + file.getFileName() + "…");
        open.set(true);
        busy.set(true);
        reading.run(BackgroundTask.of(() -> Files.readAllBytes(file)).onSuccess(bytes -> {
            document = bytes;
            parse();
        }).onFailure(e -> {
            busy.set(false);
            summary.set("Cannot read " + file + ": " + e.getMessage());
        }));
    }

    /** Stores the parsed API as one undoable edit, selects it and closes the report. */
    public void apply() {
        ApiDefinition api = preview.get();
        if (api == null || !canApply.get()) return;
        Target t = target.get();
        String file = source.get().getFileName().toString();
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return;
        boolean asNew = t == Target.NEW_API;
        String description = asNew ? "Import API " + api.name() + " from " + file
                : "Import " + file + " into " + api.name() + " (" + t.name().toLowerCase(Locale.ROOT) + ")";
        busy.set(true);
        // a refused import leaves the report open (the workbench shows why), so Apply may be pressed again
        workbench.storeImported(api, asNew, description, () -> {
            busy.set(false);
            close();
        }, () -> busy.set(false));
    }

    /** Drops the loaded document without applying it. */
    public void cancel() {
        reading.cancel();
        busy.set(false);
        close();
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void close() {
        open.set(false);
        document = null;
        source.set(null);
        entries.clear();
        preview.set(null);
        summary.set("");
    }

    private void parse() {
        byte[] bytes = document;
        Path file = source.get();
        if (bytes == null || file == null) return;
        Target t = target.get();
        ApiDefinition existing = workbench.selectedApi().orElse(null);
        if (t != Target.NEW_API && existing == null) {
            preview.set(null);
            entries.clear();
            summary.set("Select an API to " + (t == Target.MERGE ? "merge into" : "overwrite"));
            return;
        }
        busy.set(true);
        preview.set(null);
        String name = file.getFileName().toString();
        reading.run(BackgroundTask.of(() -> t == Target.NEW_API ? EngineTools.importNew(bytes, name, ImportOptions.defaults())
                : EngineTools.importInto(existing, bytes, name, t.mode, ImportOptions.defaults())).onSuccess(result -> {
            busy.set(false);
            show(result);
        }).onFailure(e -> {
            busy.set(false);
            preview.set(null);
            if (e instanceof OpenApiImportException failure) {
                entries.setAll(sorted(failure.report()));
                summary.set("Cannot import: " + failure.getMessage());
            } else {
                entries.clear();
                summary.set("Cannot import: " + e.getMessage());
            }
        }));
    }

    private void show(ImportResult result) {
        ApiDefinition api = result.api();
        entries.setAll(sorted(result.report()));
        int warnings = result.report().warnings().size();
        int notes = result.report().infos().size();
        summary.set(api.name() + ": " + api.resources().size() + " resources, " + api.methodCount() + " methods · "
                + (warnings == 0 && notes == 0 ? "imported without loss"
                : warnings + " warning" + (warnings == 1 ? "" : "s") + ", " + notes + " note" + (notes == 1 ? "" : "s")));
        preview.set(api);
    }

    private static List<FidelityReport.Entry> sorted(FidelityReport report) {
        return report.entries().stream().sorted(java.util.Comparator.comparing(FidelityReport.Entry::severity).reversed()).toList();
    }

    private void updateCanApply() {
        canApply.set(preview.get() != null && !busy.get());
    }
}

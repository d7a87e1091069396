package dev.gatehouse.app.observe;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.Observations.AuditEntry;
import dev.gatehouse.app.session.Observations.Change;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Audit page: the workspace's administrative actions ({@code .gatehouse/audit.jsonl}, append-only) — who
 * (console, CLI, control plane, with the identity), when, what (event and resource) — newest first, filtered by
 * source and by text, with the selected action's before/after diff, exportable as JSON lines. Reloads after each
 * workspace revision; reads run on the injected runner. FX thread only.
 */
public final class AuditViewModel {
    public static final String ANY = "Any source";

    private final Workbench workbench;
    private final TaskRunner runner;
    private final LatestTask loading;
    private List<AuditEntry> all = List.of();
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> sources = FXCollections.observableArrayList(ANY);
    private final StringProperty source = new SimpleStringProperty(this, "source", ANY);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    public AuditViewModel(Workbench workbench, TaskRunner runner) {
        this.workbench = workbench;
        this.runner = runner;
        this.loading = new LatestTask(runner);
        workbench.revisionProperty().addListener((obs, old, rev) -> reload());
        workbench.sessionProperty().addListener((obs, old, s) -> reload());
        source.addListener((obs, old, s) -> applyFilter());
        text.addListener((obs, old, s) -> applyFilter());
        selected.addListener((obs, old, e) -> changes.setAll(e == null ? List.of() : e.changes()));
        reload();
    }

    /** The actions the filters let through, newest first. */
    public ObservableList<AuditEntry> entries() { return entries; }

    /** {@link #ANY} and the sources seen ({@code console}, {@code cli}, {@code control-plane}, …). */
    public ObservableList<String> sources() { return sources; }

    public StringProperty sourceProperty() { return source; }

    /** Matches the actor, event or resource, case-insensitive. */
    public StringProperty textProperty() { return text; }

    public ObjectProperty<AuditEntry> selectedProperty() { return selected; }

    /** The selected action's changes (JSON Pointer, before, after). */
    public ObservableList<Change> changes() { return changes; }

    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    /** Reads the trail again (off the FX thread). */
    public void reload() {
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) {
            all = List.of();
            applyFilter();
            return;
        }
        loading.run(BackgroundTask.of(() -> session.observations().audit(null))
                .onSuccess(list -> {
                    List<AuditEntry> newestFirst = new ArrayList<>(list);
                    java.util.Collections.reverse(newestFirst);
                    all = newestFirst;
                    TreeSet<String> seen = new TreeSet<>();
                    list.forEach(e -> seen.add(e.source()));
                    List<String> s = new ArrayList<>();
                    s.add(ANY);
                    s.addAll(seen);
                    if (!s.equals(List.copyOf(sources))) {
                        String keep = source.get();
                        sources.setAll(s);
                        source.set(s.contains(keep) ? keep : ANY);
                    }
                    applyFilter();
                })
                .onFailure(e -> notice.set("Cannot read the audit trail: " + e.getMessage())));
    }

    /** Writes the filtered actions, oldest first, as the trail's own JSON lines. */
    public void export(Path file) {
        List<AuditEntry> rows = new ArrayList<>(entries);
        java.util.Collections.reverse(rows);
        BackgroundTask.ofRunnable(() -> {
                    StringBuilder b = new StringBuilder();
                    rows.forEach(e -> b.append(e.json()).append('\n'));
                    Files.writeString(file, b, StandardCharsets.UTF_8);
                })
                .onSuccess(v -> notice.set("Exported " + rows.size() + " actions to " + file.getFileName()))
                .onFailure(e -> notice.set("Cannot write " + file + ": " + e.getMessage()))
                .runWith(runner);
    }

    private void applyFilter() {
        String s = source.get();
        String t = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
        AuditEntry keep = selected.get();
        entries.setAll(all.stream()
                .filter(e -> s == null || ANY.equals(s) || e.source().equals(s))
                .filter(e -> t.isEmpty() || (e.actor() + " " + e.eventName() + " " + e.resource()).toLowerCase(Locale.ROOT).contains(t))
                .toList());
        notice.set(entries.size() + " of " + all.size() + " actions");
        if (keep != null) entries.stream().filter(e -> e.json().equals(keep.json())).findFirst().ifPresent(selected::set);
    }
}

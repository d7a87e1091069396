package dev.gatehouse.app.palette;

import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.shell.Page;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The command palette: every resource, method and stage of the open workspace's APIs, filtered by the query
 * and ranked (the selected API first); {@link #jump} selects the API and the resource or method, or shows the
 * stage. {@link #refresh()} reads the stages through the workbench's runner. FX thread only.
 */
public final class PaletteViewModel {
    /** At most this many matches are listed. */
    static final int MAX_MATCHES = 60;

    private final Workbench workbench;
    private final Consumer<Page> showPage;
    private final BiConsumer<String, String> showStage;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final List<PaletteEntry> all = new ArrayList<>();
    private final ObservableList<PaletteEntry> matches = FXCollections.observableArrayList();
    private final ObservableList<PaletteEntry> matchesReadOnly = FXCollections.unmodifiableObservableList(matches);

    /**
     * @param showPage  switches the shell's page
     * @param showStage shows a stage (API id, stage name) once its API is selected; the page switch is done
     */
    public PaletteViewModel(Workbench workbench, Consumer<Page> showPage, BiConsumer<String, String> showStage) {
        this.workbench = workbench;
        this.showPage = showPage;
        this.showStage = showStage;
        query.addListener((obs, old, q) -> filter());
    }

    /** What the user typed: words of a path, a verb, a stage or an API name ("get pets", "prod"). */
    public StringProperty queryProperty() { return query; }

    /** The entries matching the query, best first. */
    public ObservableList<PaletteEntry> matches() { return matchesReadOnly; }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Rebuilds the entries from the workspace (stages are read in the background) and clears the query. */
    public void refresh() {
        query.set("");
        List<ApiDefinition> apis = List.copyOf(workbench.apisProperty());
        List<PaletteEntry> definitions = new ArrayList<>();
        for (ApiDefinition api : apis) {
            for (Resource r : api.resources()) {
                definitions.add(PaletteEntry.resource(api.id(), api.name(), r.id(), r.path()));
                r.resourceMethods().values().stream().map(Method::httpMethod).sorted().forEach(verb ->
                        definitions.add(PaletteEntry.method(api.id(), api.name(), r.id(), verb, r.path())));
            }
        }
        all.clear();
        all.addAll(definitions);
        filter();
        WorkspaceSession s = workbench.session().orElse(null);
        if (s == null) return;
        workbench.tasks().run(() -> {
            List<PaletteEntry> stages = new ArrayList<>();
            for (ApiDefinition api : apis) {
                for (Stage stage : s.stages(api.id())) stages.add(PaletteEntry.stage(api.id(), api.name(), stage.stageName()));
            }
            return stages;
        }, stages -> {
            all.addAll(stages);
            filter();
        }, e -> { /* stages stay out of the list; resources and methods still work */ });
    }

    /** Goes to {@code entry}: its API, then the resource or method on the Resources page, or its stage. */
    public void jump(PaletteEntry entry) {
        if (entry == null) return;
        workbench.selectApi(entry.apiId());
        switch (entry.kind()) {
            case RESOURCE -> {
                showPage.accept(Page.RESOURCES);
                workbench.select(Selection.resource(entry.resourceId()));
            }
            case METHOD -> {
                showPage.accept(Page.RESOURCES);
                workbench.select(Selection.method(entry.resourceId(), entry.httpMethod()));
            }
            case STAGE -> {
                showPage.accept(Page.STAGES);
                showStage.accept(entry.apiId(), entry.stageName());
            }
        }
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void filter() {
        String q = query.get();
        String selectedApi = workbench.selectedApi().map(ApiDefinition::id).orElse("");
        record Scored(PaletteEntry entry, int score) {}
        matches.setAll(all.stream().map(e -> new Scored(e, e.score(q))).filter(s -> s.score >= 0)
                .sorted(Comparator.comparingInt(Scored::score)
                        .thenComparing(s -> !s.entry.apiId().equals(selectedApi))
                        .thenComparing(s -> s.entry.kind() == PaletteEntry.Kind.STAGE)
                        .thenComparingInt(s -> s.entry.label().length())
                        .thenComparing(s -> s.entry.label()))
                .limit(MAX_MATCHES).map(Scored::entry).toList());
    }
}

package dev.gatehouse.app.functions;

import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.editor.Language;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceFunctions;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.functions.FunctionConfig;
import dev.gatehouse.engine.functions.FunctionRuntime;
import dev.gatehouse.engine.functions.InvokeResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
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
 * The Functions page: the workspace's local functions; the selected one's code (saved as its handler's file),
 * configuration (environment variables, timeout, reserved concurrency, memory, description), test events saved
 * with the function and a Test that invokes it with the chosen event (result, REPORT line and log as the Lambda
 * console shows them), and its recent log. FX thread only; disk and invocations go through the task runners.
 */
public final class FunctionsViewModel {
    /** Lambda's function name rule. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

    private final Workbench workbench;
    private final TaskRunner invoker;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<FunctionConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<Loaded> code = new ReadOnlyObjectWrapper<>(this, "code", new Loaded("", Language.TEXT));
    private final ReadOnlyStringWrapper codeFile = new ReadOnlyStringWrapper(this, "codeFile", "");
    private final ReadOnlyBooleanWrapper codeDirty = new ReadOnlyBooleanWrapper(this, "codeDirty");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout", "");
    private final StringProperty concurrency = new SimpleStringProperty(this, "concurrency", "");
    private final StringProperty memory = new SimpleStringProperty(this, "memory", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty environment = new SimpleStringProperty(this, "environment", "");
    private final ReadOnlyStringWrapper configProblem = new ReadOnlyStringWrapper(this, "configProblem", "");
    private final ReadOnlyBooleanWrapper configDirty = new ReadOnlyBooleanWrapper(this, "configDirty");
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedEvent = new SimpleObjectProperty<>(this, "selectedEvent");
    private final ReadOnlyObjectWrapper<Loaded> event = new ReadOnlyObjectWrapper<>(this, "event", new Loaded("", Language.JSON));
    private final ReadOnlyStringWrapper resultStatus = new ReadOnlyStringWrapper(this, "resultStatus", "");
    private final ReadOnlyStringWrapper resultPayload = new ReadOnlyStringWrapper(this, "resultPayload", "");
    private final ReadOnlyStringWrapper resultSummary = new ReadOnlyStringWrapper(this, "resultSummary", "");
    private final ReadOnlyStringWrapper resultLog = new ReadOnlyStringWrapper(this, "resultLog", "");
    private final ReadOnlyStringWrapper logs = new ReadOnlyStringWrapper(this, "logs", "");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String editedCode = "";
    private String editedEvent = "";
    private String storedCode = "";

    /** A text an editor must load, with its language; a new instance each time (identity matters, not the text). */
    public static final class Loaded {
        private final String text;
        private final Language language;

        Loaded(String text, Language language) {
            this.text = text;
            this.language = language;
        }

        public String text() { return text; }

        public Language language() { return language; }
    }

    /**
     * @param invoker runs test invocations (they may take seconds: not the workspace's own runner)
     */
    public FunctionsViewModel(Workbench workbench, TaskRunner invoker) {
        this.workbench = workbench;
        this.invoker = invoker;
        workbench.sessionProperty().addListener((obs, old, s) -> {
            names.clear();
            selected.set(null);
            refresh();
        });
        selected.addListener((obs, old, name) -> load(name));
        selectedEvent.addListener((obs, old, ev) -> loadEvent(ev));
        for (StringProperty p : List.of(timeout, concurrency, memory, description, environment)) p.addListener(o -> checkConfig());
        refresh();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ObservableList<String> names() { return names; }

    public ObjectProperty<String> selectedProperty() { return selected; }

    /** The selected function's stored configuration; null when none is selected. */
    public ReadOnlyObjectProperty<FunctionConfig> configProperty() { return config.getReadOnlyProperty(); }

    /** "Node.js · index.handler · timeout 3 s" for the page's header. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** The code the editor must show (on selection, after a revert). */
    public ReadOnlyObjectProperty<Loaded> codeProperty() { return code.getReadOnlyProperty(); }

    /** The handler's file, relative to the function folder ("index.js"). */
    public ReadOnlyStringProperty codeFileProperty() { return codeFile.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty codeDirtyProperty() { return codeDirty.getReadOnlyProperty(); }

    /** Seconds, 1-900, as typed. */
    public StringProperty timeoutProperty() { return timeout; }

    /** Reserved concurrency as typed; empty means unreserved. */
    public StringProperty concurrencyProperty() { return concurrency; }

    /** MB, 128-10240, as typed. */
    public StringProperty memoryProperty() { return memory; }

    public StringProperty descriptionProperty() { return description; }

    /** {@code KEY=value} lines. */
    public StringProperty environmentProperty() { return environment; }

    /** Why the configuration cannot be saved, or empty. */
    public ReadOnlyStringProperty configProblemProperty() { return configProblem.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty configDirtyProperty() { return configDirty.getReadOnlyProperty(); }

    /** The selected function's saved test events. */
    public ObservableList<String> events() { return events; }

    public ObjectProperty<String> selectedEventProperty() { return selectedEvent; }

    /** The event the event editor must show (a saved one when selected, or a template). */
    public ReadOnlyObjectProperty<Loaded> eventProperty() { return event.getReadOnlyProperty(); }

    /** "Succeeded", "Failed" or "" before the first test. */
    public ReadOnlyStringProperty resultStatusProperty() { return resultStatus.getReadOnlyProperty(); }

    /** What the function returned (its JSON, indented), or the error document. */
    public ReadOnlyStringProperty resultPayloadProperty() { return resultPayload.getReadOnlyProperty(); }

    /** The invocation's REPORT line ("REPORT RequestId: … Duration: … Billed Duration: …"). */
    public ReadOnlyStringProperty resultSummaryProperty() { return resultSummary.getReadOnlyProperty(); }

    /** The invocation's log: START, the function's output, END, REPORT. */
    public ReadOnlyStringProperty resultLogProperty() { return resultLog.getReadOnlyProperty(); }

    /** The function's recent log, as {@code gatehouse function logs} prints it. */
    public ReadOnlyStringProperty logsProperty() { return logs.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty testingProperty() { return testing.getReadOnlyProperty(); }

    /** The last failure, in the product's words; "" when the last action worked. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** The runtimes a function can be created with, labelled as the Lambda console names them. */
    public static List<FunctionRuntime> runtimes() {
        return List.of(FunctionRuntime.NODEJS, FunctionRuntime.PYTHON, FunctionRuntime.JAVA, FunctionRuntime.PROVIDED);
    }

    public static String runtimeLabel(FunctionRuntime runtime) {
        return switch (runtime) {
            case NODEJS -> "Node.js";
            case PYTHON -> "Python";
            case JAVA -> "Java";
            case PROVIDED -> "Custom runtime (bootstrap)";
        };
    }

    static Language language(FunctionRuntime runtime) {
        return switch (runtime) {
            case NODEJS -> Language.JAVASCRIPT;
            case PYTHON -> Language.PYTHON;
            case JAVA -> Language.JAVA;
            case PROVIDED -> Language.SHELL;
        };
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Reloads the function list (the page shows, a function was created elsewhere); keeps the selection. */
    public void refresh() {
        Optional<WorkspaceFunctions> fns = functions();
        if (fns.isEmpty()) return;
        workbench.tasks().run(() -> fns.get().list().stream().map(FunctionConfig::name).toList(), list -> {
            String keep = selected.get();
            if (!names.equals(list)) names.setAll(list);
            // as the Lambda console opens a function: never an empty page while there are functions to show
            if (keep == null || !list.contains(keep)) selected.set(list.isEmpty() ? null : list.getFirst());
        }, this::failed);
    }

    /** Why {@code name} cannot be a new function's name, or empty. */
    public Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) return Optional.of("Enter a function name");
        if (!NAME.matcher(name.strip()).matches()) {
            return Optional.of("Function names are 1-64 letters, digits, hyphens (-) or underscores (_)");
        }
        if (names.contains(name.strip())) return Optional.of("Function " + name.strip() + " already exists");
        return Optional.empty();
    }

    /** Creates a function from the runtime's starter template and selects it; {@code onDone} gets its name. */
    public void create(String name, FunctionRuntime runtime, Consumer<String> onDone) {
        if (nameProblem(name).isPresent()) return;
        String n = name.strip();
        functions().ifPresent(fns -> workbench.tasks().run(() -> fns.create(n, runtime), created -> {
            message.set("");
            if (!names.contains(n)) {
                names.add(n);
                FXCollections.sort(names);
            }
            selected.set(n);
            onDone.accept(n);
        }, this::failed));
    }

    /** True when a function of that name is in the list. */
    public boolean exists(String name) {
        return name != null && names.contains(name.strip());
    }

    /** What the code editor holds now. */
    public void setEditedCode(String text) {
        editedCode = text == null ? "" : text;
        codeDirty.set(selected.get() != null && !editedCode.equals(storedCode));
        workbench.setUnsaved(this, codeDirty.get());
    }

    /** Saves the edited code as the handler's file (a Java source compiles first). */
    public void saveCode() {
        String name = selected.get();
        if (name == null) return;
        String text = editedCode;
        functions().ifPresent(fns -> workbench.tasks().run(() -> {
            fns.writeCode(name, text);
            return text;
        }, saved -> {
            message.set("");
            storedCode = saved;
            setEditedCode(editedCode);
        }, this::failed));
    }

    public void revertCode() {
        code.set(new Loaded(storedCode, code.get().language()));
        setEditedCode(storedCode);
    }

    /** Saves timeout, concurrency, memory, description and environment into {@code function.json}. */
    public void saveConfig() {
        FunctionConfig draft = draftConfig();
        if (draft == null) return;
        functions().ifPresent(fns -> workbench.tasks().run(() -> {
            fns.update(draft);
            return draft;
        }, saved -> {
            message.set("");
            showConfig(saved);
        }, this::failed));
    }

    public void revertConfig() {
        if (config.get() != null) showConfig(config.get());
    }

    /** Puts a template into the event editor (not saved until {@link #saveEvent}). */
    public void useTemplate(TestEventTemplates template) {
        selectedEvent.set(null);
        event.set(new Loaded(template.json(), Language.JSON));
        editedEvent = template.json();
    }

    /** What the event editor holds now. */
    public void setEditedEvent(String text) {
        editedEvent = text == null ? "" : text;
    }

    /** Saves the event editor's JSON as {@code eventName} with the function, and selects it. */
    public void saveEvent(String eventName) {
        String name = selected.get();
        if (name == null || eventName == null) return;
        String n = eventName.strip();
        String json = editedEvent;
        functions().ifPresent(fns -> workbench.tasks().run(() -> {
            fns.saveTestEvent(name, n, json);
            return fns.testEvents(name);
        }, list -> {
            message.set("");
            events.setAll(list);
            selectedEvent.set(n);
        }, this::failed));
    }

    /** Invokes the selected function with the event editor's JSON, as the Lambda console's Test does. */
    public void test() {
        String name = selected.get();
        if (name == null || testing.get()) return;
        String json = editedEvent.isBlank() ? "{}" : editedEvent;
        Optional<WorkspaceFunctions> fns = functions();
        if (fns.isEmpty()) return;
        testing.set(true);
        resultStatus.set("");
        invoker.run(() -> fns.get().invoke(name, json), r -> {
            testing.set(false);
            message.set("");
            show(r);
            refreshLogs();
        }, e -> {
            testing.set(false);
            failed(e);
        });
    }

    /** Reloads the selected function's log. */
    public void refreshLogs() {
        String name = selected.get();
        if (name == null) {
            logs.set("");
            return;
        }
        functions().ifPresent(fns -> workbench.tasks().run(() -> String.join("\n", fns.logs(name)), text -> {
            if (name.equals(selected.get())) logs.set(text);
        }, this::failed));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private Optional<WorkspaceFunctions> functions() {
        return workbench.session().map(WorkspaceSession::functions);
    }

    private record Snapshot(FunctionConfig config, String codeFile, String code, List<String> events, String firstEvent,
                            String logs) {}

    private void load(String name) {
        resultStatus.set("");
        resultPayload.set("");
        resultSummary.set("");
        resultLog.set("");
        if (name == null) {
            config.set(null);
            summary.set("");
            storedCode = "";
            code.set(new Loaded("", Language.TEXT));
            codeFile.set("");
            setEditedCode("");
            events.clear();
            logs.set("");
            return;
        }
        functions().ifPresent(fns -> workbench.tasks().run(() -> {
            FunctionConfig cfg = fns.read(name).orElseThrow(() -> new IllegalArgumentException("Function not found: " + name));
            List<String> evs = fns.testEvents(name);
            String first = evs.isEmpty() ? null : fns.readTestEvent(name, evs.getFirst()).orElse(null);
            return new Snapshot(cfg, fns.codeFile(name).orElse(""), fns.readCode(name), evs, first,
                    String.join("\n", fns.logs(name)));
        }, s -> {
            if (!name.equals(selected.get())) return;
            message.set("");
            showConfig(s.config());
            codeFile.set(s.codeFile());
            storedCode = s.code();
            code.set(new Loaded(s.code(), language(s.config().runtime())));
            setEditedCode(s.code());
            events.setAll(s.events());
            if (s.firstEvent() != null) {
                selectedEvent.set(s.events().getFirst());
                event.set(new Loaded(s.firstEvent(), Language.JSON));
                editedEvent = s.firstEvent();
            } else {
                useTemplate(s.config().runtime() == FunctionRuntime.PROVIDED || s.code().contains("statusCode")
                        ? TestEventTemplates.API_GATEWAY_PROXY : TestEventTemplates.CUSTOM);
            }
            logs.set(s.logs());
        }, this::failed));
    }

    private void loadEvent(String eventName) {
        String name = selected.get();
        if (name == null || eventName == null) return;
        functions().ifPresent(fns -> workbench.tasks().run(() -> fns.readTestEvent(name, eventName).orElse(""), json -> {
            if (!eventName.equals(selectedEvent.get())) return;
            event.set(new Loaded(json, Language.JSON));
            editedEvent = json;
        }, this::failed));
    }

    private void showConfig(FunctionConfig cfg) {
        config.set(cfg);
        summary.set(runtimeLabel(cfg.runtime()) + " · handler " + cfg.handler() + " · timeout " + cfg.timeoutSeconds()
                + " s · " + (cfg.reservedConcurrency() == null ? "unreserved concurrency"
                : "reserved concurrency " + cfg.reservedConcurrency()));
        timeout.set(Integer.toString(cfg.timeoutSeconds()));
        concurrency.set(cfg.reservedConcurrency() == null ? "" : cfg.reservedConcurrency().toString());
        memory.set(Integer.toString(cfg.memoryMb()));
        description.set(cfg.description() == null ? "" : cfg.description());
        environment.set(EnvironmentText.format(cfg.environment()));
        checkConfig();
    }

    /** The configuration the form describes, or null (with {@link #configProblemProperty()} saying why). */
    private FunctionConfig draftConfig() {
        FunctionConfig cfg = config.get();
        if (cfg == null) return null;
        try {
            int t = number(timeout.get(), "Timeout");
            Integer c = concurrency.get() == null || concurrency.get().isBlank() ? null : number(concurrency.get(), "Reserved concurrency");
            int m = number(memory.get(), "Memory");
            Map<String, String> env = EnvironmentText.parse(environment.get());
            String d = description.get() == null || description.get().isBlank() ? null : description.get().strip();
            if (d != null && d.length() > 256) throw new IllegalArgumentException("Description is at most 256 characters");
            return new FunctionConfig(cfg.name(), cfg.runtime(), cfg.handler(), env, t, m, c, d);
        } catch (IllegalArgumentException e) {
            configProblem.set(e.getMessage());
            return null;
        }
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number");
        }
    }

    private void checkConfig() {
        configProblem.set("");
        FunctionConfig draft = draftConfig();
        FunctionConfig stored = config.get();
        configDirty.set(draft != null && stored != null && !Objects.equals(draft, stored)
                || draft == null && stored != null);
    }

    private void show(InvokeResult r) {
        resultStatus.set(r.failed() ? "Failed" : "Succeeded");
        // indented as the Lambda console shows it; a payload that is not JSON stays as it is
        resultPayload.set(dev.gatehouse.app.testpanel.BodyFormatter.pretty(r.payloadText(), "application/json"));
        resultLog.set(r.log().strip());
        resultSummary.set(r.log().lines().filter(l -> l.startsWith("REPORT ")).reduce((a, b) -> b).orElse(""));
    }

    private void failed(Throwable e) {
        Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
        message.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }
}

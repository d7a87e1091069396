package dev.gatehouse.app.policy;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Outcome;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Problem;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Severity;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Verdict;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Stage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * The Resource Policy page of the selected API: the policy text (what {@code x-amazon-apigateway-policy} holds), its
 * problems, checked by the engine off the FX thread after each change of {@link #textProperty()} (the view debounces
 * typing), AWS console's templates, Save and Remove as one undoable edit each ("Change resource policy of PetStore"),
 * and "Check a request" on the engine's evaluator against the text in the editor. Saving is refused while the text has
 * errors, as AWS refuses a malformed policy document. FX thread only; engine work runs on the workbench's runner.
 */
public final class ResourcePolicyViewModel {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    static final String NO_STAGES = "This API has no stages yet, so there is nothing to check a request against. "
            + "Deploy the API (Deploy API…) to create a stage: a resource policy applies to calls to a deployed stage.";
    private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Workbench workbench;
    private final LatestTask checking;
    private final LatestTask stageLoading;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Resource policy");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper hasApi = new ReadOnlyBooleanWrapper(this, "hasApi");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper hasPolicy = new ReadOnlyBooleanWrapper(this, "hasPolicy");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(this, "checked", true);
    private final StringProperty templateAddresses = new SimpleStringProperty(this, "templateAddresses", "203.0.113.0/24");

    // check a request
    private final ObservableList<String> stageChoices = FXCollections.observableArrayList();
    private final StringProperty sourceIp = new SimpleStringProperty(this, "sourceIp", "127.0.0.1");
    private final StringProperty stage = new SimpleStringProperty(this, "stage");
    private final ReadOnlyStringWrapper stageNote = new ReadOnlyStringWrapper(this, "stageNote", "");
    private final ReadOnlyBooleanWrapper hasStages = new ReadOnlyBooleanWrapper(this, "hasStages");
    private final ObjectProperty<String> method = new SimpleObjectProperty<>(this, "method", "GET");
    private final StringProperty path = new SimpleStringProperty(this, "path", "/");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyStringWrapper outcomeText = new ReadOnlyStringWrapper(this, "outcomeText", "");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");
    private final ReadOnlyStringWrapper methodArn = new ReadOnlyStringWrapper(this, "methodArn", "");

    private String baseline = "";
    private String loadedApiId;

    public ResourcePolicyViewModel(Workbench workbench) {
        this.workbench = workbench;
        this.checking = new LatestTask(workbench.tasks());
        this.stageLoading = new LatestTask(workbench.tasks());
        workbench.selectedApiProperty().addListener((obs, old, api) -> onApi(api));
        // a deploy adds a stage without changing the API's definition: reload the stages after every change
        workbench.revisionProperty().addListener((obs, old, rev) -> {
            if (loadedApiId != null) loadStages(loadedApiId);
        });
        text.addListener((obs, old, now) -> {
            updateDirty();
            check();
        });
        onApi(workbench.selectedApiProperty().get());
    }

    // ---- properties ------------------------------------------------------------------------------------------

    /** The policy as in the editor; blank means no policy. */
    public StringProperty textProperty() { return text; }

    /** The newest check's problems, errors first. */
    public ObservableList<Problem> problems() { return problems; }

    /** "Resource policy of PetStore". */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** "1 error, 2 warnings: …" or what an empty policy means. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** What the last save did, or why it failed. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty hasApiProperty() { return hasApi.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** True while the API has a stored policy: there is something for "Remove policy" to remove. */
    public ReadOnlyBooleanProperty hasPolicyProperty() { return hasPolicy.getReadOnlyProperty(); }

    /** Dirty, checked and free of errors. */
    public ReadOnlyBooleanProperty canSaveProperty() { return canSave.getReadOnlyProperty(); }

    /** False while a check of the newest text is running. */
    public ReadOnlyBooleanProperty checkedProperty() { return checked.getReadOnlyProperty(); }

    /** Comma-separated addresses or CIDR blocks the source IP templates are filled with. */
    public StringProperty templateAddressesProperty() { return templateAddresses; }

    /** The API's stages (those a deployed policy can apply to), by name; empty before its first deploy. */
    public ObservableList<String> stageChoices() { return stageChoices; }

    public StringProperty sourceIpProperty() { return sourceIp; }

    /** The stage the request is sent to: one of {@link #stageChoices()}, or null when the API has no stage. */
    public StringProperty stageProperty() { return stage; }

    /** Why no stage can be chosen ("This API has no stages yet …"), or empty when the API has stages. */
    public ReadOnlyStringProperty stageNoteProperty() { return stageNote.getReadOnlyProperty(); }

    /** True when the API has at least one stage, so a request to it can be checked. */
    public ReadOnlyBooleanProperty hasStagesProperty() { return hasStages.getReadOnlyProperty(); }

    public ObjectProperty<String> methodProperty() { return method; }

    public StringProperty pathProperty() { return path; }

    /** The last check's outcome; null before the first or when the request was not valid. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }

    /** "Allow", "Deny (explicit)", "Deny (implicit)", "500: policy unreadable". */
    public ReadOnlyStringProperty outcomeTextProperty() { return outcomeText.getReadOnlyProperty(); }

    /** Which statement decided, or why the request could not be checked. */
    public ReadOnlyStringProperty reasonProperty() { return reason.getReadOnlyProperty(); }

    /** The method ARN the last check evaluated ({@code arn:aws:execute-api:us-east-1:123456789012:api/prod/GET/}). */
    public ReadOnlyStringProperty methodArnProperty() { return methodArn.getReadOnlyProperty(); }

    public List<String> methods() { return METHODS; }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Replaces the text with {@code template} for this API (one change of the editor, undoable there). */
    public void insertTemplate(PolicyTemplate template) {
        if (loadedApiId == null || template == null) return;
        List<String> addresses = Arrays.stream(Objects.requireNonNullElse(templateAddresses.get(), "").split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).toList();
        text.set(template.text(loadedApiId, addresses));
    }

    /** Stores the text as the API's policy (blank removes it), one undoable edit; refused while it has errors. */
    public void save() {
        if (!canSave.get() || loadedApiId == null) return;
        store(text.get());
    }

    /** Empties the editor and stores no policy (always allowed): the API admits every caller again. */
    public void removePolicy() {
        if (loadedApiId == null) return;
        text.set("");
        store("");
    }

    private void store(String saving) {
        String policy = saving.isBlank() ? null : saving;
        ApiDefinition api = workbench.selectedApiProperty().get();
        String label = (policy == null ? "Remove resource policy of " : "Change resource policy of ")
                + (api == null ? loadedApiId : api.restApi().name());
        workbench.edit(label, a -> a.withRestApi(a.restApi().withPolicy(policy)), stored -> {
            baseline = saving;
            updateDirty();
            status.set(policy == null
                    ? "Removed. A deployed stage admits every caller again after its next deploy."
                    : "Saved. A deployed stage applies the policy after its next deploy (as on AWS).");
        });
    }

    /** Puts back what is stored. */
    public void revert() {
        text.set(baseline);
    }

    /** Evaluates the editor's policy for the request in the "Check a request" fields, off the FX thread. */
    public void checkRequest() {
        if (loadedApiId == null) return;
        String ip = Objects.requireNonNullElse(sourceIp.get(), "").strip();
        String stageName = Objects.requireNonNullElse(stage.get(), "").strip();
        String m = Objects.requireNonNullElse(method.get(), "").strip();
        String p = Objects.requireNonNullElse(path.get(), "").strip();
        String problem = stageChoices.isEmpty() ? NO_STAGES
                : !IP.matcher(ip).matches() ? "Enter the caller's IP address, e.g. 203.0.113.7 or 2001:db8::1"
                : !stageChoices.contains(stageName) ? "Choose one of the API's stages: " + String.join(", ", stageChoices)
                : !METHODS.contains(m) ? "Choose an HTTP method" : null;
        if (problem != null) {
            outcome.set(null);
            outcomeText.set("");
            methodArn.set("");
            reason.set(problem);
            return;
        }
        String policy = text.get();
        String apiId = loadedApiId;
        BackgroundTask.of(() -> EngineTools.checkResourcePolicyRequest(policy, apiId, stageName, m, p, ip, false))
                .onSuccess(this::showVerdict)
                .onFailure(e -> reason.set("Cannot check the request: " + e.getMessage()))
                .runWith(workbench.tasks());
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void showVerdict(Verdict v) {
        outcome.set(v.outcome());
        outcomeText.set(switch (v.outcome()) {
            case ALLOW -> "Allow";
            case EXPLICIT_DENY -> "Deny (explicit)";
            case IMPLICIT_DENY -> "Deny (implicit)";
            case UNREADABLE -> "500: policy unreadable";
        });
        reason.set(v.reason());
        methodArn.set(v.methodArn());
    }

    private void onApi(ApiDefinition api) {
        hasApi.set(api != null);
        if (api == null) {
            loadedApiId = null;
            title.set("Resource policy");
            baseline = "";
            text.set("");
            showStages(List.of());
            check();
            return;
        }
        title.set("Resource policy of " + api.restApi().name());
        String stored = Objects.requireNonNullElse(api.restApi().policy(), "");
        boolean sameApi = api.id().equals(loadedApiId);
        loadedApiId = api.id();
        if (!sameApi || !dirty.get()) {
            // another API, or an undo/redo or a change on disk while nothing is being edited: show what is stored
            baseline = stored;
            text.set(stored);
            updateDirty();
            check(); // also when the text did not change (no listener call): the summary must describe it
            if (!sameApi) {
                outcome.set(null);
                outcomeText.set("");
                reason.set("");
                methodArn.set("");
                status.set("");
            }
        } else {
            baseline = stored;
            updateDirty();
        }
        loadStages(api.id());
    }

    private void loadStages(String apiId) {
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return;
        stageLoading.run(BackgroundTask.of(() -> session.stages(apiId).stream().map(Stage::stageName).toList())
                .onSuccess(names -> {
                    if (apiId.equals(loadedApiId)) showStages(names);
                })
                .onFailure(e -> showStages(List.of())));
    }

    /** Offers exactly these stages; keeps the chosen one while it exists, else the first (none when there is none). */
    private void showStages(List<String> names) {
        if (!names.equals(stageChoices)) stageChoices.setAll(names);
        String chosen = stage.get(); // List.of(...).contains(null) throws
        if (chosen == null || !names.contains(chosen)) stage.set(names.isEmpty() ? null : names.getFirst());
        hasStages.set(!names.isEmpty());
        stageNote.set(names.isEmpty() && loadedApiId != null ? NO_STAGES : "");
    }

    private void check() {
        String policy = text.get();
        String apiId = loadedApiId;
        if (apiId == null) {
            checking.cancel();
            problems.clear();
            showSummary(List.of(), policy);
            return;
        }
        checked.set(false);
        updateCanSave();
        checking.run(BackgroundTask.of(() -> EngineTools.resourcePolicyProblems(policy, apiId))
                .onSuccess(found -> {
                    problems.setAll(found);
                    showSummary(found, policy);
                    checked.set(true);
                    updateCanSave();
                })
                .onFailure(e -> {
                    summary.set("Cannot check the policy: " + e.getMessage());
                    checked.set(true);
                    updateCanSave();
                }));
    }

    private void showSummary(List<Problem> found, String policy) {
        long errors = found.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = found.size() - errors;
        if (policy == null || policy.isBlank()) {
            summary.set("No resource policy: every caller may invoke the API. Insert a template to start.");
        } else if (found.isEmpty()) {
            summary.set("No problems: the engine enforces every statement of this policy.");
        } else {
            summary.set(count(errors, "error") + ", " + count(warnings, "warning")
                    + (errors > 0 ? ": fix the errors to save (AWS refuses such a policy too)." : ": AWS accepts this policy; read the warnings."));
        }
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private void updateDirty() {
        hasPolicy.set(hasApi.get() && !baseline.isBlank());
        dirty.set(hasApi.get() && !Objects.equals(text.get(), baseline));
        workbench.setUnsaved(this, dirty.get());
        updateCanSave();
    }

    private void updateCanSave() {
        boolean errors = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
        canSave.set(dirty.get() && checked.get() && !errors && loadedApiId != null);
    }
}

package dev.gatehouse.app.deploy;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Stage;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Deploy dialog's state: deploy the selected API's draft to a new stage (its name checked with AWS's rules
 * as it is typed) or to an existing one, with a description. {@link #deploy} runs the engine's deploy on the
 * workbench's task runner; success is published as {@link #lastDeploymentProperty()} and passed to the
 * {@code onDeployed} callback (the composition root shows a notification), failure shows AWS's message in an
 * error dialog. An API without methods, which AWS refuses to deploy ("The REST API doesn't contain any methods"), is
 * said so in plain words before anyone presses Deploy ({@link #nothingToDeployProperty()}), and Deploy is off.
 * Before deploying it lists the methods a deployed stage
 * will refuse because they require a check the engine cannot run yet (API key, authorizer, IAM): fail closed.
 *
 * <p>FX thread only (or the test thread with a same-thread runner).
 */
public final class DeployViewModel {
    /** AWS's CreateDeployment answer (400 BadRequestException) for an API without methods, as the engine gives it. */
    static final String AWS_NO_METHODS = "The REST API doesn't contain any methods";

    /** A finished deploy: which API, stage and deployment. */
    public record Deployed(String apiId, String apiName, String stageName, String deploymentId) {}

    private final Workbench workbench;
    private final Consumer<Deployed> onDeployed;
    private final ObservableList<String> existingStages = FXCollections.observableArrayList();
    private final ObservableList<String> accessWarnings = FXCollections.observableArrayList();
    private final ObservableList<String> accessWarningsReadOnly = FXCollections.unmodifiableObservableList(accessWarnings);
    private final BooleanProperty newStage = new SimpleBooleanProperty(this, "newStage", true);
    private final StringProperty newStageName = new SimpleStringProperty(this, "newStageName", "");
    private final StringProperty existingStage = new SimpleStringProperty(this, "existingStage");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ReadOnlyStringWrapper stageError = new ReadOnlyStringWrapper(this, "stageError", "");
    private final ReadOnlyStringWrapper apiName = new ReadOnlyStringWrapper(this, "apiName", "");
    private final ReadOnlyStringWrapper nothingToDeploy = new ReadOnlyStringWrapper(this, "nothingToDeploy", "");
    private final ReadOnlyBooleanWrapper deploying = new ReadOnlyBooleanWrapper(this, "deploying");
    private final ReadOnlyObjectWrapper<Deployed> lastDeployment = new ReadOnlyObjectWrapper<>(this, "lastDeployment");
    private final BooleanBinding canDeploy;

    public DeployViewModel(Workbench workbench, Consumer<Deployed> onDeployed) {
        this.workbench = workbench;
        this.onDeployed = onDeployed == null ? d -> {} : onDeployed;
        newStage.addListener((obs, old, v) -> validate());
        newStageName.addListener((obs, old, v) -> validate());
        existingStage.addListener((obs, old, v) -> validate());
        existingStages.addListener((javafx.collections.ListChangeListener<String>) c -> validate());
        // adding a method while the dialog is open replaces the selected API: Deploy comes on then
        workbench.selectedApiProperty().addListener((obs, old, api) -> nothingToDeploy.set(nothingToDeployMessage(api)));
        nothingToDeploy.set(nothingToDeployMessage(workbench.selectedApi().orElse(null)));
        canDeploy = Bindings.createBooleanBinding(() -> !deploying.get() && stageError.get().isEmpty()
                        && !targetStage().isEmpty() && workbench.selectedApi().isPresent() && nothingToDeploy.get().isEmpty(),
                deploying, stageError, newStage, newStageName, existingStage, workbench.selectedApiProperty(), nothingToDeploy);
        validate();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    /** The selected API's stages, by name (loaded by {@link #prepare}). */
    public ObservableList<String> existingStages() { return existingStages; }

    /**
     * One sentence per method the deployed stage will refuse (it requires an authorizer, IAM or an API key from an authorizer, which
     * the local engine cannot check yet); empty when every method is open. Loaded by {@link #prepare}.
     */
    public ObservableList<String> accessWarnings() { return accessWarningsReadOnly; }

    /** True to create a stage named {@link #newStageNameProperty()}, false to deploy to {@link #existingStageProperty()}. */
    public BooleanProperty newStageProperty() { return newStage; }

    public StringProperty newStageNameProperty() { return newStageName; }

    public StringProperty existingStageProperty() { return existingStage; }

    /** The deployment's description (may be empty). */
    public StringProperty descriptionProperty() { return description; }

    /** AWS's message for the stage name as typed ("Stage name only allows a-zA-Z0-9_-"), or empty when fine. */
    public ReadOnlyStringProperty stageErrorProperty() { return stageError.getReadOnlyProperty(); }

    /** The name of the API being deployed, for the dialog's header. */
    public ReadOnlyStringProperty apiNameProperty() { return apiName.getReadOnlyProperty(); }

    /**
     * Why there is nothing to deploy, in plain words with what to do ("Toys has no methods yet …"), or empty when
     * the API has a method. AWS refuses such a deploy with "The REST API doesn't contain any methods".
     */
    public ReadOnlyStringProperty nothingToDeployProperty() { return nothingToDeploy.getReadOnlyProperty(); }

    /** True while the deploy runs in the background. */
    public ReadOnlyBooleanProperty deployingProperty() { return deploying.getReadOnlyProperty(); }

    /** True when the stage is valid, an API is selected and no deploy is running. */
    public BooleanBinding canDeployProperty() { return canDeploy; }

    /** The most recent successful deploy from this dialog. */
    public ReadOnlyObjectProperty<Deployed> lastDeploymentProperty() { return lastDeployment.getReadOnlyProperty(); }

    /** The stage the deploy will target: the new name, trimmed, or the chosen existing stage. */
    public String targetStage() {
        String name = newStage.get() ? newStageName.get() : existingStage.get();
        return name == null ? "" : name.trim();
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /**
     * Resets the dialog for the selected API and loads its stages; {@code preferredStage} (the stage in view) is
     * chosen when it exists, else the first stage, else a new stage named {@code dev}.
     */
    public void prepare(String preferredStage) {
        description.set("");
        lastDeployment.set(null);
        ApiDefinition api = workbench.selectedApi().orElse(null);
        apiName.set(api == null ? "" : api.name());
        existingStages.clear();
        accessWarnings.clear();
        existingStage.set(null);
        newStageName.set("dev");
        newStage.set(true);
        WorkspaceSession session = workbench.session().orElse(null);
        if (api == null || session == null) return;
        workbench.tasks().run(() -> new Prepared(session.stages(api.id()).stream().map(Stage::stageName).sorted().toList(),
                        session.accessWarnings(api.id())),
                prepared -> showStages(prepared, preferredStage), e -> workbench.dialogs().showError("Cannot read the stages", e));
    }

    private record Prepared(List<String> stageNames, List<String> accessWarnings) {}

    private void showStages(Prepared prepared, String preferredStage) {
        accessWarnings.setAll(prepared.accessWarnings());
        List<String> names = prepared.stageNames();
        existingStages.setAll(names);
        if (names.isEmpty()) return;
        existingStage.set(names.contains(preferredStage) ? preferredStage : names.getFirst());
        newStage.set(false);
    }

    /** Deploys in the background; does nothing while the stage is invalid or another deploy runs. */
    public void deploy() {
        if (!canDeploy.get()) return;
        ApiDefinition api = workbench.selectedApi().orElseThrow();
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) {
            workbench.dialogs().showError("Cannot deploy", "No workspace is open");
            return;
        }
        String stageName = targetStage();
        String text = description.get() == null || description.get().isBlank() ? null : description.get().trim();
        deploying.set(true);
        record Served(DeploymentSnapshot snapshot, String invokeUrl) {}
        workbench.tasks().run(() -> {
            DeploymentSnapshot snapshot = session.deploy(api.id(), stageName, text);
            return new Served(snapshot, session.invokeUrl(api.id(), stageName).orElse(null));
        }, (Served served) -> {
            deploying.set(false);
            Deployed done = new Deployed(api.id(), api.name(), stageName, served.snapshot().deployment().id());
            lastDeployment.set(done);
            // where to call it next: the first thing a new user asks after deploying
            workbench.dialogs().notify("Deployed " + api.name(), "Stage " + stageName + " now serves deployment "
                    + done.deploymentId() + (text == null ? "" : ": " + text)
                    + (served.invokeUrl() == null ? "" : "\nInvoke URL: " + served.invokeUrl()));
            onDeployed.accept(done);
        }, e -> {
            deploying.set(false);
            if (e instanceof DefinitionException && AWS_NO_METHODS.equals(e.getMessage())) {
                // the methods were removed meanwhile (another process, undo): the same plain words as before deploying
                workbench.dialogs().showError("Cannot deploy " + api.name(), noMethodsMessage(api.name()));
            } else if (e instanceof DefinitionException) workbench.dialogs().showError("Cannot deploy " + api.name(), e.getMessage());
            else workbench.dialogs().showError("Cannot deploy " + api.name(), e);
        });
    }

    // ---- internals -------------------------------------------------------------------------------------------

    /** The plain-words reason an API cannot be deployed for want of methods, or empty. */
    static String nothingToDeployMessage(ApiDefinition api) {
        if (api == null || api.methodCount() > 0) return "";
        return noMethodsMessage(api.name());
    }

    static String noMethodsMessage(String apiName) {
        return apiName + " has no methods yet, so there is nothing to deploy. Add one first: on the Resources page "
                + "select a resource (/ is the root) and choose Add method. (API Gateway refuses this deploy too: \""
                + AWS_NO_METHODS + "\".)";
    }

    private void validate() {
        if (!newStage.get()) {
            stageError.set(existingStage.get() == null ? "Choose a stage" : "");
            return;
        }
        String name = newStageName.get() == null ? "" : newStageName.get().trim();
        try {
            DefinitionValidator.checkStageName(name);
            stageError.set(existingStages.contains(name) ? "Stage already exists" : "");
        } catch (DefinitionException e) {
            stageError.set(e.getMessage());
        }
    }
}

package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Deployment;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.Instant;
import java.util.List;

/**
 * One user-level change to a workspace, as a command object (Scene Builder's {@code Job}): a description for the
 * Edit menu ("Create resource /pets", "Delete stage prod") and a plan that turns the current state into the
 * document {@link Change}s, each with its before and after value. {@link Workspace#apply} plans the edit under
 * the writer lock, writes the changes and returns them as an {@link AppliedEdit}, which is what undo and redo use
 * ({@link EditHistory}).
 *
 * <p>The factories below are the edits the product has. Any change to an API's definition — from the console, an
 * OpenAPI import in overwrite or merge mode, the control-plane API — is {@link #replaceApi}: compute the new
 * {@link ApiDefinition} with its {@code with...} and tree methods, then replace, naming the edit with
 * {@link #describedAs}. Several edits that belong together (an import creating an API and marking it default)
 * become one undoable step with {@link #all}.
 *
 * <p>{@link #plan} runs on the writer's thread, under the writer lock, against the newest state; it must be a
 * pure function of that state. It fails with {@link dev.gatehouse.engine.model.DefinitionException} (AWS's kind
 * and message: 404 unknown API, 409 name taken, 400 a definition breaking AWS's rules) or
 * {@link WorkspaceException}; nothing is written then.
 */
public interface Edit {

    /** What the Edit menu shows after "Undo"/"Redo", e.g. "Create resource /pets". */
    String description();

    /**
     * The document changes that make this edit on {@code state}; no-op changes may be included (they are dropped).
     * Order matters only between documents that depend on each other, e.g. a deployment before the stage that
     * points at it.
     */
    List<Change<?>> plan(WorkspaceState state);

    /** Marks an edit that carries no {@link #baseRevision()}. */
    long NO_BASE = -1;

    /**
     * The {@link Workspace#revision() revision} of the workspace the edit was made on, i.e. what the person
     * making it saw (the console passes the revision its screens show); {@link #NO_BASE} when the edit is simply
     * planned on the newest state (the CLI, the control plane). With a base, {@link Workspace#apply} first reads
     * what other processes wrote and refuses the edit, naming the place, when it would overwrite something another
     * process changed in a document since that revision (see {@link EditConflict}); otherwise it is rebased onto
     * their version.
     */
    default long baseRevision() {
        return NO_BASE;
    }

    /** This edit, made on the workspace as it was at {@code revision} (see {@link #baseRevision()}). */
    default Edit basedOn(long revision) {
        return wrap(this, description(), revision);
    }

    /** The same edit under another description, e.g. {@code replaceApi(api).describedAs("Create resource /pets")}. */
    default Edit describedAs(String newDescription) {
        return wrap(this, newDescription, baseRevision());
    }

    private static Edit wrap(Edit self, String description, long base) {
        return new Edit() {
            @Override public String description() {
                return description;
            }

            @Override public long baseRevision() {
                return base;
            }

            @Override public List<Change<?>> plan(WorkspaceState state) {
                return self.plan(state);
            }
        };
    }

    // ---- APIs ------------------------------------------------------------------------------------------------

    /** Adds a new API (409 if its id exists; 400 if it breaks AWS's rules). "Create API {name}". */
    static Edit createApi(ApiDefinition api) {
        return StandardEdits.createApi(api);
    }

    /** Replaces an existing API's whole definition (404 if unknown; 400 if it breaks AWS's rules). "Change API {name}". */
    static Edit replaceApi(ApiDefinition api) {
        return StandardEdits.replaceApi(api);
    }

    /** Deletes an API with its stages and deployments, and unmarks it as default. "Delete API {name}". */
    static Edit deleteApi(String apiId) {
        return StandardEdits.deleteApi(apiId);
    }

    /** Marks the API that plain {@code /{stage}/...} URLs reach; null clears the mark. */
    static Edit setDefaultApi(String apiIdOrNull) {
        return StandardEdits.setDefaultApi(apiIdOrNull);
    }

    // ---- stages and deployments ------------------------------------------------------------------------------

    /** Creates or replaces a stage; its deployment (and canary deployment) must exist. "Save stage {name}". */
    static Edit putStage(String apiId, Stage stage) {
        return StandardEdits.putStage(apiId, stage);
    }

    /** Deletes a stage (404 if unknown). "Delete stage {name}". */
    static Edit deleteStage(String apiId, String stageName) {
        return StandardEdits.deleteStage(apiId, stageName);
    }

    /**
     * Deletes a deployment no stage serves (AWS's DeleteDeployment): 404 "Invalid Deployment identifier specified"
     * if unknown, 400 "Active stages pointing to this deployment must be moved or deleted" while a stage (or a
     * stage's canary) points at it. "Delete deployment {id}".
     */
    static Edit deleteDeployment(String apiId, String deploymentId) {
        return StandardEdits.deleteDeployment(apiId, deploymentId);
    }

    /**
     * Changes a deployment's description, the one field AWS's UpdateDeployment changes (what the deployment froze
     * stays as it is): 404 "Invalid Deployment identifier specified" if unknown. "Describe deployment {id}".
     */
    static Edit describeDeployment(String apiId, String deploymentId, String description) {
        return StandardEdits.describeDeployment(apiId, deploymentId, description);
    }

    /** Renames a stage, keeping its settings (409 if the new name is taken). "Rename stage {from} to {to}". */
    static Edit renameStage(String apiId, String from, String to, Instant now) {
        return StandardEdits.renameStage(apiId, from, to, now);
    }

    /**
     * Writes a deployment and, when {@code stage} is not null, points that stage at it (its deploymentId must be
     * the snapshot's). The deployment file is permanent: undo moves the stage back but keeps the file.
     * "Deploy {api} to {stage}" or "Create deployment {id}".
     */
    static Edit deploy(String apiId, DeploymentSnapshot snapshot, Stage stage) {
        return StandardEdits.deploy(apiId, snapshot, stage);
    }

    /**
     * Deploys the API's draft as it is when the edit is applied (so the snapshot is exactly what is stored) to
     * {@code stageName}, creating the stage if needed; null deploys without a stage.
     */
    static Edit deployDraft(String apiId, Deployment deployment, String stageName, Instant now) {
        return StandardEdits.deployDraft(apiId, deployment, stageName, now);
    }

    /**
     * Stores exactly {@code snapshot} (already compiled by the caller, so what is served is what is stored) and
     * points {@code stageName} at it, creating the stage if needed and adding or replacing {@code variables} on it,
     * as one undoable edit; null deploys without a stage. "Deploy to {stage}".
     */
    static Edit deploySnapshot(String apiId, DeploymentSnapshot snapshot, String stageName,
                               java.util.Map<String, String> variables, Instant now) {
        return StandardEdits.deploySnapshot(apiId, snapshot, stageName, variables, now);
    }

    // ---- keys, plans, domains --------------------------------------------------------------------------------

    /** Creates or replaces an API key (409 if another key has the same value). "Save API key {name}". */
    static Edit putApiKey(ApiKey key) {
        return StandardEdits.putApiKey(key);
    }

    /** Deletes an API key and removes it from the usage plans holding it. "Delete API key {name}". */
    static Edit deleteApiKey(String id) {
        return StandardEdits.deleteApiKey(id);
    }

    /** Creates or replaces a usage plan; its API stages and keys must exist. "Save usage plan {name}". */
    static Edit putUsagePlan(UsagePlan plan) {
        return StandardEdits.putUsagePlan(plan);
    }

    /** Deletes a usage plan (404 if unknown). "Delete usage plan {name}". */
    static Edit deleteUsagePlan(String id) {
        return StandardEdits.deleteUsagePlan(id);
    }

    /** Creates or replaces a custom domain name; the APIs its base paths map to must exist. */
    static Edit putDomainName(DomainName domainName) {
        return StandardEdits.putDomainName(domainName);
    }

    /** Deletes a custom domain name (404 if unknown). */
    static Edit deleteDomainName(String domainName) {
        return StandardEdits.deleteDomainName(domainName);
    }

    // ---- composition -----------------------------------------------------------------------------------------

    /** Several edits as one step: each plans against the state the previous ones left; one undo reverts all. */
    static Edit all(String description, List<Edit> edits) {
        return StandardEdits.all(description, edits);
    }
}

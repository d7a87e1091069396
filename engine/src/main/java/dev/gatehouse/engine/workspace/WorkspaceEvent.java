package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;

/**
 * What changed in a workspace, one event per document, sent to {@link WorkspaceListener}s once the change is on
 * disk. In the "changed" events {@code before} is null for a creation and {@code after} null for a deletion.
 * Every event of one edit carries the same {@code revision}.
 */
public sealed interface WorkspaceEvent {

    /** The workspace revision the edit produced; events of one edit share it. */
    long revision();

    /** Builds the event for one applied document change. */
    static WorkspaceEvent of(Change<?> change, long revision) {
        Object before = change.before();
        Object after = change.after();
        return switch (change.key()) {
            case DocKey.SettingsDoc k -> new SettingsChanged(revision, (WorkspaceSettings) before, (WorkspaceSettings) after);
            case DocKey.ApiDoc k -> new ApiChanged(revision, k.apiId(), (ApiDefinition) before, (ApiDefinition) after);
            case DocKey.StageDoc k -> new StageChanged(revision, k.apiId(), k.stageName(), (Stage) before, (Stage) after);
            case DocKey.DeploymentDoc k -> after == null ? new DeploymentRemoved(revision, k.apiId(), (DeploymentSnapshot) before)
                    : before == null ? new DeploymentCreated(revision, k.apiId(), (DeploymentSnapshot) after)
                    : new DeploymentDescribed(revision, k.apiId(), (DeploymentSnapshot) before, (DeploymentSnapshot) after);
            case DocKey.ApiKeyDoc k -> new ApiKeyChanged(revision, k.id(), (ApiKey) before, (ApiKey) after);
            case DocKey.UsagePlanDoc k -> new UsagePlanChanged(revision, k.id(), (UsagePlan) before, (UsagePlan) after);
            case DocKey.DomainNameDoc k -> new DomainNameChanged(revision, k.domainName(), (DomainName) before, (DomainName) after);
        };
    }

    /** {@code workspace.json}: the name or the default API. */
    record SettingsChanged(long revision, WorkspaceSettings before, WorkspaceSettings after) implements WorkspaceEvent {}

    /** An API's definition (the draft) was created, changed or deleted. */
    record ApiChanged(long revision, String apiId, ApiDefinition before, ApiDefinition after) implements WorkspaceEvent {}

    /** A stage was created, changed (e.g. pointed at a new deployment) or deleted. */
    record StageChanged(long revision, String apiId, String stageName, Stage before, Stage after) implements WorkspaceEvent {}

    /** A deployment was written. Followed by the {@link StageChanged} of the stage deployed to, if any. */
    record DeploymentCreated(long revision, String apiId, DeploymentSnapshot deployment) implements WorkspaceEvent {}

    /** A deployment's description changed (AWS's UpdateDeployment); what it froze did not. */
    record DeploymentDescribed(long revision, String apiId, DeploymentSnapshot before, DeploymentSnapshot after)
            implements WorkspaceEvent {}

    /** A deployment was removed, which happens only with its API. */
    record DeploymentRemoved(long revision, String apiId, DeploymentSnapshot deployment) implements WorkspaceEvent {}

    record ApiKeyChanged(long revision, String id, ApiKey before, ApiKey after) implements WorkspaceEvent {}

    record UsagePlanChanged(long revision, String id, UsagePlan before, UsagePlan after) implements WorkspaceEvent {}

    record DomainNameChanged(long revision, String domainName, DomainName before, DomainName after) implements WorkspaceEvent {}
}

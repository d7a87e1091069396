package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Names one document of a workspace (one file) and the type stored in it. {@link Change}s and
 * {@link WorkspaceState#get} are keyed by these.
 *
 * @param <T> the record stored in the document
 */
public sealed interface DocKey<T> {

    /** Path of the file relative to the workspace folder (see {@code Layout}). */
    Path relativePath();

    /** The record type stored in the file. */
    Class<T> type();

    /** {@code workspace.json}. */
    record SettingsDoc() implements DocKey<WorkspaceSettings> {
        public Path relativePath() { return Path.of(Layout.SETTINGS); }
        public Class<WorkspaceSettings> type() { return WorkspaceSettings.class; }
    }

    /** {@code apis/{apiId}/api.json}. */
    record ApiDoc(String apiId) implements DocKey<ApiDefinition> {
        public ApiDoc { Objects.requireNonNull(apiId, "apiId"); }
        public Path relativePath() { return Layout.apiFile(apiId); }
        public Class<ApiDefinition> type() { return ApiDefinition.class; }
    }

    /** {@code apis/{apiId}/stages/{stageName}.json}. */
    record StageDoc(String apiId, String stageName) implements DocKey<Stage> {
        public StageDoc { Objects.requireNonNull(apiId, "apiId"); Objects.requireNonNull(stageName, "stageName"); }
        public Path relativePath() { return Layout.stageFile(apiId, stageName); }
        public Class<Stage> type() { return Stage.class; }
    }

    /** {@code apis/{apiId}/deployments/{deploymentId}.json}; written once, never replaced. */
    record DeploymentDoc(String apiId, String deploymentId) implements DocKey<DeploymentSnapshot> {
        public DeploymentDoc { Objects.requireNonNull(apiId, "apiId"); Objects.requireNonNull(deploymentId, "deploymentId"); }
        public Path relativePath() { return Layout.deploymentFile(apiId, deploymentId); }
        public Class<DeploymentSnapshot> type() { return DeploymentSnapshot.class; }
    }

    /** {@code apikeys/{id}.json}. */
    record ApiKeyDoc(String id) implements DocKey<ApiKey> {
        public ApiKeyDoc { Objects.requireNonNull(id, "id"); }
        public Path relativePath() { return Layout.apiKeyFile(id); }
        public Class<ApiKey> type() { return ApiKey.class; }
    }

    /** {@code usageplans/{id}.json}. */
    record UsagePlanDoc(String id) implements DocKey<UsagePlan> {
        public UsagePlanDoc { Objects.requireNonNull(id, "id"); }
        public Path relativePath() { return Layout.usagePlanFile(id); }
        public Class<UsagePlan> type() { return UsagePlan.class; }
    }

    /** {@code domainnames/{domainName}.json}. */
    record DomainNameDoc(String domainName) implements DocKey<DomainName> {
        public DomainNameDoc { Objects.requireNonNull(domainName, "domainName"); }
        public Path relativePath() { return Layout.domainNameFile(domainName); }
        public Class<DomainName> type() { return DomainName.class; }
    }
}

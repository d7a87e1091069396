package dev.gatehouse.engine.model;

import java.util.Map;

/**
 * A named stage pointing at a deployment (AWS {@code Stage}), with its variables and settings.
 *
 * @param methodSettings {@code "*}{@code /*"} or {@code "{resourcePath}/{METHOD}"} → settings
 * @param variables      stage variables
 */
public record Stage(
        String stageName,
        String description,
        String deploymentId,
        String clientCertificateId,
        Boolean cacheClusterEnabled,
        String cacheClusterSize,
        String cacheClusterStatus,
        Map<String, MethodSetting> methodSettings,
        Map<String, String> variables,
        String documentationVersion,
        AccessLogSettings accessLogSettings,
        CanarySettings canarySettings,
        Boolean tracingEnabled,
        String webAclArn,
        Map<String, String> tags,
        Long createdDate,
        Long lastUpdatedDate) {

    public Stage {
        if (cacheClusterEnabled == null) cacheClusterEnabled = Boolean.FALSE;
        if (cacheClusterStatus == null) cacheClusterStatus = cacheClusterEnabled ? "AVAILABLE" : "NOT_AVAILABLE";
        methodSettings = Copies.map(methodSettings);
        variables = Copies.map(variables);
        if (tracingEnabled == null) tracingEnabled = Boolean.FALSE;
        tags = Copies.map(tags);
    }

    public static Stage of(String stageName, String deploymentId, long now) {
        return new Stage(stageName, null, deploymentId, null, null, null, null, null, null, null, null, null,
                null, null, null, now, now);
    }

    public Stage withDeploymentId(String id, long now) {
        return new Stage(stageName, description, id, clientCertificateId, cacheClusterEnabled, cacheClusterSize,
                cacheClusterStatus, methodSettings, variables, documentationVersion, accessLogSettings,
                canarySettings, tracingEnabled, webAclArn, tags, createdDate, now);
    }

    public Stage withVariables(Map<String, String> vars, long now) {
        return new Stage(stageName, description, deploymentId, clientCertificateId, cacheClusterEnabled, cacheClusterSize,
                cacheClusterStatus, methodSettings, vars, documentationVersion, accessLogSettings,
                canarySettings, tracingEnabled, webAclArn, tags, createdDate, now);
    }

    public Stage withDescription(String text, long now) {
        return new Stage(stageName, text, deploymentId, clientCertificateId, cacheClusterEnabled, cacheClusterSize,
                cacheClusterStatus, methodSettings, variables, documentationVersion, accessLogSettings,
                canarySettings, tracingEnabled, webAclArn, tags, createdDate, now);
    }

    public Stage withCanarySettings(CanarySettings canary, long now) {
        return new Stage(stageName, description, deploymentId, clientCertificateId, cacheClusterEnabled, cacheClusterSize,
                cacheClusterStatus, methodSettings, variables, documentationVersion, accessLogSettings,
                canary, tracingEnabled, webAclArn, tags, createdDate, now);
    }

    /** Turns the stage's cache cluster on (with AWS's smallest size, 0.5 GB, when none is set) or off. */
    public Stage withCacheCluster(boolean enabled, String size, long now) {
        String s = enabled && size == null ? "0.5" : size;
        return new Stage(stageName, description, deploymentId, clientCertificateId, enabled, s,
                enabled ? "AVAILABLE" : "NOT_AVAILABLE", methodSettings, variables, documentationVersion,
                accessLogSettings, canarySettings, tracingEnabled, webAclArn, tags, createdDate, now);
    }

    public Stage withMethodSettings(Map<String, MethodSetting> settings, long now) {
        return new Stage(stageName, description, deploymentId, clientCertificateId, cacheClusterEnabled, cacheClusterSize,
                cacheClusterStatus, settings, variables, documentationVersion, accessLogSettings,
                canarySettings, tracingEnabled, webAclArn, tags, createdDate, now);
    }

    /** Per-method (or {@code *}{@code /*}) settings: throttling, caching, logging, metrics. */
    public record MethodSetting(Boolean metricsEnabled, LoggingLevel loggingLevel, Boolean dataTraceEnabled,
                                Integer throttlingBurstLimit, Double throttlingRateLimit, Boolean cachingEnabled,
                                Integer cacheTtlInSeconds, Boolean cacheDataEncrypted,
                                Boolean requireAuthorizationForCacheControl,
                                UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy) {}

    /** Where and how access logs are written. */
    public record AccessLogSettings(String format, String destinationArn) {}

    /** A canary release on a stage: a share of traffic to another deployment, with variable overrides. */
    public record CanarySettings(Double percentTraffic, String deploymentId, Map<String, String> stageVariableOverrides,
                                 Boolean useStageCache) {
        public CanarySettings {
            if (percentTraffic == null) percentTraffic = 0.0;
            stageVariableOverrides = Copies.map(stageVariableOverrides);
            if (useStageCache == null) useStageCache = Boolean.FALSE;
        }
    }
}

package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import java.util.Map;

/**
 * What one stage asks to be observed, from its AWS fields: {@code methodSettings} ({@code metricsEnabled},
 * {@code loggingLevel}, {@code dataTraceEnabled}, per {@code {resourcePath}/{METHOD}} or {@code *}{@code /*}) and
 * {@code accessLogSettings.format}. Immutable; looked up on request threads and the writer thread.
 *
 * @param apiName         the API's name (the {@code ApiName} dimension)
 * @param accessLogFormat the access-log format, or null when access logging is off
 */
public record StageObserveSettings(String apiId, String apiName, String stageName,
                                   Map<String, Stage.MethodSetting> methodSettings, String accessLogFormat,
                                   boolean cacheClusterEnabled) {

    public StageObserveSettings {
        methodSettings = Map.copyOf(methodSettings);
    }

    public static StageObserveSettings of(String apiId, String apiName, Stage stage) {
        Stage.AccessLogSettings access = stage.accessLogSettings();
        String format = access == null || access.format() == null || access.format().isBlank() ? null : access.format();
        return new StageObserveSettings(apiId, apiName, stage.stageName(), stage.methodSettings(), format,
                Boolean.TRUE.equals(stage.cacheClusterEnabled()));
    }

    /** The method's own setting, else {@code *}{@code /*}, as AWS resolves them (the path may be written with ~1). */
    Stage.MethodSetting setting(String resourcePath, String httpMethod) {
        if (methodSettings.isEmpty() || resourcePath == null) return methodSettings.get("*/*");
        if (methodSettings.size() == 1) { // only */* (the usual stage): no key to build per request
            Stage.MethodSetting star = methodSettings.get("*/*");
            if (star != null) return star;
        }
        Stage.MethodSetting own = methodSettings.get(resourcePath + "/" + httpMethod);
        if (own == null) own = methodSettings.get(resourcePath.replace("/", "~1") + "/" + httpMethod);
        return own != null ? own : methodSettings.get("*/*");
    }

    /** AWS's default is OFF. */
    public LoggingLevel loggingLevel(String resourcePath, String httpMethod) {
        Stage.MethodSetting s = setting(resourcePath, httpMethod);
        return s == null || s.loggingLevel() == null ? LoggingLevel.OFF : s.loggingLevel();
    }

    /** Full request/response data in the execution log; AWS's default is false. */
    public boolean dataTrace(String resourcePath, String httpMethod) {
        Stage.MethodSetting s = setting(resourcePath, httpMethod);
        return s != null && Boolean.TRUE.equals(s.dataTraceEnabled());
    }

    /** Per-method (detailed) metrics; AWS's default is false. Stage-level metrics are always kept. */
    public boolean metricsEnabled(String resourcePath, String httpMethod) {
        Stage.MethodSetting s = setting(resourcePath, httpMethod);
        return s != null && Boolean.TRUE.equals(s.metricsEnabled());
    }

    /** Whether any method of the stage has detailed metrics on (the stage then appears on {@code /metrics}). */
    public boolean anyMetricsEnabled() {
        return methodSettings.values().stream().anyMatch(s -> Boolean.TRUE.equals(s.metricsEnabled()));
    }

    /** Whether the cache filter's lookups for this method count as CacheHitCount / CacheMissCount. */
    public boolean cachingEnabled(String resourcePath, String httpMethod) {
        if (!cacheClusterEnabled) return false;
        Stage.MethodSetting s = setting(resourcePath, httpMethod);
        return s != null && s.cachingEnabled() != null ? s.cachingEnabled() : "GET".equals(httpMethod);
    }
}

package dev.gatehouse.engine.caching;

import com.github.benmanes.caffeine.cache.Cache;
import dev.gatehouse.engine.access.AccessDirectory;
import dev.gatehouse.engine.access.AccessState;
import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UnauthorizedCacheControlHeaderStrategy;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cache slot (after validation, before the mapping legs, so a hit skips the integration and both mappings):
 * serves a method response from the stage's cache when the stage has its cache cluster on and the method caches
 * (AWS: GET methods by default; any method through its {@code cachingEnabled} method setting), else runs the rest and
 * stores a successful response of at most 1 MB for the method's TTL (default 300 s, 0 = off; aws-reference §2.1).
 *
 * <p>{@code Cache-Control: max-age=0} asks for a fresh response. AWS honours it only from callers allowed
 * {@code execute-api:InvalidateCache} when {@code requireAuthorizationForCacheControl} is on (the default); no caller
 * can prove that here yet (no IAM), so such requests are handled by the method's
 * {@code unauthorizedCacheControlHeaderStrategy}: FAIL_WITH_403 refuses with 403, the SUCCEED strategies ignore the
 * header. With the requirement off, the entry is refreshed. Thread-safe.
 */
public final class CachingFilter implements Filter {

    /** AWS's default TTL and ceiling in seconds. */
    static final int DEFAULT_TTL = 300;
    static final int MAX_TTL = 3600;

    private final AccessState settings;
    private final StageCaches caches;
    private final String httpMethod;
    private final String resourcePath;
    private final List<String> keyParameters;
    private final CacheKey.Part[] keyParts;
    /** The stage's settings for this method as last resolved; recomputed when the directory or the stage changes. */
    private volatile Resolved last;

    /**
     * What the stage's settings say for this method, for one directory snapshot: resolving them per request cost
     * four string concatenations and map lookups on every cached request (the directory is replaced, never changed,
     * so its identity says when to look again).
     */
    private record Resolved(AccessDirectory directory, String apiId, String stageName, boolean on,
                            Stage.MethodSetting setting, int ttl) {
        boolean matches(AccessDirectory d, String api, String stage) {
            return directory == d && apiId.equals(api) && stageName.equals(stage);
        }
    }

    public CachingFilter(AccessState settings, StageCaches caches, String httpMethod, String resourcePath,
                         List<String> keyParameters) {
        this.settings = settings;
        this.caches = caches;
        this.httpMethod = httpMethod;
        this.resourcePath = resourcePath;
        this.keyParameters = List.copyOf(keyParameters);
        this.keyParts = CacheKey.parts(this.keyParameters);
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        String apiId = ctx.get(ContextKeys.API_ID);
        String stageName = ctx.get(ContextKeys.STAGE);
        Resolved r = resolve(apiId, stageName);
        if (!r.on()) return chain.proceed(request);
        Stage.MethodSetting setting = r.setting();
        int ttl = r.ttl();

        Cache<String, StageCaches.Entry> cache = caches.of(apiId, stageName);
        Map<String, String> pathParameters = ctx.getOrDefault(ContextKeys.PATH_PARAMETERS, Map.of());
        String key = CacheKey.of(httpMethod, resourcePath, keyParts, request, pathParameters);
        boolean refresh = asksForFreshResponse(request);
        if (refresh && requiresAuthorization(setting)) {
            if (strategy(setting) == UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403) {
                throw GatewayException.of(GatewayResponseType.ACCESS_DENIED, "Forbidden").withStatus(403)
                        .withLogLine("Execution failed: Cache-Control max-age=0 from a caller not allowed "
                                + "execute-api:InvalidateCache (unauthorizedCacheControlHeaderStrategy FAIL_WITH_403)");
            }
            refresh = false;
        }
        if (!refresh) {
            StageCaches.Entry hit = cache.getIfPresent(key);
            if (hit != null) return hit.response();
        }
        GatewayResponse response = chain.proceed(request);
        if (response.status() >= 200 && response.status() < 300 && response.body().length <= StageCaches.MAX_ENTRY_BYTES) {
            cache.put(key, new StageCaches.Entry(response, TimeUnit.SECONDS.toNanos(ttl)));
        }
        return response;
    }

    private Resolved resolve(String apiId, String stageName) {
        AccessDirectory directory = settings.directory();
        Resolved r = last;
        if (r != null && r.matches(directory, apiId, stageName)) return r;
        Stage stage = directory.stage(apiId, stageName).orElse(null);
        boolean on = false;
        Stage.MethodSetting setting = null;
        int ttl = 0;
        if (stage != null && Boolean.TRUE.equals(stage.cacheClusterEnabled())) {
            setting = directory.methodSetting(apiId, stageName, resourcePath, httpMethod);
            boolean enabled = setting != null && setting.cachingEnabled() != null ? setting.cachingEnabled()
                    : "GET".equals(httpMethod);
            ttl = setting != null && setting.cacheTtlInSeconds() != null
                    ? Math.min(setting.cacheTtlInSeconds(), MAX_TTL) : DEFAULT_TTL;
            on = enabled && ttl > 0;
        }
        r = new Resolved(directory, apiId, stageName, on, setting, ttl);
        last = r;
        return r;
    }

    private static boolean asksForFreshResponse(GatewayRequest request) {
        for (String value : request.headers().all("Cache-Control")) {
            for (String directive : value.split(",")) {
                if (directive.trim().replace(" ", "").equalsIgnoreCase("max-age=0")) return true;
            }
        }
        return false;
    }

    private static boolean requiresAuthorization(Stage.MethodSetting setting) {
        return setting == null || setting.requireAuthorizationForCacheControl() == null
                || setting.requireAuthorizationForCacheControl();
    }

    private static UnauthorizedCacheControlHeaderStrategy strategy(Stage.MethodSetting setting) {
        return setting == null || setting.unauthorizedCacheControlHeaderStrategy() == null
                ? UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER
                : setting.unauthorizedCacheControlHeaderStrategy();
    }

    @Override public String toString() {
        return "CachingFilter{" + httpMethod + " " + resourcePath + ", keys=" + keyParameters + "}";
    }

    /** Uses only the calling thread ({@link Waiting#NONE}): may run on the event loop itself. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.NONE;
    }
}

package dev.gatehouse.engine.caching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One response cache per stage, bounded by the bytes it holds: AWS sizes a cache cluster in GB (0.5 to 237); a
 * desktop engine keeps at most {@link #MAX_BYTES_PER_STAGE} per stage whatever the size says, so a cache never
 * costs more memory than a small browser tab. Each entry expires after its own TTL (the method's
 * {@code cacheTtlInSeconds}). Thread-safe.
 */
public final class StageCaches {

    /** AWS: responses larger than 1,048,576 bytes are not cached (aws-reference §2.1). */
    public static final int MAX_ENTRY_BYTES = 1_048_576;
    /** Local bound per stage, whatever {@code cacheClusterSize} says. */
    public static final long MAX_BYTES_PER_STAGE = 64L * 1024 * 1024;

    /** A cached method response and how long it lives. */
    record Entry(GatewayResponse response, long ttlNanos) {}

    private final ConcurrentMap<String, Cache<String, Entry>> caches = new ConcurrentHashMap<>();

    Cache<String, Entry> of(String apiId, String stage) {
        return caches.computeIfAbsent(apiId + "/" + stage, k -> Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES_PER_STAGE)
                .weigher((String key, Entry e) -> key.length() * 2 + e.response().body().length + 256)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override public long expireAfterCreate(String key, Entry e, long now) {
                        return e.ttlNanos();
                    }

                    @Override public long expireAfterUpdate(String key, Entry e, long now, long current) {
                        return e.ttlNanos();
                    }

                    @Override public long expireAfterRead(String key, Entry e, long now, long current) {
                        return current;
                    }
                })
                .build());
    }

    /** Drops every entry of a stage (AWS FlushStageCache). */
    public void flush(String apiId, String stage) {
        Cache<String, Entry> cache = caches.get(apiId + "/" + stage);
        if (cache != null) cache.invalidateAll();
    }

    /** Entries cached for a stage now (diagnostics, tests). */
    public long size(String apiId, String stage) {
        Cache<String, Entry> cache = caches.get(apiId + "/" + stage);
        if (cache == null) return 0;
        cache.cleanUp();
        return cache.estimatedSize();
    }
}

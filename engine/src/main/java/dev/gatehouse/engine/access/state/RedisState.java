package dev.gatehouse.engine.access.state;

import dev.gatehouse.engine.access.QuotaCounters;
import dev.gatehouse.engine.model.UsagePlan;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Buckets and quota counters in a Redis server shared by several engines. Buckets are Bucket4j's Redis backend
 * (compare-and-swap over Lettuce; each bucket expires once it would be full again, so idle buckets cost nothing);
 * quota counts are one counter per plan, key and UTC day ({@code INCR} + {@code EXPIRE}), checked and incremented
 * in one Lua script over the days of the quota period, so the check and the count are atomic across engines and a
 * quota is exact. An UpdateUsage correction is one more counter per period ({@code quota-correction:}), read by
 * the same script and set by another that computes it from the period's counts in Redis, so every engine sees it on
 * its next request. Day counters and corrections live {@value #USAGE_TTL_DAYS} days: long enough for a month's quota and GetUsage's
 * history.
 *
 * <p>Commands time out after {@link #COMMAND_TIMEOUT}; while the connection is down, commands are refused at once
 * (not queued) and Lettuce reconnects in the background, so a request never waits on a dead server for longer than
 * that. Every failure surfaces as {@link StateUnavailableException}. Thread-safe: one multiplexed connection serves
 * every request thread.
 */
public final class RedisState implements StateStore {

    /** A request waits at most this long on a Redis that is connected but does not answer. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    /** Connecting (TCP and handshake), at start and on each reconnect; a loaded machine needs more than a command. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int USAGE_TTL_DAYS = 70;
    private static final String PREFIX = "gatehouse:";

    /**
     * KEYS = the period's correction, then its day counters, today last; ARGV[1] = the limit (-1: none), ARGV[2] =
     * TTL in seconds. Returns the count after this request, or -1 when the quota was used up (nothing counted).
     */
    private static final String CONSUME = """
            local limit = tonumber(ARGV[1])
            if limit >= 0 then
              local used = 0
              for i = 1, #KEYS do used = used + tonumber(redis.call('GET', KEYS[i]) or '0') end
              if used >= limit then return -1 end
            end
            local n = redis.call('INCR', KEYS[#KEYS])
            redis.call('EXPIRE', KEYS[#KEYS], tonumber(ARGV[2]))
            return n
            """;

    /**
     * KEYS as {@link #CONSUME}'s; ARGV[1] = the limit, ARGV[2] = the remaining requests to leave, ARGV[3] = TTL in
     * seconds. Sets the correction so that limit - (counted + correction) = remaining; returns it.
     */
    private static final String SET_REMAINING = """
            local used = 0
            for i = 2, #KEYS do used = used + tonumber(redis.call('GET', KEYS[i]) or '0') end
            local correction = tonumber(ARGV[1]) - tonumber(ARGV[2]) - used
            redis.call('SET', KEYS[1], correction, 'EX', tonumber(ARGV[3]))
            return correction
            """;

    private final String where;
    private final RedisClient client;
    private final ClientResources resources;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final ProxyManager<byte[]> buckets;
    private final ConcurrentMap<String, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    /**
     * One proxy per bucket name, kept while it is used: Bucket4j's batching optimization lives in the proxy, and
     * it is what keeps many request threads of this engine hitting one bucket (a method's throttle, a key's plan)
     * from racing each other's compare-and-swap round trips to Redis. Batching combines concurrent requests into
     * one exchange and loses no accuracy (it never consumes tokens locally).
     */
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    private RedisState(String where, ClientResources resources, RedisClient client,
                       StatefulRedisConnection<byte[], byte[]> connection) {
        this.where = where;
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /**
     * Connects to {@code url} ({@code redis://HOST:PORT}, optionally {@code /DB} and {@code user:password@}).
     *
     * @throws IllegalArgumentException when the URL is not a Redis URL
     * @throws StateUnavailableException when the server cannot be reached now
     */
    public static RedisState connect(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss")) || url.getHost() == null) {
            throw new IllegalArgumentException("State URL " + url + " is not a Redis URL; expected redis://HOST:PORT");
        }
        String where = scheme + "://" + url.getHost() + ":" + (url.getPort() < 0 ? 6379 : url.getPort());
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(CONNECT_TIMEOUT); // the handshake; commands have their own, shorter timeout below
        // reconnect attempts back off to at most one a second: the engine recovers within ~1 s of Redis coming back;
        // two I/O threads are plenty for one multiplexed connection
        ClientResources resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build());
        try {
            return new RedisState(where, resources, client, client.connect(ByteArrayCodec.INSTANCE));
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw new StateUnavailableException("Cannot reach Redis at " + where + ": " + reason(e), e);
        }
    }

    @Override public boolean tryAcquire(String bucket, double ratePerSecond, long burst) {
        if (burst <= 0) return false;
        // the limits are part of the name: an edited limit starts a new, full bucket (as the in-process one does)
        String name = PREFIX + "bucket:" + bucket + "@" + ratePerSecond + "/" + burst;
        BucketConfiguration configuration = configurations.computeIfAbsent(ratePerSecond + "/" + burst,
                k -> configuration(ratePerSecond, burst));
        try {
            return proxies.get(name, n -> buckets.builder().withOptimization(Optimizations.batching())
                    .build(n.getBytes(StandardCharsets.UTF_8), () -> configuration)).tryConsume(1);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The same token bucket the in-process limiter builds: greedy refill, exact for fractional rates. */
    static BucketConfiguration configuration(double ratePerSecond, long burst) {
        Bandwidth limit = ratePerSecond <= 0
                ? Bandwidth.builder().capacity(burst).refillIntervally(1, Duration.ofDays(36_500)).initialTokens(burst).build()
                : Bandwidth.builder().capacity(burst)
                        .refillGreedy(Math.max(1, Math.round(ratePerSecond * 1000)), Duration.ofSeconds(1000))
                        .initialTokens(burst).build();
        return BucketConfiguration.builder().addLimit(limit).build();
    }

    @Override public boolean tryConsume(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        boolean limited = quota != null && quota.limit() != null;
        LocalDate from = limited ? QuotaCounters.periodStartOf(quota, today) : today;
        byte[][] keys = periodKeys(planId, keyId, from, today);
        try {
            Long n = connection.sync().eval(CONSUME, ScriptOutputType.INTEGER, keys,
                    bytes(limited ? quota.limit() : -1), bytes(Duration.ofDays(USAGE_TTL_DAYS).toSeconds()));
            return n != null && n >= 0;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override public long used(String planId, String keyId, UsagePlan.QuotaSettings quota, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        return daily(planId, keyId, QuotaCounters.periodStartOf(quota, today), today).stream().mapToLong(Long::longValue).sum();
    }

    @Override public List<Long> daily(String planId, String keyId, LocalDate start, LocalDate end) {
        if (end.isBefore(start)) return List.of();
        List<Long> out = new ArrayList<>();
        try {
            connection.sync().mget(dayKeys(planId, keyId, start, end)).forEach(kv ->
                    out.add(kv.hasValue() ? Long.parseLong(new String(kv.getValue(), StandardCharsets.US_ASCII)) : 0L));
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        return out;
    }

    @Override public void setRemaining(String planId, String keyId, UsagePlan.QuotaSettings quota, long remaining,
                                       Instant now) {
        if (quota == null || quota.limit() == null) throw new IllegalArgumentException("the plan has no quota limit");
        if (remaining < 0) throw new IllegalArgumentException("remaining must be 0 or more");
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        byte[][] keys = periodKeys(planId, keyId, QuotaCounters.periodStartOf(quota, today), today);
        try {
            connection.sync().eval(SET_REMAINING, ScriptOutputType.INTEGER, keys, bytes(quota.limit()), bytes(remaining),
                    bytes(Duration.ofDays(USAGE_TTL_DAYS).toSeconds()));
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override public long correction(String planId, String keyId, LocalDate periodStart) {
        try {
            byte[] v = connection.sync().get(correctionKey(planId, keyId, periodStart));
            return v == null ? 0 : Long.parseLong(new String(v, StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The period's correction, then its day counters (the scripts' KEYS). */
    private static byte[][] periodKeys(String planId, String keyId, LocalDate from, LocalDate to) {
        byte[][] days = dayKeys(planId, keyId, from, to);
        byte[][] keys = new byte[days.length + 1][];
        keys[0] = correctionKey(planId, keyId, from);
        System.arraycopy(days, 0, keys, 1, days.length);
        return keys;
    }

    /** In the key's hash slot, as its day counters. */
    private static byte[] correctionKey(String planId, String keyId, LocalDate periodStart) {
        return (PREFIX + "quota-correction:{" + planId + "/" + keyId + "}:" + periodStart).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One counter per day; the {@code {plan/key}} hash tag keeps a key's days in one cluster slot, as a script
     * touching several keys needs.
     */
    private static byte[][] dayKeys(String planId, String keyId, LocalDate from, LocalDate to) {
        List<byte[]> keys = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            keys.add((PREFIX + "usage:{" + planId + "/" + keyId + "}:" + d).getBytes(StandardCharsets.UTF_8));
        }
        return keys.toArray(new byte[0][]);
    }

    private static byte[] bytes(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    private StateUnavailableException unavailable(RuntimeException e) {
        return new StateUnavailableException("Redis at " + where + " did not answer: " + reason(e), e);
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null
                || t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override public String describe() {
        return where;
    }

    @Override public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}

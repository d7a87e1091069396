package dev.gatehouse.engine.access;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Whom a workspace's authorizers trust: the user pools standing in for Cognito ({@link UserPools}, the workspace's
 * {@value UserPools#FILE}) and the workspace's own signing key ({@link LocalSigningKey}). Read when first needed
 * and again whenever the files change, so a new pool or key applies without a redeploy. One per gateway, shared by
 * the deployed filters. Thread-safe.
 */
public final class AccessTrust {

    private final Supplier<UserPools> pools;
    private final LocalSigningKey signingKey;
    private final Clock clock;
    /** One verifier per pool configuration (a changed pool is a new record, so it gets a new verifier). */
    private final Map<UserPools.Pool, JwtVerifier> verifiers = new ConcurrentHashMap<>();

    /** Keys given directly for a pool ARN (tests), instead of what its configuration names. */
    private final Map<String, JwtKeys> keyOverrides;

    private AccessTrust(Supplier<UserPools> pools, LocalSigningKey signingKey, Clock clock) {
        this(pools, signingKey, clock, Map.of());
    }

    private AccessTrust(Supplier<UserPools> pools, LocalSigningKey signingKey, Clock clock, Map<String, JwtKeys> keyOverrides) {
        this.keyOverrides = Map.copyOf(keyOverrides);
        this.pools = pools;
        this.signingKey = signingKey;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The trust of the workspace at {@code root}: {@code root/user-pools.json} and {@code root/.gatehouse/}. */
    public static AccessTrust forWorkspace(Path root) {
        WatchedFile<UserPools> file = new WatchedFile<>(root.resolve(UserPools.FILE), f -> UserPools.read(f, root), UserPools.NONE);
        return new AccessTrust(file::get,
                LocalSigningKey.forWorkspace(root), Clock.systemUTC());
    }

    /** Trusts no one: every JWT authorizer is misconfigured (tests, benchmarks). */
    public static AccessTrust none() {
        return new AccessTrust(null, null, Clock.systemUTC());
    }

    /** Fixed pools and key, with a clock (tests). */
    static AccessTrust of(UserPools pools, LocalSigningKey signingKey, Clock clock) {
        return new AccessTrust(() -> pools, signingKey, clock);
    }

    /** This trust with {@code keys} standing in for the pool's configured key source (tests). */
    AccessTrust withKeys(String poolArn, JwtKeys keys) {
        Map<String, JwtKeys> more = new java.util.HashMap<>(keyOverrides);
        more.put(poolArn, keys);
        return new AccessTrust(pools, signingKey, clock, more);
    }

    Clock clock() {
        return clock;
    }

    /** The user pools now configured. @throws IllegalArgumentException while the file is broken */
    public UserPools userPools() {
        return pools == null ? UserPools.NONE : pools.get();
    }

    /** The workspace's signing key (token minter). @throws IllegalStateException when the trust has none */
    public LocalSigningKey signingKey() {
        if (signingKey == null) throw new IllegalStateException("no workspace signing key here");
        return signingKey;
    }

    /**
     * The verifier of the user pool with this ARN, if the pool is configured.
     *
     * @throws IllegalArgumentException when the pools file is broken
     */
    Optional<JwtVerifier> verifier(String poolArn) {
        return userPools().pool(poolArn).map(pool -> verifiers.computeIfAbsent(pool, this::verifierFor));
    }

    private JwtVerifier verifierFor(UserPools.Pool pool) {
        JwtKeys keys;
        if (keyOverrides.containsKey(pool.arn())) keys = keyOverrides.get(pool.arn());
        else if (pool.jwksUrl() != null) keys = JwtKeys.url(pool.jwksUrl());
        else if (pool.jwksFile() != null) keys = JwtKeys.file(pool.jwksFile());
        else keys = JwtKeys.of(() -> signingKey().publicKeys());
        return new JwtVerifier(pool.issuer(), pool.audiences(), keys, clock);
    }
}

package dev.gatehouse.engine.access;

import dev.gatehouse.engine.sigv4.AccessKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Whom a workspace's authorizers trust: the user pools standing in for Cognito ({@link UserPools}, the workspace's
 * {@value UserPools#FILE}), the workspace's own signing key ({@link LocalSigningKey}) and the access keys of
 * AWS_IAM methods ({@code .gatehouse/credentials}, {@link #iamKeys()}). Read when first needed
 * and again whenever the files change, so a new pool or key applies without a redeploy. One per gateway, shared by
 * the deployed filters. Thread-safe.
 */
public final class AccessTrust {

    /** The IAM credentials file's name under the workspace's {@code .gatehouse/} (never in git). */
    public static final String CREDENTIALS = "credentials";

    private final Supplier<UserPools> pools;
    private final Supplier<AccessKeys> iamKeys;
    private final LocalSigningKey signingKey;
    private final Clock clock;
    /** One verifier per pool configuration (a changed pool is a new record, so it gets a new verifier). */
    private final Map<UserPools.Pool, JwtVerifier> verifiers = new ConcurrentHashMap<>();

    /** Keys given directly for a pool ARN (tests), instead of what its configuration names. */
    private final Map<String, JwtKeys> keyOverrides;

    private AccessTrust(Supplier<UserPools> pools, Supplier<AccessKeys> iamKeys, LocalSigningKey signingKey, Clock clock) {
        this(pools, iamKeys, signingKey, clock, Map.of());
    }

    private AccessTrust(Supplier<UserPools> pools, Supplier<AccessKeys> iamKeys, LocalSigningKey signingKey, Clock clock,
                        Map<String, JwtKeys> keyOverrides) {
        this.keyOverrides = Map.copyOf(keyOverrides);
        this.pools = pools;
        this.iamKeys = iamKeys;
        this.signingKey = signingKey;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The trust of the workspace at {@code root}: {@code root/user-pools.json} and {@code root/.gatehouse/}. */
    public static AccessTrust forWorkspace(Path root) {
        WatchedFile<UserPools> file = new WatchedFile<>(root.resolve(UserPools.FILE), f -> UserPools.read(f, root), UserPools.NONE);
        WatchedFile<AccessKeys> credentials = new WatchedFile<>(root.resolve(".gatehouse").resolve(CREDENTIALS),
                AccessKeys::read, AccessKeys.none());
        return new AccessTrust(file::get, credentials::get, LocalSigningKey.forWorkspace(root), Clock.systemUTC());
    }

    /** Trusts no one: every JWT authorizer is misconfigured (tests, benchmarks). */
    public static AccessTrust none() {
        return new AccessTrust(null, null, null, Clock.systemUTC());
    }

    /** Fixed pools and key, with a clock (tests). */
    static AccessTrust of(UserPools pools, LocalSigningKey signingKey, Clock clock) {
        return new AccessTrust(() -> pools, null, signingKey, clock);
    }

    /** Fixed IAM access keys, with a clock (tests). */
    static AccessTrust ofIamKeys(AccessKeys keys, Clock clock) {
        return new AccessTrust(null, () -> keys, null, clock);
    }

    /** This trust with {@code keys} standing in for the pool's configured key source (tests). */
    AccessTrust withKeys(String poolArn, JwtKeys keys) {
        Map<String, JwtKeys> more = new java.util.HashMap<>(keyOverrides);
        more.put(poolArn, keys);
        return new AccessTrust(pools, iamKeys, signingKey, clock, more);
    }

    /**
     * The access keys AWS_IAM methods accept, from {@code .gatehouse/}{@value #CREDENTIALS} in AWS's shared-credentials
     * format (the file {@code serve --credentials} takes for the control plane): none when the file is absent, so
     * every signed call is refused as signed with an unknown key.
     *
     * @throws RuntimeException naming the file and line while the file is broken
     */
    public AccessKeys iamKeys() {
        return iamKeys == null ? AccessKeys.none() : iamKeys.get();
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

    /** Whether the pool with this ARN takes its keys from a JWKS URL (a network fetch now and then). */
    boolean fetchesKeys(String poolArn) {
        if (keyOverrides.containsKey(poolArn)) return false;
        try {
            return userPools().pool(poolArn).map(p -> p.jwksUrl() != null).orElse(false);
        } catch (RuntimeException brokenPoolsFile) {
            return false; // answered at once with the authorizer's configuration error
        }
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

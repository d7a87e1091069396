package dev.gatehouse.engine.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import java.text.ParseException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The authorizer slot of a method with a COGNITO_USER_POOLS authorizer, run against the user pools the workspace
 * configures in {@value UserPools#FILE} ({@link UserPools}), with AWS's outcomes:
 * <ul>
 *   <li>no token in the identity source header (default {@code Authorization}; a {@code Bearer } prefix is
 *       accepted), a token that is not a JWS of one of the authorizer's pools, a bad signature, an {@code alg} other
 *       than its key's, a wrong issuer or audience, an unknown {@code kid}, a token not valid yet, or none of the
 *       method's {@code authorizationScopes} in its {@code scope} claim: 401 {@code {"message":"Unauthorized"}};</li>
 *   <li>an expired token: 401 {@code {"message":"The incoming token has expired"}} (AWS's own message);</li>
 *   <li>a pool ARN the workspace does not configure, a broken pools file, keys that cannot be fetched: 500
 *       AUTHORIZER_CONFIGURATION_ERROR, the call refused;</li>
 *   <li>valid: the claims become {@code $context.authorizer.claims.<name>} (and {@code requestContext.authorizer.claims}
 *       in proxy events) as strings, with {@code exp}, {@code iat} and {@code auth_time} as AWS renders them
 *       ({@code Wed Dec 02 14:00:00 UTC 2026}).</li>
 * </ul>
 * A valid token's claims are cached per method for {@code authorizerResultTtlInSeconds} (default 300, 0 = none), never
 * past the token's {@code exp}. Thread-safe.
 */
public final class CognitoAuthorizerFilter implements Filter {

    /** AWS's body for an expired token (401). */
    static final String EXPIRED = "The incoming token has expired";
    private static final DateTimeFormatter AWS_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Cached(Map<String, String> context, List<String> scopes, long expiresAtNanos) {}

    private final AccessTrust trust;
    private final Authorizer authorizer;
    private final List<String> providerArns;
    private final String header;
    private final List<String> requiredScopes;
    private final int ttlSeconds;
    private final Cache<String, Cached> cache;

    /**
     * @param requiredScopes the method's {@code authorizationScopes} (empty: any valid token)
     */
    public CognitoAuthorizerFilter(AccessTrust trust, Authorizer authorizer, List<String> requiredScopes) {
        this.trust = trust;
        this.authorizer = authorizer;
        this.providerArns = authorizer.providerARNs() == null ? List.of() : List.copyOf(authorizer.providerARNs());
        List<String> headers = FailClosedAccess.identityHeaders(authorizer, dev.gatehouse.engine.model.AuthorizationType.COGNITO_USER_POOLS);
        this.header = headers.getFirst();
        this.requiredScopes = requiredScopes == null ? List.of() : List.copyOf(requiredScopes);
        this.ttlSeconds = authorizer.authorizerResultTtlInSeconds() == null ? 300
                : Math.max(0, Math.min(3600, authorizer.authorizerResultTtlInSeconds()));
        this.cache = ttlSeconds == 0 ? null : Caffeine.newBuilder().maximumSize(10_000)
                .expireAfter(new Expiry<String, Cached>() {
                    @Override public long expireAfterCreate(String k, Cached v, long now) {
                        return Math.max(0, v.expiresAtNanos() - now);
                    }

                    @Override public long expireAfterUpdate(String k, Cached v, long now, long current) {
                        return Math.max(0, v.expiresAtNanos() - now);
                    }

                    @Override public long expireAfterRead(String k, Cached v, long now, long current) {
                        return current;
                    }
                }).build();
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        String token = token(request.headers().last(header));
        if (token == null) throw unauthorized("no token in the " + header + " header");
        Cached found = cache == null ? null : cache.getIfPresent(token);
        if (found == null) {
            found = verify(token);
            if (cache != null) cache.put(token, found);
        }
        if (!requiredScopes.isEmpty() && found.scopes().stream().noneMatch(requiredScopes::contains)) {
            throw unauthorized("the token's scopes " + found.scopes() + " include none of the method's " + requiredScopes);
        }
        chain.context().put(ContextKeys.AUTHORIZER, found.context());
        return chain.proceed(request);
    }

    private static String token(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (v.regionMatches(true, 0, "Bearer ", 0, 7)) v = v.substring(7).strip();
        return v.isEmpty() ? null : v;
    }

    private Cached verify(String token) {
        String issuer;
        try {
            issuer = SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw unauthorized("the token is not a signed JWT");
        }
        if (providerArns.isEmpty()) throw misconfigured("the authorizer names no user pool (providerARNs)");
        JwtVerifier verifier = null;
        for (String arn : providerArns) {
            Optional<JwtVerifier> pool;
            try {
                pool = trust.verifier(arn);
            } catch (RuntimeException e) {
                throw misconfigured(e.getMessage());
            }
            if (pool.isEmpty()) {
                throw misconfigured("user pool " + arn + " is not configured in the workspace's " + UserPools.FILE);
            }
            if (pool.get().issuer().equals(issuer)) {
                verifier = pool.get();
                break;
            }
        }
        if (verifier == null) throw unauthorized("iss " + issuer + " is not the issuer of any of the authorizer's user pools");
        JwtVerifier.Result result;
        try {
            result = verifier.verify(token);
        } catch (IllegalStateException e) {
            throw misconfigured(e.getMessage());
        }
        return switch (result) {
            case JwtVerifier.Rejected r when r.expired() -> throw GatewayException.of(GatewayResponseType.UNAUTHORIZED, EXPIRED)
                    .withLogLine("Unauthorized request: authorizer " + authorizer.name() + ": " + r.reason());
            case JwtVerifier.Rejected r -> throw unauthorized(r.reason());
            case JwtVerifier.Valid v -> cached(v.claims());
        };
    }

    private Cached cached(JWTClaimsSet claims) {
        Map<String, String> context = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : claims.getClaims().entrySet()) {
            String value = text(e.getKey(), e.getValue());
            if (value != null) context.put("claims." + e.getKey(), value);
        }
        Object scope = claims.getClaim("scope");
        List<String> scopes = scope instanceof String s ? Arrays.stream(s.split(" ")).filter(x -> !x.isEmpty()).toList()
                : List.of();
        long now = System.nanoTime();
        long untilExp = (claims.getExpirationTime().getTime() - trust.clock().millis()) * 1_000_000L;
        long ttl = Math.min(untilExp, ttlSeconds * 1_000_000_000L);
        return new Cached(Map.copyOf(context), scopes, now + ttl);
    }

    /** A claim as API Gateway passes it on: a string; times as AWS renders them; one audience as itself. */
    static String text(String name, Object value) {
        if (value == null) return null;
        if (value instanceof Date d && (name.equals("exp") || name.equals("iat") || name.equals("auth_time") || name.equals("nbf"))) {
            return AWS_DATE.format(d.toInstant());
        }
        if (value instanceof Date d) return Long.toString(d.toInstant().getEpochSecond());
        if (value instanceof List<?> list) {
            if (list.size() == 1) return String.valueOf(list.getFirst());
            List<String> parts = new ArrayList<>();
            for (Object o : list) parts.add(String.valueOf(o));
            return "[" + String.join(", ", parts) + "]";
        }
        return value.toString();
    }

    private GatewayException unauthorized(String why) {
        return GatewayException.of(GatewayResponseType.UNAUTHORIZED)
                .withLogLine("Unauthorized request: authorizer " + authorizer.name() + ": " + why);
    }

    private GatewayException misconfigured(String why) {
        return GatewayException.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR)
                .withLogLine("Execution failed due to configuration error: Authorizer error: " + why);
    }

    @Override public String toString() {
        return "CognitoAuthorizerFilter{" + authorizer.name() + ", pools=" + providerArns + ", scopes=" + requiredScopes
                + ", ttl=" + ttlSeconds + "s}";
    }


    /**
     * Uses only the calling thread unless a pool's keys come from a JWKS URL (fetched on first use and when they
     * rotate): then it may block.
     */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        for (String arn : providerArns) if (trust.fetchesKeys(arn)) return Waiting.BLOCKING;
        return Waiting.NONE;
    }
}

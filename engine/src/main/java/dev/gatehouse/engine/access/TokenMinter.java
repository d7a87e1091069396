package dev.gatehouse.engine.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints JWTs signed with the workspace's {@link LocalSigningKey}, shaped like a Cognito user pool's tokens, for
 * calling methods whose COGNITO_USER_POOLS authorizer trusts that key ({@code "localSigningKey": true} in
 * {@link UserPools}). Without scopes the token is an ID token ({@code token_use: id}); with scopes an access token
 * ({@code token_use: access}, {@code scope} = the scopes joined by spaces), as Cognito issues them. {@code iss} is
 * {@link LocalSigningKey#ISSUER}, {@code sub} defaults to {@value #DEFAULT_SUBJECT}; claims given by the caller win
 * over every default. Thread-safe; creates the key on first use (file I/O).
 */
public final class TokenMinter {

    static final String DEFAULT_SUBJECT = "local-user";
    /** The longest a minted token may live: a local key is for development, not for long-lived credentials. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private final LocalSigningKey key;
    private final Clock clock;

    public TokenMinter(LocalSigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * @param claims    extra or overriding claims (string values)
     * @param scopes    OAuth scopes; empty for an ID token
     * @param expiresIn lifetime, more than zero and at most {@link #MAX_LIFETIME}
     * @return the compact JWS ({@code header.payload.signature})
     * @throws IllegalArgumentException for a lifetime out of range
     */
    public String mint(Map<String, String> claims, List<String> scopes, Duration expiresIn) {
        if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a token must expire after more than 0 seconds and at most "
                    + MAX_LIFETIME.toDays() + " days, not " + expiresIn);
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(LocalSigningKey.ISSUER)
                .subject(DEFAULT_SUBJECT)
                .issueTime(Date.from(now))
                .claim("auth_time", now.getEpochSecond())
                .expirationTime(Date.from(now.plus(expiresIn)))
                .jwtID(UUID.randomUUID().toString())
                .claim("token_use", scopes.isEmpty() ? "id" : "access");
        if (!scopes.isEmpty()) b.claim("scope", String.join(" ", scopes));
        claims.forEach((name, value) -> {
            switch (name) {
                case "aud" -> b.audience(value);
                case "exp", "iat", "nbf" -> b.claim(name, Date.from(Instant.ofEpochSecond(Long.parseLong(value))));
                default -> b.claim(name, value);
            }
        });
        RSAKey signing = key.privateKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID())
                .type(JOSEObjectType.JWT).build(), b.build());
        try {
            jwt.sign(new RSASSASigner(signing));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the workspace key: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}

package dev.gatehouse.engine.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * Verifies one JWT the way a Cognito user pool authorizer does: a JWS signed by one of the issuer's public keys, with
 * {@code iss} equal to the issuer, an {@code exp} still ahead, no {@code nbf} still ahead, and (when audiences are
 * configured) an {@code aud} or {@code client_id} among them.
 *
 * <p>The algorithm is pinned by the key, never taken from the token: a key's {@code alg} when it has one, else the
 * one its type implies (RSA → RS256; EC P-256/384/521 → ES256/384/512); a token whose header names another
 * algorithm is refused before any signature check. Only public-key algorithms are accepted: a symmetric ({@code oct})
 * key in a JWK set is ignored, so a token "signed" with HS256 using a public key as the secret never verifies, and
 * {@code alg: none} is not even a JWS. Thread-safe.
 */
final class JwtVerifier {

    /** The outcome: claims of a valid token, or why it is refused. */
    sealed interface Result permits Valid, Rejected {}

    record Valid(JWTClaimsSet claims) implements Result {}

    /** @param expired the token was good but its {@code exp} has passed (AWS answers it with its own message) */
    record Rejected(String reason, boolean expired) implements Result {}

    private final String issuer;
    private final List<String> audiences;
    private final JwtKeys keys;
    private final Clock clock;

    JwtVerifier(String issuer, List<String> audiences, JwtKeys keys, Clock clock) {
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.keys = keys;
        this.clock = clock;
    }

    String issuer() {
        return issuer;
    }

    /** @throws IllegalStateException when the issuer's keys cannot be had (see {@link JwtKeys#candidates}) */
    Result verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Rejected("not a signed JWT: " + e.getMessage(), false);
        }
        String kid = jwt.getHeader().getKeyID();
        List<JWK> candidates = keys.candidates(kid);
        if (candidates.isEmpty()) return new Rejected("no key of the issuer has kid " + kid, false);
        String mismatch = null;
        boolean verified = false;
        for (JWK key : candidates) {
            JWSAlgorithm pinned = algorithmOf(key);
            if (pinned == null) continue; // symmetric or unknown key: never used to verify
            if (!pinned.equals(jwt.getHeader().getAlgorithm())) {
                mismatch = "the token's alg " + jwt.getHeader().getAlgorithm() + " is not its key's " + pinned;
                continue;
            }
            try {
                if (jwt.verify(verifierFor(key))) {
                    verified = true;
                    break;
                }
            } catch (JOSEException e) {
                // a key that cannot verify this token: try the next one
            }
        }
        if (!verified) return new Rejected(mismatch != null ? mismatch : "the signature does not verify", false);
        return checkClaims(claims);
    }

    private Result checkClaims(JWTClaimsSet claims) {
        if (!issuer.equals(claims.getIssuer())) {
            return new Rejected("iss " + claims.getIssuer() + " is not the user pool's issuer " + issuer, false);
        }
        long now = clock.instant().getEpochSecond();
        Date exp = claims.getExpirationTime();
        if (exp == null) return new Rejected("the token has no exp", false);
        if (now >= exp.toInstant().getEpochSecond()) return new Rejected("the token expired at " + exp.toInstant(), true);
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now < nbf.toInstant().getEpochSecond()) {
            return new Rejected("the token is not valid before " + nbf.toInstant(), false);
        }
        if (!audiences.isEmpty()) {
            boolean ok = claims.getAudience().stream().anyMatch(audiences::contains);
            Object clientId = claims.getClaim("client_id");
            ok |= clientId instanceof String c && audiences.contains(c);
            if (!ok) return new Rejected("neither aud " + claims.getAudience() + " nor client_id " + clientId
                    + " is one of the user pool's audiences", false);
        }
        return new Valid(claims);
    }

    /** The only algorithm a key verifies; null for a key that must not verify anything (symmetric, unknown). */
    static JWSAlgorithm algorithmOf(JWK key) {
        if (key instanceof RSAKey) {
            return key.getAlgorithm() == null ? JWSAlgorithm.RS256 : JWSAlgorithm.parse(key.getAlgorithm().getName());
        }
        if (key instanceof ECKey ec) {
            if (key.getAlgorithm() != null) return JWSAlgorithm.parse(key.getAlgorithm().getName());
            Curve curve = ec.getCurve();
            if (Curve.P_256.equals(curve)) return JWSAlgorithm.ES256;
            if (Curve.P_384.equals(curve)) return JWSAlgorithm.ES384;
            if (Curve.P_521.equals(curve)) return JWSAlgorithm.ES512;
        }
        return null;
    }

    private static JWSVerifier verifierFor(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) return new RSASSAVerifier(rsa);
        return new ECDSAVerifier((ECKey) key);
    }
}

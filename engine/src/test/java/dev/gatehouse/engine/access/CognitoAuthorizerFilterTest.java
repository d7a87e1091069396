package dev.gatehouse.engine.access;

import static dev.gatehouse.engine.access.AccessFixtures.get;
import static dev.gatehouse.engine.access.AccessFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The COGNITO_USER_POOLS authorizer: AWS's outcomes (401 {"message":"Unauthorized"}, 401 {"message":"The incoming
 * token has expired"}, 500 {"message": null} for a misconfigured authorizer; aws-reference §1.9, §1.12 and the
 * recorded 401 body of expired Cognito tokens in aws-amplify/amplify-js #6060) and the JWT attacks a verifier must
 * refuse. Tokens are made here with Nimbus, independently of the verifier.
 */
class CognitoAuthorizerFilterTest {

    static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z");
    static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Test";
    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Test";
    static final RSAKey KEY = rsa("key-1");
    static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";

    @TempDir Path dir;

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(RSAKey key, JWSAlgorithm alg, Consumer<JWTClaimsSet.Builder> claims) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(ISSUER).subject("user-1").audience("client-1")
                .expirationTime(Date.from(NOW.plusSeconds(3600))).issueTime(Date.from(NOW.minusSeconds(60)))
                .claim("email", "ana@example.com").claim("token_use", "id");
        claims.accept(b);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), b.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String valid(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(KEY, JWSAlgorithm.RS256, claims);
    }

    private static Authorizer cognito(Integer ttl) {
        return new Authorizer("cog01", "pool-auth", AuthorizerType.COGNITO_USER_POOLS, List.of(POOL), null, null, null,
                "method.request.header.Authorization", null, ttl);
    }

    private static CognitoAuthorizerFilter filter(JWKSet keys, List<String> audiences, List<String> scopes) {
        UserPools pools = new UserPools(Map.of(POOL, new UserPools.Pool(POOL, ISSUER, null, null, false, audiences)));
        AccessTrust trust = AccessTrust.of(pools, null, Clock.fixed(NOW, ZoneOffset.UTC));
        return new CognitoAuthorizerFilter(trust.withKeys(POOL, JwtKeys.of(() -> keys)), cognito(0), scopes);
    }

    private static CognitoAuthorizerFilter filter() {
        return filter(new JWKSet(KEY.toPublicJWK()), List.of("client-1"), List.of());
    }

    private static AccessFixtures.Outcome call(CognitoAuthorizerFilter filter, String token) {
        return run(filter, get("/prod/pets", "Authorization", token));
    }

    @Test
    void aValidIdTokenPassesAndItsClaimsReachTheIntegrationAsAwsRendersThem() {
        AccessFixtures.Outcome out = call(filter(), valid(c -> c.expirationTime(Date.from(Instant.parse("2026-12-02T15:00:00Z")))));
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.authorizer()).containsEntry("claims.sub", "user-1").containsEntry("claims.email", "ana@example.com")
                .containsEntry("claims.aud", "client-1")
                // Wed Dec 02 2026 (a Wednesday on the calendar), in the Java Date.toString form AWS's claims use
                .containsEntry("claims.exp", "Wed Dec 02 15:00:00 UTC 2026");
    }

    @Test
    void aBearerPrefixIsAccepted() {
        assertThat(call(filter(), "Bearer " + valid(c -> { })).status()).isEqualTo(200);
    }

    @Test
    void noTokenIsUnauthorizedWithoutReachingTheIntegration() {
        AccessFixtures.Outcome out = run(filter(), get("/prod/pets"));
        assertThat(out.status()).isEqualTo(401);
        assertThat(out.body()).isEqualTo(UNAUTHORIZED);
        assertThat(out.response().headers().first("x-amzn-ErrorType")).isEqualTo("UnauthorizedException");
        assertThat(out.reachedIntegration()).isFalse();
        assertThat(call(filter(), "   ").status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenGetsAwsExpiredMessage() {
        AccessFixtures.Outcome out = call(filter(), valid(c -> c.expirationTime(Date.from(NOW.minusSeconds(1)))));
        assertThat(out.status()).isEqualTo(401);
        assertThat(out.body()).isEqualTo("{\"message\":\"The incoming token has expired\"}");
        assertThat(call(filter(), valid(c -> c.expirationTime(Date.from(NOW)))).body())
                .as("exp is the first instant the token is no longer good").contains("expired");
    }

    @Test
    void aTokenNotYetValidOrWithoutExpiryIsUnauthorized() {
        assertThat(call(filter(), valid(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(30))))).body()).isEqualTo(UNAUTHORIZED);
        assertThat(call(filter(), valid(c -> c.expirationTime(null))).body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void aWrongIssuerOrAudienceIsUnauthorized() {
        assertThat(call(filter(), valid(c -> c.issuer("https://evil.example"))).body()).isEqualTo(UNAUTHORIZED);
        assertThat(call(filter(), valid(c -> c.audience("other-client"))).body()).isEqualTo(UNAUTHORIZED);
        assertThat(call(filter(), valid(c -> c.audience((String) null).claim("client_id", "client-1"))).status())
                .as("an access token names its app client in client_id").isEqualTo(200);
    }

    @Test
    void algNoneIsRefused() {
        String payload = valid(c -> { }).split("\\.")[1];
        String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"key-1\"}").toString();
        assertThat(call(filter(), header + "." + payload + ".").body()).isEqualTo(UNAUTHORIZED);
        assertThat(call(filter(), header + "." + payload).body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void hs256SignedWithThePublicKeyAsSecretIsRefused() throws Exception {
        // the classic key confusion: the attacker knows the RSA public key and uses its bytes as an HMAC secret
        byte[] secret = KEY.toPublicJWK().toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("admin").audience("client-1")
                        .expirationTime(Date.from(NOW.plusSeconds(600))).build());
        forged.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(32, secret.length))));
        assertThat(call(filter(), forged.serialize()).body()).isEqualTo(UNAUTHORIZED);
        // and a JWK set that holds a symmetric key never verifies with it
        JWKSet withOct = new JWKSet(List.of(KEY.toPublicJWK(),
                new com.nimbusds.jose.jwk.OctetSequenceKey.Builder(Arrays32.of(secret)).keyID("key-1").build()));
        assertThat(call(filter(withOct, List.of(), List.of()), forged.serialize()).status()).isEqualTo(401);
    }

    @Test
    void anRsaTokenWhoseHeaderClaimsAnotherRsaAlgorithmIsRefused() {
        // the key implies RS256; a token saying RS512 (even if validly signed with RS512) is not accepted
        assertThat(call(filter(), sign(KEY, JWSAlgorithm.RS512, c -> { })).body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void anUnknownKidOrAnotherKeyWithTheSameKidIsUnauthorized() {
        assertThat(call(filter(), sign(rsa("key-9"), JWSAlgorithm.RS256, c -> { })).body()).isEqualTo(UNAUTHORIZED);
        assertThat(call(filter(), sign(rsa("key-1"), JWSAlgorithm.RS256, c -> { })).body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void aTamperedPayloadOrSignatureIsUnauthorized() {
        String[] parts = valid(c -> { }).split("\\.");
        String otherPayload = valid(c -> c.subject("admin")).split("\\.")[1];
        assertThat(call(filter(), parts[0] + "." + otherPayload + "." + parts[2]).body()).isEqualTo(UNAUTHORIZED);
        char[] sig = parts[2].toCharArray();
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        assertThat(call(filter(), parts[0] + "." + parts[1] + "." + new String(sig)).body()).isEqualTo(UNAUTHORIZED);
        assertThat(call(filter(), "not.a.jwt").body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void ecKeysPinTheirCurveAlgorithm() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        CognitoAuthorizerFilter f = filter(new JWKSet(ec.toPublicJWK()), List.of(), List.of());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("u").expirationTime(Date.from(NOW.plusSeconds(60))).build();
        SignedJWT good = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").type(JOSEObjectType.JWT).build(), claims);
        good.sign(new ECDSASigner(ec));
        assertThat(call(f, good.serialize()).status()).isEqualTo(200);
        String[] parts = good.serialize().split("\\.");
        String es384 = Base64URL.encode("{\"alg\":\"ES384\",\"kid\":\"ec-1\"}").toString();
        assertThat(call(f, es384 + "." + parts[1] + "." + parts[2]).status()).isEqualTo(401);
    }

    @Test
    void authorizationScopesNeedOneOfThemInTheTokensScopeClaim() {
        CognitoAuthorizerFilter f = filter(new JWKSet(KEY.toPublicJWK()), List.of(), List.of("pets/read", "pets/admin"));
        assertThat(call(f, valid(c -> c.claim("scope", "pets/write"))).body()).isEqualTo(UNAUTHORIZED);
        assertThat(call(f, valid(c -> { })).body()).as("an ID token has no scopes").isEqualTo(UNAUTHORIZED);
        assertThat(call(f, valid(c -> c.claim("scope", "openid pets/read"))).status()).isEqualTo(200);
    }

    @Test
    void aPoolTheWorkspaceDoesNotConfigureIsAnAuthorizerConfigurationError() {
        AccessTrust trust = AccessTrust.of(UserPools.NONE, null, Clock.fixed(NOW, ZoneOffset.UTC));
        AccessFixtures.Outcome out = call(new CognitoAuthorizerFilter(trust, cognito(0), List.of()), valid(c -> { }));
        assertThat(out.status()).isEqualTo(500);
        assertThat(out.body()).isEqualTo("{\"message\": null}");
        assertThat(out.response().headers().first("x-amzn-ErrorType")).isEqualTo("AuthorizerConfigurationException");
    }

    @Test
    void keysComeFromAJwksUrlFetchedOnceAndCached() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
            UserPools pools = new UserPools(Map.of(POOL, new UserPools.Pool(POOL, ISSUER, url, null, false, List.of())));
            CognitoAuthorizerFilter f = new CognitoAuthorizerFilter(
                    AccessTrust.of(pools, null, Clock.fixed(NOW, ZoneOffset.UTC)), cognito(0), List.of());
            for (int i = 0; i < 3; i++) assertThat(call(f, valid(c -> c.jwtID(java.util.UUID.randomUUID().toString()))).status()).isEqualTo(200);
            assertThat(fetches.get()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
        UserPools down = new UserPools(Map.of(POOL, new UserPools.Pool(POOL, ISSUER,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json", null, false, List.of())));
        AccessFixtures.Outcome out = call(new CognitoAuthorizerFilter(
                AccessTrust.of(down, null, Clock.fixed(NOW, ZoneOffset.UTC)), cognito(0), List.of()), valid(c -> { }));
        assertThat(out.status()).as("keys that cannot be fetched: refused as misconfigured").isEqualTo(500);
    }

    @Test
    void keysComeFromAJwksFileInTheWorkspaceReadFromTheUserPoolsFile() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/pool.json"), new JWKSet(KEY.toPublicJWK()).toString());
        Files.writeString(dir.resolve(UserPools.FILE), "{\"userPools\":{\"" + POOL + "\":{\"issuer\":\"" + ISSUER
                + "\",\"jwksFile\":\"keys/pool.json\",\"audiences\":[\"client-1\"]}}}");
        AccessTrust trust = AccessTrust.forWorkspace(dir);
        CognitoAuthorizerFilter f = new CognitoAuthorizerFilter(trust, cognito(0), List.of());
        // the real clock here: a token valid for an hour from now
        String token = sign(KEY, JWSAlgorithm.RS256, c -> c.expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .issueTime(new Date()));
        assertThat(call(f, token).status()).isEqualTo(200);
        assertThat(call(f, sign(KEY, JWSAlgorithm.RS256, c -> c.audience("x")
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))))).status()).isEqualTo(401);
    }

    @Test
    void aCachedTokenIsNotVerifiedAgainButItsScopesAreStillChecked() {
        AtomicInteger lookups = new AtomicInteger();
        UserPools pools = new UserPools(Map.of(POOL, new UserPools.Pool(POOL, ISSUER, null, null, false, List.of())));
        AccessTrust trust = AccessTrust.of(pools, null, Clock.fixed(NOW, ZoneOffset.UTC))
                .withKeys(POOL, kid -> {
                    lookups.incrementAndGet();
                    return new JWKSet(KEY.toPublicJWK()).getKeys();
                });
        CognitoAuthorizerFilter f = new CognitoAuthorizerFilter(trust, cognito(300), List.of());
        String token = valid(c -> { });
        for (int i = 0; i < 5; i++) assertThat(call(f, token).status()).isEqualTo(200);
        assertThat(lookups.get()).isEqualTo(1);
    }

    /** A 32-byte-or-longer copy, as Nimbus wants for an HMAC key. */
    private static final class Arrays32 {
        static Base64URL of(byte[] secret) {
            return Base64URL.encode(java.util.Arrays.copyOf(secret, Math.max(32, secret.length)));
        }
    }
}

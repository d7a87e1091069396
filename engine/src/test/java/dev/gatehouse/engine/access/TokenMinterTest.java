package dev.gatehouse.engine.access;

import static dev.gatehouse.engine.access.AccessFixtures.get;
import static dev.gatehouse.engine.access.AccessFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace signing key and the tokens minted with it, checked by a Cognito authorizer that trusts the key. */
class TokenMinterTest {

    static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/local";

    @TempDir Path ws;

    private CognitoAuthorizerFilter trustingFilter(List<String> scopes) throws Exception {
        Files.writeString(ws.resolve(UserPools.FILE), "{\"userPools\":{\"" + POOL + "\":{\"localSigningKey\":true}}}");
        Authorizer a = new Authorizer("loc01", "local-pool", AuthorizerType.COGNITO_USER_POOLS, List.of(POOL), null,
                null, null, null, null, 0);
        return new CognitoAuthorizerFilter(AccessTrust.forWorkspace(ws), a, scopes);
    }

    private TokenMinter minter() {
        return new TokenMinter(LocalSigningKey.forWorkspace(ws), Clock.systemUTC());
    }

    @Test
    void aMintedIdTokenPassesAnAuthorizerWhosePoolTrustsTheWorkspaceKey() throws Exception {
        String token = minter().mint(Map.of("email", "ana@example.com", "cognito:groups", "admin"), List.of(),
                Duration.ofHours(1));
        AccessFixtures.Outcome out = run(trustingFilter(List.of()), get("/prod/pets", "Authorization", token));
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.authorizer()).containsEntry("claims.email", "ana@example.com")
                .containsEntry("claims.cognito:groups", "admin").containsEntry("claims.sub", "local-user")
                .containsEntry("claims.token_use", "id").containsEntry("claims.iss", LocalSigningKey.ISSUER);
    }

    @Test
    void scopesMakeAnAccessTokenForMethodsWithAuthorizationScopes() throws Exception {
        String token = minter().mint(Map.of(), List.of("pets/read", "pets/write"), Duration.ofMinutes(5));
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("pets/read pets/write");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("token_use")).isEqualTo("access");
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(lifetime).isEqualTo(300_000L);
        assertThat(run(trustingFilter(List.of("pets/write")), get("/prod/pets", "Authorization", token)).status()).isEqualTo(200);
        assertThat(run(trustingFilter(List.of("pets/admin")), get("/prod/pets", "Authorization", token)).status()).isEqualTo(401);
    }

    @Test
    void theKeyIsCreatedOnceUnderTheRuntimeFolderReadableByItsOwnerOnlyAndIgnoredByGit() throws Exception {
        String first = minter().mint(Map.of(), List.of(), Duration.ofMinutes(1));
        String second = minter().mint(Map.of(), List.of(), Duration.ofMinutes(1));
        assertThat(SignedJWT.parse(first).getHeader().getKeyID()).as("a second minter reuses the key on disk")
                .isEqualTo(SignedJWT.parse(second).getHeader().getKeyID());
        Path key = ws.resolve(".gatehouse").resolve(LocalSigningKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(ws.resolve(".gatehouse/.gitignore"))).isEqualTo("*\n");
        assertThat(LocalSigningKey.forWorkspace(ws).publicKeys().toString()).as("the JWKS is public only")
                .doesNotContain("\"d\"").contains("\"n\"");
        try (var files = Files.list(ws)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing beside the definitions").containsOnly(".gatehouse");
        }
    }

    @Test
    void aTokenMintedByAnotherWorkspaceIsRefused(@TempDir Path other) throws Exception {
        String foreign = new TokenMinter(LocalSigningKey.forWorkspace(other), Clock.systemUTC())
                .mint(Map.of(), List.of(), Duration.ofMinutes(1));
        minter().mint(Map.of(), List.of(), Duration.ofMinutes(1)); // this workspace's key exists too
        assertThat(run(trustingFilter(List.of()), get("/prod/pets", "Authorization", foreign)).status()).isEqualTo(401);
    }

    @Test
    void lifetimesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> minter().mint(Map.of(), List.of(), Duration.ZERO)).hasMessageContaining("at most 30 days");
        assertThatThrownBy(() -> minter().mint(Map.of(), List.of(), Duration.ofDays(31))).isInstanceOf(IllegalArgumentException.class);
    }
}

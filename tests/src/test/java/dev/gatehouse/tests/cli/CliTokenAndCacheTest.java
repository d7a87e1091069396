package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.control.ControlApi;
import dev.gatehouse.engine.control.ControlPlaneOptions;
import dev.gatehouse.engine.control.ControlPlaneServer;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.workspace.Edit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse token mint} and {@code gatehouse cache flush} through the real launcher, against an engine serving
 * the sample workspace: a minted token opens a method behind a COGNITO_USER_POOLS authorizer whose user pool trusts
 * the workspace key (401 {"message":"Unauthorized"} without it, aws-reference §1.12), and a flush reaches the running
 * engine through its control plane (AWS FlushStageCache, 202), while without one the command says why nothing was
 * flushed.
 */
class CliTokenAndCacheTest {

    static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/local";

    @TempDir Path temp;

    private static ApiDefinition petStore(Gateway gateway) {
        return gateway.workspace().apis().stream().filter(a -> a.name().equals("PetStore")).findFirst().orElseThrow();
    }

    @Test
    void aTokenMintedOnTheCommandLineOpensACognitoMethodOfAServedStage() throws Exception {
        Path ws = Cli.copyOfSampleWorkspace(temp.resolve("ws"));
        Files.writeString(ws.resolve("user-pools.json"), "{\"userPools\":{\"" + POOL + "\":{\"localSigningKey\":true}}}");
        try (Gateway gateway = Gateway.open(ws)) {
            ApiDefinition api = petStore(gateway);
            ApiDefinition guarded = api.withAuthorizers(List.of(new Authorizer("cog001", "local-users",
                    AuthorizerType.COGNITO_USER_POOLS, List.of(POOL), null, null, null, "method.request.header.Authorization",
                    null, 300)));
            guarded = guarded.updateResource(guarded.root().id(), r -> r.withMethod(r.method("GET")
                    .withAuthorization(AuthorizationType.COGNITO_USER_POOLS, "cog001", null)));
            gateway.history().apply(Edit.replaceApi(guarded));
            gateway.deploy(api.id(), "prod", "cognito");
            assertThat(gateway.accessWarnings(api.id())).as("the pool is configured").isEmpty();
            gateway.serve("127.0.0.1", 0);

            Cli.Result minted = Cli.run("token", "mint", "--claim", "email=ana@example.com", "--expires", "10m", "-w", ws.toString());
            assertThat(minted.exitCode()).as(minted.stderr()).isZero();
            String token = minted.stdout().strip();
            assertThat(token.split("\\.")).hasSize(3);

            HttpClient http = HttpClient.newHttpClient();
            URI root = URI.create(gateway.invokeUrl(api.id(), "prod") + "/");
            HttpResponse<String> without = http.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(without.statusCode()).isEqualTo(401);
            assertThat(without.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
            HttpResponse<String> with = http.send(HttpRequest.newBuilder(root).header("Authorization", token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(with.statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(ws.resolve(".gatehouse/signing-key.jwk.json"))).isTrue();
    }

    @Test
    void aCacheFlushReachesTheRunningEngineThroughItsControlPlaneAndSaysWhyWithoutOne() throws Exception {
        Path ws = Cli.copyOfSampleWorkspace(temp.resolve("ws"));
        try (Gateway gateway = Gateway.open(ws)) {
            ApiDefinition api = petStore(gateway);
            var stage = gateway.workspace().stage(api.id(), "prod").orElseThrow();
            gateway.history().apply(Edit.putStage(api.id(), stage.withCacheCluster(true, "0.5", 1L)));
            gateway.serve("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            URI root = URI.create(gateway.invokeUrl(api.id(), "prod") + "/");
            for (int i = 0; i < 2; i++) {
                assertThat(http.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }
            assertThat(gateway.cachedResponses(api.id(), "prod")).isEqualTo(1);

            Cli.Result refused = Cli.run("cache", "flush", "PetStore", "--stage", "prod", "-w", ws.toString());
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).contains("nothing flushed").contains("serve --admin-port");
            assertThat(gateway.cachedResponses(api.id(), "prod")).isEqualTo(1);

            try (ControlPlaneServer admin = ControlPlaneServer.start(ControlPlaneOptions.loopback(0, AccessKeys.none()),
                    new ControlApi(gateway, AccessKeys.none(), Clock.systemUTC()))) {
                Cli.Result flushed = Cli.run("cache", "flush", "PetStore", "--stage", "prod", "--endpoint-url", admin.endpoint(),
                        "-w", ws.toString());
                assertThat(flushed.exitCode()).as(flushed.stderr()).isZero();
                assertThat(flushed.stdout()).startsWith("flushed the cache of stage prod of PetStore");
            }
            assertThat(gateway.cachedResponses(api.id(), "prod")).isZero();

            Cli.Result unknown = Cli.run("cache", "flush", "PetStore", "--stage", "nope", "-w", ws.toString());
            assertThat(unknown.stderr()).contains("API PetStore has no stage 'nope'");
        }
    }
}

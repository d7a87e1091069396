package dev.gatehouse.tests.control;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.control.ControlApi;
import dev.gatehouse.engine.control.ControlPlaneOptions;
import dev.gatehouse.engine.control.ControlPlaneServer;
import dev.gatehouse.engine.server.DataPlaneServer;
import dev.gatehouse.engine.workspace.Workspace;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * A headless engine as {@code gatehouse serve --admin-port} runs it: a fresh workspace, the data plane and the
 * control plane on free loopback ports, and AWS SDK clients pointed at the control plane. Always closed.
 */
final class ControlPlaneHarness implements AutoCloseable {
    static final String KEY_ID = "AKIDGATEHOUSETEST";
    static final String SECRET = "gatehouse-test-secret-key";

    final Gateway gateway;
    final DataPlaneServer dataPlane;
    final ControlPlaneServer controlPlane;

    /** @param keys the access keys the control plane accepts ({@link AccessKeys#none()}: any signature) */
    ControlPlaneHarness(Path dir, AccessKeys keys) {
        this(Gateway.of(Workspace.create(dir, "control")), keys);
    }

    /** An engine on the existing workspace {@code dir}, as a restarted {@code gatehouse serve --admin-port} opens it. */
    static ControlPlaneHarness reopen(Path dir, AccessKeys keys) {
        return new ControlPlaneHarness(Gateway.open(dir), keys);
    }

    private ControlPlaneHarness(Gateway opened, AccessKeys keys) {
        gateway = opened;
        dataPlane = gateway.serve("127.0.0.1", 0);
        controlPlane = ControlPlaneServer.start(ControlPlaneOptions.loopback(0, keys),
                new ControlApi(gateway, keys, Clock.systemUTC()));
    }

    static AccessKeys testKeys() {
        return AccessKeys.of(KEY_ID, SECRET);
    }

    /** An SDK client signing with the test key. */
    ApiGatewayClient client() {
        return client(KEY_ID, SECRET);
    }

    ApiGatewayClient client(String keyId, String secret) {
        return ApiGatewayClient.builder()
                .endpointOverride(URI.create(controlPlane.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(Apache5HttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override public void close() {
        controlPlane.close();
        gateway.close();
    }
}

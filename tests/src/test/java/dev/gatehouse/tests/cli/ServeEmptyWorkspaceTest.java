package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * A new user's first headless engine: {@code gatehouse serve --admin-port} on a folder that holds no workspace yet
 * starts on an empty one (as a new AWS account starts with no APIs) for the AWS CLI, the SDKs or a push to fill;
 * without the control plane there is nothing to serve, and the error says how to make a workspace.
 */
class ServeEmptyWorkspaceTest {

    @TempDir Path temp;

    @Test
    void serveWithAControlPlaneOnAFolderWithoutAWorkspaceStartsAnEmptyOneTheSdkCanFill() throws Exception {
        Path ws = temp.resolve("fresh");
        Process serve = new ProcessBuilder(Cli.launcher().toString(), "serve", "-w", ws.toString(), "--port", "0",
                "--admin-port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String endpoint = null;
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < 10 && endpoint == null; i++) {
                String line = out.readLine();
                if (line == null) break;
                seen.append(line).append('\n');
                Matcher m = Pattern.compile("Control plane .* on (http://127\\.0\\.0\\.1:\\d+)").matcher(line);
                if (m.find()) endpoint = m.group(1);
            }
            assertThat(endpoint).as(seen.toString()).isNotNull();
            assertThat(ws.resolve("workspace.json")).exists();
            String controlPlane = endpoint;
            try (ApiGatewayClient aws = ApiGatewayClient.builder().endpointOverride(URI.create(controlPlane))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build()) {
                assertThat(aws.getRestApis(b -> { }).items()).isEmpty();
                String id = aws.createRestApi(b -> b.name("First")).id();
                assertThat(ws.resolve("apis/" + id + "/api.json")).exists();
            }
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(15, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
    }

    @Test
    void serveWithoutAControlPlaneOnAFolderWithoutAWorkspaceSaysHowToMakeOne() throws Exception {
        Path ws = temp.resolve("none");
        Files.createDirectories(ws);
        Cli.Result r = Cli.run("serve", "-w", ws.toString(), "--port", "0");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("no workspace at " + ws).contains("gatehouse import FILE -w " + ws)
                .contains("--admin-port");
        assertThat(ws.resolve("workspace.json")).doesNotExist();
    }
}

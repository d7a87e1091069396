package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.control.ControlApi;
import dev.gatehouse.engine.control.ControlPlaneOptions;
import dev.gatehouse.engine.control.ControlPlaneServer;
import dev.gatehouse.engine.control.ControlPlaneTls;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * The control plane over HTTPS ({@code --admin-tls-cert/--admin-tls-key}) with a self-signed certificate made in
 * the test by the JDK's keytool: the AWS SDK v2 trusting exactly that certificate, and the AWS CLI with
 * {@code --no-verify-ssl}, both manage the engine; a client that does not trust it gets no answer.
 */
class ControlPlaneTlsTest {

    @TempDir Path dir;
    @TempDir Path home;

    @Test
    void theSdkAndTheCliManageTheEngineOverHttpsWithASelfSignedCertificate() throws Exception {
        KeyStore store = selfSigned(dir);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Certificate certificate = store.getCertificate("gatehouse");
        Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", store.getKey("gatehouse", "changeit".toCharArray()).getEncoded()));

        ControlPlaneOptions options = ControlPlaneOptions.loopback(0, ControlPlaneHarness.testKeys())
                .withTls(ControlPlaneTls.read(cert, key));
        try (Gateway gateway = Gateway.of(Workspace.create(dir.resolve("ws"), "tls"));
             ControlPlaneServer admin = ControlPlaneServer.start(options, new ControlApi(gateway, options.keys(), Clock.systemUTC()))) {
            assertThat(admin.endpoint()).startsWith("https://127.0.0.1:");

            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("gatehouse", certificate);
            trust.init(trusted);
            try (ApiGatewayClient aws = ApiGatewayClient.builder().endpointOverride(URI.create(admin.endpoint()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            ControlPlaneHarness.KEY_ID, ControlPlaneHarness.SECRET)))
                    .httpClient(Apache5HttpClient.builder().tlsTrustManagersProvider(trust::getTrustManagers)
                            // the first handshake warms up the server's TLS (seconds on a loaded machine)
                            .connectionTimeout(java.time.Duration.ofSeconds(60)).socketTimeout(java.time.Duration.ofSeconds(60)).build())
                    .build()) {
                String id = aws.createRestApi(b -> b.name("over-tls")).id();
                assertThat(aws.getRestApi(b -> b.restApiId(id)).name()).isEqualTo("over-tls");
            }
            assertThat(gateway.workspace().apis()).extracting(a -> a.name()).containsExactly("over-tls");

            AwsCli cli = new AwsCli(admin.endpoint(), home);
            JsonNode apis = cli.run("get-rest-apis", "--no-verify-ssl");
            assertThat(apis.path("items").get(0).path("name").asText()).isEqualTo("over-tls");
            AwsCli.Result verifying = cli.attempt("get-rest-apis");
            assertThat(verifying.exit()).as("the CLI verifying certificates does not trust a self-signed one").isNotZero();
            assertThat(verifying.stderr()).containsIgnoringCase("SSL");

            // plain HTTP to the HTTPS port is no control-plane request; a client trusting nothing extra is refused
            HttpClient http = HttpClient.newHttpClient();
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(admin.endpoint() + "/restapis")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }

    /** A PKCS#12 store with a fresh RSA key and a certificate for 127.0.0.1 and localhost, made by the JDK's keytool. */
    private static KeyStore selfSigned(Path dir) throws Exception {
        Path file = dir.resolve("tls.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "gatehouse", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit"))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool: %s", output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

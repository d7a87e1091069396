package dev.gatehouse.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse serve --admin-host/--admin-tls-*}: a control plane beyond loopback without credentials, and TLS
 * options that cannot work, are refused before anything listens, in the product's words.
 */
class ServeAdminSecurityTest {

    @TempDir Path dir;

    private String serveFails(String... options) throws Exception {
        if (!Files.exists(dir.resolve("ws/workspace.json"))) Workspace.create(dir.resolve("ws"), "serve").close();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] args = new String[options.length + 5];
            args[0] = "serve";
            args[1] = "-w";
            args[2] = dir.resolve("ws").toString();
            args[3] = "-p";
            args[4] = "0";
            System.arraycopy(options, 0, args, 5, options.length);
            assertThat(GatehouseCli.execute(args)).isNotZero();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aControlPlaneBeyondLoopbackWithoutCredentialsIsRefused() throws Exception {
        assertThat(serveFails("--admin-port", "0", "--admin-host", "0.0.0.0"))
                .contains("gatehouse: the control plane listens on 0.0.0.0 (beyond loopback) only with access keys configured (--credentials FILE)");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        assertThat(serveFails("--admin-port", "0", "--admin-tls-cert", cert.toString()))
                .contains("gatehouse: --admin-tls-cert and --admin-tls-key go together");
    }

    @Test
    void tlsFilesWithoutAControlPlaneAreRefused() throws Exception {
        assertThat(serveFails("--admin-tls-cert", "c.pem", "--admin-tls-key", "k.pem"))
                .contains("gatehouse: --admin-tls-cert and --admin-tls-key need --admin-port");
    }

    @Test
    void aMissingOrNonPemCertificateIsNamed() throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Path missing = dir.resolve("missing.pem");
        assertThat(serveFails("--admin-port", "0", "--admin-tls-cert", missing.toString(), "--admin-tls-key", key.toString()))
                .contains("gatehouse: cannot read the TLS certificate file " + missing);
        Path notPem = Files.writeString(dir.resolve("cert.txt"), "hello");
        assertThat(serveFails("--admin-port", "0", "--admin-tls-cert", notPem.toString(), "--admin-tls-key", key.toString()))
                .contains("the TLS certificate file " + notPem + " holds no PEM certificate");
    }

    @Test
    void aPortBeyondTheTcpRangeIsRefusedNamingTheOption() throws Exception {
        assertThat(serveFails("--admin-port", "99999"))
                .contains("gatehouse: --admin-port must be a TCP port from 1 to 65535 (0 = any free port), not 99999");
        assertThat(serveFails("--admin-port", "-1"))
                .contains("gatehouse: --admin-port must be a TCP port from 1 to 65535 (0 = any free port), not -1");
    }
}

package dev.gatehouse.engine.control;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The certificate the control plane serves HTTPS with ({@code serve --admin-tls-cert FILE --admin-tls-key FILE}):
 * a PEM certificate chain (server certificate first) and its PEM private key (PKCS#8 {@code BEGIN PRIVATE KEY} or
 * PKCS#1 {@code BEGIN RSA PRIVATE KEY}). Both files are read once, when the options are made, so a missing or
 * unreadable file fails at start with its name, never on the first connection.
 *
 * @param certificate the PEM certificate file, as named on the command line (for messages)
 * @param privateKey  the PEM private key file
 */
public record ControlPlaneTls(Path certificate, Path privateKey, byte[] certificatePem, byte[] privateKeyPem) {

    public ControlPlaneTls {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    }

    /**
     * Reads both PEM files.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no PEM block of its kind
     */
    public static ControlPlaneTls read(Path certificate, Path privateKey) {
        byte[] cert = pem(certificate, "certificate", "-----BEGIN CERTIFICATE-----");
        byte[] key = pem(privateKey, "private key", "PRIVATE KEY-----");
        return new ControlPlaneTls(certificate, privateKey, cert, key);
    }

    private static byte[] pem(Path file, String what, String marker) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS " + what + " file " + file + ": " + e.getMessage(), e);
        }
        if (!new String(bytes, StandardCharsets.US_ASCII).contains(marker)) {
            throw new IllegalArgumentException("the TLS " + what + " file " + file + " holds no PEM " + what
                    + " (a block starting with '" + (marker.startsWith("-----") ? marker : "-----BEGIN ... " + marker) + "')");
        }
        return bytes;
    }

    /** Turns HTTPS on in {@code options} with this certificate; a key that does not fit fails when the server listens. */
    void applyTo(HttpServerOptions options) {
        options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(certificatePem)).addKeyValue(Buffer.buffer(privateKeyPem)));
    }

    @Override public String toString() {
        // never the key's bytes
        return "ControlPlaneTls[" + certificate + ", " + privateKey + "]";
    }

    @Override public boolean equals(Object o) {
        return o instanceof ControlPlaneTls t && t.certificate.equals(certificate) && t.privateKey.equals(privateKey);
    }

    @Override public int hashCode() {
        return Objects.hash(certificate, privateKey);
    }
}

package dev.gatehouse.engine.sigv4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Access keys a SigV4 verifier accepts (the control plane's, and the data plane's for AWS_IAM methods): access key
 * id → secret access key.
 *
 * <p>File format ({@code serve --credentials FILE}) is AWS's own shared-credentials format, so the file the AWS CLI
 * reads can be given as is: {@code [profile]} sections with {@code aws_access_key_id} and
 * {@code aws_secret_access_key} lines; {@code #} and {@code ;} start comments; other keys are ignored. Every
 * section with both lines adds one key. A file without any key is an error (it would silently open the API).
 */
public record AccessKeys(Map<String, String> secrets) {

    public AccessKeys {
        secrets = Map.copyOf(secrets);
    }

    /** No keys: on loopback, any well-formed signature is accepted. */
    public static AccessKeys none() {
        return new AccessKeys(Map.of());
    }

    public static AccessKeys of(String accessKeyId, String secretAccessKey) {
        return new AccessKeys(Map.of(accessKeyId, secretAccessKey));
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public Optional<String> secret(String accessKeyId) {
        return Optional.ofNullable(secrets.get(accessKeyId));
    }

    /** Reads a credentials file (format above). @throws IllegalArgumentException naming the file and line */
    public static AccessKeys read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    /** Parses the lines of a credentials file; {@code source} names it in errors. */
    public static AccessKeys parse(List<String> lines, String source) {
        Map<String, String> out = new LinkedHashMap<>();
        String id = null;
        String secret = null;
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                add(out, id, secret);
                id = null;
                secret = null;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException(source + ":" + n + ": expected 'name = value' or '[profile]'");
            String name = line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (name.equals("aws_access_key_id")) id = value;
            if (name.equals("aws_secret_access_key")) secret = value;
        }
        add(out, id, secret);
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no access key (aws_access_key_id and aws_secret_access_key)");
        }
        return new AccessKeys(out);
    }

    private static void add(Map<String, String> out, String id, String secret) {
        if (id != null && secret != null && !id.isEmpty() && !secret.isEmpty()) out.put(id, secret);
    }

    @Override public String toString() {
        return "AccessKeys" + secrets.keySet(); // never the secrets
    }
}

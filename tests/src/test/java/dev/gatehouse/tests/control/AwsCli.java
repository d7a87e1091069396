package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real AWS CLI ({@code aws apigateway … --endpoint-url}) against an engine's control plane, with the test key
 * in the environment and a private, empty AWS config ({@code home}), so nothing of the user's is read.
 */
final class AwsCli {
    record Result(int exit, String stdout, String stderr) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path aws;
    private final String endpoint;
    private final Path home;

    AwsCli(String endpoint, Path home) {
        this.aws = find();
        this.endpoint = endpoint;
        this.home = home;
    }

    /** The {@code aws} executable on PATH; fails (never skips) when the AWS CLI is missing. */
    static Path find() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(d, "aws");
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new AssertionError("the AWS CLI ('aws') is not on PATH: install the Debian package awscli");
    }

    /** Runs a command that must succeed; its JSON output (an empty object when it prints nothing). */
    JsonNode run(String... args) throws IOException, InterruptedException {
        Result r = attempt(args);
        assertThat(r.exit()).as("aws apigateway %s\nstderr: %s", String.join(" ", args), r.stderr()).isZero();
        return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
    }

    Result attempt(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "apigateway"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json",
                "--cli-read-timeout", "60", "--cli-connect-timeout", "5"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", ControlPlaneHarness.KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", ControlPlaneHarness.SECRET);
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("HOME", home.toString());
        Path out = Files.createTempFile(home, "out", ".json");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}

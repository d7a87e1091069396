package dev.gatehouse.tests.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real CLI launcher ({@code engine/target/gatehouse}) as a child process, with its own config home (so the
 * remotes file of the test never touches the user's), either run to completion or, for {@code serve}, kept
 * running until {@link #close()} (SIGTERM, then a forced kill after 10 s).
 */
final class GatehouseProcess implements AutoCloseable {

    record Result(int exitCode, String stdout, String stderr) {}

    private final Process process;
    private final Path out;
    private final Path err;

    private GatehouseProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static Path repo() {
        String repo = System.getProperty("gatehouse.repo");
        return repo != null ? Path.of(repo) : Path.of("..").toAbsolutePath().normalize();
    }

    private static ProcessBuilder builder(Path configHome, String... args) {
        Path launcher = repo().resolve("engine/target/gatehouse");
        if (!Files.isExecutable(launcher)) throw new IllegalStateException(launcher + " is missing: run 'mvn package'");
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("GATEHOUSE_CONFIG_HOME", configHome.toString());
        // the AWS SDK inside push must not find anything of the user's
        env.put("AWS_CONFIG_FILE", configHome.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", configHome.resolve("no-aws-credentials").toString());
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        env.remove("AWS_PROFILE");
        return pb;
    }

    /** Runs a command to its end (at most 300 s: a JVM start alone takes 20 s on a loaded CI machine). */
    static Result runWithInput(Path configHome, String stdin, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = builder(configHome, args);
        Path out = Files.createTempFile("gatehouse-out", ".txt");
        Path err = Files.createTempFile("gatehouse-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("gatehouse " + String.join(" ", args) + " did not finish in 300 s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    static Result run(Path configHome, String... args) throws IOException, InterruptedException {
        return runWithInput(configHome, null, args);
    }

    /** Starts a long-running command (serve). */
    static GatehouseProcess start(Path configHome, Path logDir, String... args) throws IOException {
        ProcessBuilder pb = builder(configHome, args);
        Path out = Files.createTempFile(logDir, "serve-out", ".txt");
        Path err = Files.createTempFile(logDir, "serve-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        return new GatehouseProcess(pb.start(), out, err);
    }

    /** The first group of {@code pattern} in the process's stdout, waiting up to 180 s for it to be printed. */
    String await(Pattern pattern) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(Files.readString(out));
            if (m.find()) return m.group(1);
            if (!process.isAlive()) break;
            Thread.sleep(100);
        }
        throw new AssertionError("gatehouse never printed " + pattern + "\nstdout: " + Files.readString(out)
                + "\nstderr: " + Files.readString(err));
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

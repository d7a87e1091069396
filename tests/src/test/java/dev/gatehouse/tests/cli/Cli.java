package dev.gatehouse.tests.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real CLI launcher ({@code engine/target/gatehouse}) as a child process, as users do. */
final class Cli {

    record Result(int exitCode, String stdout, String stderr) {}

    static Path repo() {
        String repo = System.getProperty("gatehouse.repo");
        Path root = repo != null ? Path.of(repo) : Path.of("..").toAbsolutePath().normalize();
        return root;
    }

    static Path launcher() {
        Path launcher = repo().resolve("engine/target/gatehouse");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException(launcher + " is missing: run 'mvn package' (the engine module builds it)");
        }
        return launcher;
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile("gatehouse-out", ".txt");
        Path err = Files.createTempFile("gatehouse-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("gatehouse " + String.join(" ", args) + " did not finish in 120 s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    /** A copy of the bundled sample workspace in {@code target} (the tests change it; the repository's stays as is). */
    static Path copyOfSampleWorkspace(Path target) throws IOException {
        Path source = repo().resolve("resources/sample-workspace");
        try (java.util.stream.Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return target;
    }

    private Cli() {}
}

package dev.gatehouse.engine.workspace;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts a main class of the test sources in a child JVM, tuned to start fast. The child's class path is this
 * JVM's, except that the class folders are replaced by a private copy of the two packages the children use:
 * other builds of the same tree may rewrite {@code target/classes} while the children keep starting.
 */
final class WorkspaceChildJvm {
    private static final List<String> PACKAGES = List.of("dev/gatehouse/engine/model", "dev/gatehouse/engine/workspace");
    private static String classPath;

    private WorkspaceChildJvm() {}

    static Process start(Class<?> main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-Xss512k", "-cp", classPath(), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static synchronized String classPath() throws IOException {
        if (classPath != null) return classPath;
        Path copy = Files.createTempDirectory("gatehouse-child-classes");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(copy)));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.isDirectory(source)) {
                entries.add(entry);
                continue;
            }
            Path target = copy.resolve(Integer.toString(n++));
            for (String pkg : PACKAGES) copyTree(source.resolve(pkg), target.resolve(pkg));
            entries.add(target.toString());
        }
        classPath = String.join(File.pathSeparator, entries);
        return classPath;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

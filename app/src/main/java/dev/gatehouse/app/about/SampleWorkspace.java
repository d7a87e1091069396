package dev.gatehouse.app.about;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The sample workspace of an installed console: the image carries a read-only copy (under /opt on Linux); the
 * first start copies it to {@code ~/Gatehouse/sample-workspace}, and that copy is what opens and gets edited.
 * An existing copy is never touched.
 */
public final class SampleWorkspace {
    /** System property the installed launcher sets to the image's copy (jpackage {@code $APPDIR}). */
    public static final String PROPERTY = "gatehouse.sampleWorkspace";

    private SampleWorkspace() {}

    public static Path defaultTarget() {
        return Path.of(System.getProperty("user.home"), "Gatehouse", "sample-workspace");
    }

    /**
     * Copies {@code source} to {@code target} when the target does not exist yet (through a temporary sibling
     * and a rename, so a crash never leaves a half copy that later starts would take for the sample).
     * True when it copied: the first start, which opens the sample.
     */
    public static boolean install(Path source, Path target) {
        if (Files.exists(target) || !Files.isRegularFile(source.resolve("workspace.json"))) return false;
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), ".sample-");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path to = tmp.resolve(source.relativize(from).toString());
                    if (Files.isDirectory(from)) Files.createDirectories(to);
                    else Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    to.toFile().setWritable(true, true); // the image's files may be read-only
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the sample workspace to " + target, e);
        }
    }
}

package dev.gatehouse.engine.sdk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zipping a folder and deleting one. */
final class Zips {
    private Zips() {}

    /** Writes {@code folder} to {@code zip} (replaced if present) with entries under {@code <folder name>/}. */
    static void zipFolder(Path folder, Path zip) {
        String root = folder.getFileName().toString();
        Path partial = zip.resolveSibling(zip.getFileName() + ".part");
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = walk.sorted().toList();
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream z = new ZipOutputStream(out)) {
                for (Path p : paths) {
                    String name = root + "/" + folder.relativize(p).toString().replace('\\', '/');
                    if (Files.isDirectory(p)) {
                        if (!p.equals(folder)) z.putNextEntry(new ZipEntry(name + "/"));
                    } else {
                        z.putNextEntry(new ZipEntry(name));
                        Files.copy(p, z);
                    }
                    z.closeEntry();
                }
            }
            Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SdkException("cannot write " + zip + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

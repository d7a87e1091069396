package dev.gatehouse.tests.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The OpenAPI test documents under {@code src/test/resources/openapi} (and {@code openapi-extra}, if present). */
final class OpenApiTestFiles {
    private OpenApiTestFiles() {}

    static List<Path> in(String folder) {
        URL url = OpenApiTestFiles.class.getClassLoader().getResource(folder);
        if (url == null) return List.of();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

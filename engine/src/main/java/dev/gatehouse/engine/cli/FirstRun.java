package dev.gatehouse.engine.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What {@code gatehouse} with no arguments says before its usage: how to start from where the user stands — no
 * workspace here (import one, or serve the sample), an empty workspace (import or create an API), or a workspace
 * with APIs (deploy and serve). One screen, the product's words, commands ready to copy.
 */
final class FirstRun {
    private FirstRun() {}

    /** The message for the folder {@code here}; {@code sample} is the bundled sample workspace, or null. */
    static String message(Path here, Path sample) {
        StringBuilder out = new StringBuilder();
        if (!Files.isRegularFile(here.resolve("workspace.json"))) {
            out.append("Getting started: there is no Gatehouse workspace in ").append(here).append(" yet.\n");
            out.append("  gatehouse import api.yaml         make this folder a workspace holding the API of an OpenAPI 3\n")
               .append("                                    or Swagger 2 file (AWS's x-amazon-apigateway extensions kept)\n");
            if (sample != null) {
                out.append("  gatehouse serve -w ").append(sample).append("\n")
                   .append("                                    serve the sample workspace (PetStore and two more APIs, deployed)\n");
            }
            out.append("  the Gatehouse console             create an API, clone one, or add AWS's example PetStore\n");
        } else {
            long apis = apiCount(here);
            if (apis == 0) {
                out.append("Getting started: the workspace in ").append(here).append(" has no API yet.\n");
                out.append("  gatehouse import api.yaml         add the API of an OpenAPI 3 or Swagger 2 file\n");
                out.append("  the Gatehouse console             create an API, clone one, or add AWS's example PetStore\n");
            } else {
                out.append("Workspace ").append(here).append(": ").append(apis).append(apis == 1 ? " API" : " APIs").append(".\n");
            }
        }
        out.append("Then: gatehouse deploy API --stage prod, gatehouse serve, and call the invoke URL it prints.\n");
        return out.toString();
    }

    /** The sample workspace next to the CLI's jar ({@code engine/target/} in a build of the repository), or null. */
    static Path bundledSample() {
        try {
            Path jar = Path.of(FirstRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.getParent();
            for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
                Path sample = dir.resolve("resources").resolve("sample-workspace");
                if (Files.isRegularFile(sample.resolve("workspace.json"))) return sample;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (e.g. a custom class loader): say nothing about the sample
        }
        return null;
    }

    private static long apiCount(Path workspace) {
        try (Stream<Path> dirs = Files.list(workspace.resolve("apis"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("api.json"))).count();
        } catch (IOException e) {
            return 0;
        }
    }
}

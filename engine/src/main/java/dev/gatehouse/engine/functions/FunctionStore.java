package dev.gatehouse.engine.functions;

import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.workspace.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The functions of one workspace folder: {@code functions/NAME/function.json} beside the code (in git like the
 * rest). Reads never cache: every call sees the disk as it is now, so edits made by an editor, the console or
 * another process are picked up ({@link #fingerprint} lets the pools notice them cheaply). Thread-safe.
 */
public final class FunctionStore {

    static final String CONFIG_FILE = "function.json";

    private final Path functionsDir;

    public FunctionStore(Path workspaceRoot) {
        this.functionsDir = workspaceRoot.resolve("functions");
    }

    /** {@code functions/} of the workspace (may not exist yet). */
    public Path functionsDir() {
        return functionsDir;
    }

    public Path dir(String name) {
        return functionsDir.resolve(name);
    }

    /** The function's configuration; empty when there is no such folder or no {@code function.json}. */
    public Optional<FunctionConfig> read(String name) {
        if (!FunctionConfig.NAME.matcher(name).matches()) return Optional.empty();
        Path file = dir(name).resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), FunctionConfig.class).withName(name));
        } catch (IOException e) {
            throw new IllegalArgumentException("functions/" + name + "/" + CONFIG_FILE + " is not valid: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Every function with a readable {@code function.json}, by name; broken ones are skipped. */
    public List<FunctionConfig> list() {
        if (!Files.isDirectory(functionsDir)) return List.of();
        List<FunctionConfig> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(functionsDir)) {
            for (Path d : dirs.sorted().toList()) {
                try {
                    read(d.getFileName().toString()).ifPresent(out::add);
                } catch (IllegalArgumentException broken) {
                    // listed by the CLI as broken elsewhere; a list never fails because of one folder
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Creates {@code functions/NAME/} with {@code function.json} and either a copy of {@code code} or a starter
     * handler for the runtime. Fails when the function exists.
     */
    public FunctionConfig create(FunctionConfig config, Path code) {
        String name = config.name();
        if (name == null || !FunctionConfig.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid function name '" + name + "': 1-64 letters, digits, - or _");
        }
        Path dir = dir(name);
        if (Files.exists(dir.resolve(CONFIG_FILE))) throw new IllegalArgumentException("function " + name + " exists");
        try {
            Files.createDirectories(dir);
            if (code != null) copyTree(code, dir);
            else StarterCode.write(config, dir);
            write(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** Writes {@code function.json} atomically (pretty, sorted keys). */
    public void write(FunctionConfig config) {
        try {
            Files.createDirectories(dir(config.name()));
            AtomicFiles.write(dir(config.name()).resolve(CONFIG_FILE),
                    Json.pretty(config).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A value that changes whenever a file of the function changes (path, size or modification time), ignoring
     * what runtimes write themselves ({@code __pycache__}, hidden folders) and {@code node_modules}.
     */
    public long fingerprint(String name) {
        Path dir = dir(name);
        if (!Files.isDirectory(dir)) return 0;
        long[] h = {17};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String n = d.getFileName().toString();
                    if (!d.equals(dir) && (n.startsWith(".") || n.equals("__pycache__") || n.equals("node_modules"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    h[0] = 31 * h[0] + dir.relativize(f).toString().hashCode();
                    h[0] = 31 * h[0] + attrs.size();
                    h[0] = 31 * h[0] + attrs.lastModifiedTime().toMillis();
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE; // a file replaced while we walk: the next poll sees it
                }
            });
        } catch (IOException e) {
            return h[0] ^ 1;
        }
        return h[0];
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) throw new IllegalArgumentException("no code folder at " + from);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            perms.add(PosixFilePermission.GROUP_EXECUTE);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setExecutable(true);
        }
    }
}

package dev.gatehouse.engine.functions;

import dev.gatehouse.engine.workspace.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one file an editor shows for a function: the file its handler names ({@code index.handler} →
 * {@code index.js}, {@code app.handler} → {@code app.py}, {@code example.Hello::handleRequest} →
 * {@code src/example/Hello.java}, a custom runtime's {@code bootstrap}), and saving it (a Java source compiled into
 * the function folder, as the starter is). Called by the console's session off the FX thread; stateless.
 */
public final class FunctionSources {

    private FunctionSources() { }

    /** The handler's file, relative to the function folder (it may not exist yet). */
    public static String codeFile(Path dir, FunctionConfig cfg) {
        String handler = cfg.handler();
        return switch (cfg.runtime()) {
            case NODEJS -> {
                String module = handler.contains(".") ? handler.substring(0, handler.lastIndexOf('.')) : handler;
                // Lambda's Node.js runtime looks for .js, then .mjs, then .cjs
                String found = module + ".js";
                for (String ext : new String[] {".js", ".mjs", ".cjs"}) {
                    if (Files.isRegularFile(dir.resolve(module + ext))) {
                        found = module + ext;
                        break;
                    }
                }
                yield found;
            }
            case PYTHON -> (handler.contains(".") ? handler.substring(0, handler.lastIndexOf('.')) : handler)
                    .replace('.', '/') + ".py";
            case PROVIDED -> "bootstrap";
            case JAVA -> "src/" + (handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler)
                    .replace('.', '/') + ".java";
        };
    }

    /**
     * Writes the handler's file atomically; a Java source is compiled first, into the function folder, and kept
     * only when it compiles (a bootstrap stays executable).
     *
     * @throws IllegalArgumentException with the compiler's messages when a Java source does not compile
     */
    public static void save(Path dir, FunctionConfig cfg, String code) {
        Path file = dir.resolve(codeFile(dir, cfg));
        byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            byte[] previous = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            AtomicFiles.write(file, bytes);
            if (cfg.runtime() == FunctionRuntime.JAVA) {
                String errors = JavaRuntime.compile(file, dir);
                if (errors != null) {
                    if (previous != null) AtomicFiles.write(file, previous);
                    else Files.deleteIfExists(file);
                    throw new IllegalArgumentException("The handler does not compile:\n" + errors.strip());
                }
            }
            if (cfg.runtime() == FunctionRuntime.PROVIDED) FunctionStore.makeExecutable(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

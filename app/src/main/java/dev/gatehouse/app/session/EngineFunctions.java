package dev.gatehouse.app.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.engine.functions.FunctionConfig;
import dev.gatehouse.engine.functions.FunctionRuntime;
import dev.gatehouse.engine.functions.FunctionSources;
import dev.gatehouse.engine.functions.InvokeResult;
import dev.gatehouse.engine.functions.LocalFunctions;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.workspace.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@link WorkspaceFunctions} on the engine's {@link LocalFunctions} of the open workspace (the Gateway's own). */
final class EngineFunctions implements WorkspaceFunctions {
    /** The Lambda console's rule for a test event's name. */
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,25}");
    /** The longest a console test waits: Lambda's largest timeout (900 s) is far beyond a test's patience. */
    private static final Duration TEST_WAIT = Duration.ofSeconds(120);

    private final LocalFunctions functions;

    EngineFunctions(LocalFunctions functions) {
        this.functions = functions;
    }

    @Override public List<FunctionConfig> list() {
        Path dir = functions.store().functionsDir();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .map(this::readQuietly).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<FunctionConfig> readQuietly(String name) {
        try {
            return functions.store().read(name);
        } catch (IllegalArgumentException broken) {
            return Optional.empty();
        }
    }

    @Override public Optional<FunctionConfig> read(String name) {
        return functions.store().read(name);
    }

    @Override public FunctionConfig create(String name, FunctionRuntime runtime) {
        return functions.store().create(FunctionConfig.of(name, runtime, null), null);
    }

    @Override public void update(FunctionConfig config) {
        if (functions.store().read(config.name()).isEmpty()) {
            throw new IllegalArgumentException("Function not found: " + config.name());
        }
        functions.store().write(config);
    }

    @Override public Optional<String> codeFile(String name) {
        return functions.store().read(name).map(cfg -> FunctionSources.codeFile(functions.store().dir(name), cfg))
                .filter(f -> Files.isRegularFile(functions.store().dir(name).resolve(f)));
    }

    @Override public String readCode(String name) {
        return codeFile(name).map(f -> {
            try {
                return Files.readString(functions.store().dir(name).resolve(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
    }

    @Override public void writeCode(String name, String code) {
        FunctionConfig cfg = functions.store().read(name)
                .orElseThrow(() -> new IllegalArgumentException("Function not found: " + name));
        FunctionSources.save(functions.store().dir(name), cfg, code);
    }

    @Override public InvokeResult invoke(String name, String event) {
        return functions.invoke(name, event.getBytes(StandardCharsets.UTF_8), null, TEST_WAIT);
    }

    @Override public List<String> logs(String name) {
        return functions.logs(name);
    }

    private Path eventsDir(String name) {
        return functions.store().dir(name).resolve(".events");
    }

    @Override public List<String> testEvents(String name) {
        Path dir = eventsDir(name);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> all = Files.list(dir)) {
            return all.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length())).filter(n -> EVENT_NAME.matcher(n).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public Optional<String> readTestEvent(String name, String eventName) {
        if (!EVENT_NAME.matcher(eventName).matches()) return Optional.empty();
        Path file = eventsDir(name).resolve(eventName + ".json");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void saveTestEvent(String name, String eventName, String json) {
        if (eventName == null || !EVENT_NAME.matcher(eventName).matches()) {
            throw new IllegalArgumentException("Event name '" + eventName + "' must be 1-25 letters, digits, - or _");
        }
        if (functions.store().read(name).isEmpty()) throw new IllegalArgumentException("Function not found: " + name);
        try {
            Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The event is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        try {
            Files.createDirectories(eventsDir(name));
            AtomicFiles.write(eventsDir(name).resolve(eventName + ".json"), json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

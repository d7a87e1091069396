package dev.gatehouse.engine.functions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The runtimes a local function can use; {@code function.json} spells them in lower case. */
public enum FunctionRuntime {
    /** Node.js 18+ through Gatehouse's bootstrap ({@code resources/runtimes/nodejs}). */
    NODEJS("index.handler"),
    /** Python 3.9+ through Gatehouse's bootstrap ({@code resources/runtimes/python}). */
    PYTHON("app.handler"),
    /** Any executable {@code bootstrap} in the function folder, as Lambda's custom runtimes. */
    PROVIDED("function.handler"),
    /**
     * Java 21+: AWS's own runtime interface client ({@code aws-lambda-java-runtime-interface-client}) running the
     * handler ({@code RequestHandler} / {@code RequestStreamHandler} of {@code aws-lambda-java-core}) from the
     * function folder's classes, its jars and {@code lib/} jars.
     */
    JAVA("example.Hello::handleRequest");

    private final String defaultHandler;

    FunctionRuntime(String defaultHandler) {
        this.defaultHandler = defaultHandler;
    }

    /** The handler a new function of this runtime starts with. */
    public String defaultHandler() {
        return defaultHandler;
    }

    @JsonValue public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code nodejs}, {@code python}, {@code java}, {@code provided}; also accepts Lambda's versioned ids
     *  ({@code nodejs20.x}, {@code python3.12}, {@code java21}, {@code provided.al2023}). */
    @JsonCreator public static FunctionRuntime parse(String id) {
        String s = id == null ? "" : id.toLowerCase(Locale.ROOT);
        if (s.startsWith("nodejs")) return NODEJS;
        if (s.startsWith("python")) return PYTHON;
        if (s.startsWith("provided")) return PROVIDED;
        if (s.startsWith("java")) return JAVA;
        throw new IllegalArgumentException("unknown runtime '" + id + "' (nodejs, python, java or provided)");
    }
}

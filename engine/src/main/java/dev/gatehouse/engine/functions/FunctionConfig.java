package dev.gatehouse.engine.functions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A function's {@code function.json}, named as Lambda's CreateFunction fields: {@code runtime}, {@code handler},
 * {@code environment} (the variables), {@code timeout} (seconds, Lambda's default 3, at most 900),
 * {@code memorySize} (MB, a hint: Lambda's default 128), {@code reservedConcurrency} (the pool's worker limit,
 * and as in Lambda the most invocations in flight: one more is throttled; null means up to
 * {@link #DEFAULT_CONCURRENCY} workers, one a core unless invocations are long, and no throttling), {@code description}. The name is the folder's, not stored.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder(alphabetic = true)
public record FunctionConfig(@JsonIgnore String name, FunctionRuntime runtime, String handler,
                             Map<String, String> environment, Integer timeout, Integer memorySize,
                             Integer reservedConcurrency, String description) {

    /** Workers per function when {@code reservedConcurrency} is not set. */
    public static final int DEFAULT_CONCURRENCY = 10;
    /** Lambda's function name rule (the plain name form). */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

    public FunctionConfig {
        Objects.requireNonNull(runtime, "runtime");
        handler = handler == null || handler.isBlank() ? runtime.defaultHandler() : handler;
        environment = environment == null ? Map.of() : Map.copyOf(new TreeMap<>(environment));
        if (timeout != null && (timeout < 1 || timeout > 900)) {
            throw new IllegalArgumentException("timeout must be 1-900 seconds, not " + timeout);
        }
        if (memorySize != null && (memorySize < 128 || memorySize > 10240)) {
            throw new IllegalArgumentException("memorySize must be 128-10240 MB, not " + memorySize);
        }
        if (reservedConcurrency != null && reservedConcurrency < 0) {
            throw new IllegalArgumentException("reservedConcurrency must not be negative");
        }
    }

    /** A configuration with Lambda's defaults. */
    public static FunctionConfig of(String name, FunctionRuntime runtime, String handler) {
        return new FunctionConfig(name, runtime, handler, Map.of(), 3, 128, null, null);
    }

    public FunctionConfig withName(String newName) {
        return new FunctionConfig(newName, runtime, handler, environment, timeout, memorySize, reservedConcurrency,
                description);
    }

    /** Seconds; 3 when not set (Lambda's default). */
    @JsonIgnore public int timeoutSeconds() {
        return timeout == null ? 3 : timeout;
    }

    /** MB; 128 when not set. */
    @JsonIgnore public int memoryMb() {
        return memorySize == null ? 128 : memorySize;
    }

    /** The pool's worker limit. */
    @JsonIgnore public int concurrency() {
        return reservedConcurrency == null ? DEFAULT_CONCURRENCY : reservedConcurrency;
    }
}

package dev.gatehouse.app.functions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A function's environment variables as the editor shows them, one {@code KEY=value} per line, and back, checked
 * with Lambda's rules (CreateFunction: a key starts with a letter, then letters, digits and _; the runtime's
 * reserved keys cannot be set). Pure.
 */
public final class EnvironmentText {
    private static final Pattern KEY = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    /** Lambda's reserved variables a function cannot set (docs: "Defined runtime environment variables"). */
    static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private EnvironmentText() {}

    /** {@code KEY=value} lines, sorted by key. */
    public static String format(Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(env).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    /**
     * The variables of the text (blank lines ignored).
     *
     * @throws IllegalArgumentException naming the line when a line is not {@code KEY=value}, a key breaks Lambda's
     *                                  rule, is reserved, or repeats
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        String[] lines = (text == null ? "" : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("Line " + (i + 1) + ": write KEY=value");
            String key = line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": '" + key + "' must start with a letter and have at "
                        + "least 2 characters: letters, digits and _");
            }
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": " + key + " is reserved by the Lambda runtime");
            }
            if (env.put(key, line.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": " + key + " is set twice");
            }
        }
        return env;
    }
}

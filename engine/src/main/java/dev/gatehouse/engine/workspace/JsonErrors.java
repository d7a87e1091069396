package dev.gatehouse.engine.workspace;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A parser's failure (JSON or YAML syntax, a value of the wrong shape) in the product's words, for people fixing a
 * file: "the file ends before the object opened at line 1, column 1 is closed", "unknown field 'foo'", never
 * Jackson's or SnakeYAML's internals ({@code [Source: REDACTED ...]}, {@code `StreamReadConstraints`}, Java class
 * names, token names such as {@code VALUE_STRING}). The location (line and column) is the caller's to add: it has
 * the file name and knows the better position. Used by the workspace reader, OpenAPI import and the CLI.
 */
public final class JsonErrors {

    /** Jackson's location; the source excerpt in it may hold any text, so the last line/column pair wins. */
    private static final String LOCATION = "\\[Source: .*; line: (\\d+), column: (\\d+)\\]";
    private static final Pattern UNCLOSED = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (\\w+) \\(start marker at " + LOCATION + "\\)", Pattern.DOTALL);
    private static final Pattern END_IN = Pattern.compile("Unexpected end-of-input (?:in|within/between) (.+)");
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile(
            "Unexpected character \\((.+?) \\(code \\d+\\)\\):? ?(.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern CONTROL_CHAR = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*");
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "Unexpected close marker '(.)': expected '(.)' \\(for (\\w+) starting at " + LOCATION + "\\).*", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'.*", Pattern.DOTALL);
    private static final Pattern NESTING = Pattern.compile(
            "Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*", Pattern.DOTALL);
    private static final Pattern TRAILING = Pattern.compile("Trailing token.*", Pattern.DOTALL);
    private static final Pattern STRING_LIMIT = Pattern.compile("String value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            Pattern.DOTALL);
    private static final Map<String, String> TOKENS = Map.of(
            "VALUE_STRING", "a string", "FIELD_NAME", "a field name", "START_OBJECT", "an object",
            "START_ARRAY", "an array", "VALUE_NUMBER_INT", "a number", "VALUE_NUMBER_FLOAT", "a number",
            "VALUE_TRUE", "true", "VALUE_FALSE", "false", "VALUE_NULL", "null");

    private JsonErrors() {}

    /** What is wrong, in one line without the location; for any failure a parser or a record's constructor threw. */
    public static String describe(Throwable e) {
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            return "unknown field '" + u.getPropertyName() + "'" + (known == null || known.isEmpty() ? ""
                    : " (expected one of: " + new TreeSet<>(known.stream().map(String::valueOf).toList()).stream()
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "'" + f.getValue() + "' is not one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() != null ? v.getCause() : v;
            if (cause instanceof NullPointerException && cause.getMessage() != null && cause.getMessage().matches("\\w+")) {
                return "the required field '" + cause.getMessage() + "' is missing";
            }
            return "invalid value: " + oneLine(cause.getMessage());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            Object value = f.getValue();
            return "expected " + shape(f.getTargetType()) + ", not "
                    + (value instanceof String text ? "the string \"" + text + "\"" : String.valueOf(value));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + shape(m.getTargetType()) + found(m.getOriginalMessage());
        }
        if (e instanceof JacksonException j) {
            return syntax(oneLine(j.getOriginalMessage()));
        }
        // SnakeYAML and read failures that reach us unwrapped
        return syntax(oneLine(e.getMessage()));
    }

    /** Jackson's and SnakeYAML's syntax messages, reworded; anything unknown is cleaned of their internals. */
    static String syntax(String m) {
        Matcher x;
        if ((x = UNCLOSED.matcher(m)).find()) {
            return "the file ends before the " + x.group(1).toLowerCase(java.util.Locale.ROOT) + " opened at line "
                    + x.group(2) + ", column " + x.group(3) + " is closed";
        }
        if ((x = END_IN.matcher(m)).matches()) return "the file ends inside " + tokenWords(x.group(1));
        if (m.startsWith("Unexpected end-of-input")) return "the file ends too early";
        if ((x = UNEXPECTED_CHAR.matcher(m)).matches()) {
            String what = x.group(1);
            String expecting = x.group(2);
            String expected;
            if (expecting.contains("double-quote to start field name")) expected = "a field name in double quotes";
            else if (expecting.contains("comma to separate Object entries")) expected = "',' or '}'";
            else if (expecting.contains("comma to separate Array entries")) expected = "',' or ']'";
            else if (expecting.contains("colon to separate field name and value")) expected = "':' after the field name";
            else if (expecting.contains("valid value")) expected = "a value (a string in double quotes, a number, an object, an array, true, false or null)";
            else expected = null;
            return "unexpected " + what + (expected == null ? "" : ": expected " + expected);
        }
        if ((x = UNRECOGNIZED_TOKEN.matcher(m)).matches()) {
            return "unexpected '" + x.group(1) + "': expected a value (a string in double quotes, a number, an object, "
                    + "an array, true, false or null)";
        }
        if ((x = CONTROL_CHAR.matcher(m)).matches()) {
            return "a control character (code " + x.group(1) + ") inside a string: write it escaped (\\n, \\t, \\u0000)";
        }
        if ((x = CLOSE_MARKER.matcher(m)).matches()) {
            return "unexpected '" + x.group(1) + "': expected '" + x.group(2) + "' to close the "
                    + x.group(3).toLowerCase(java.util.Locale.ROOT) + " opened at line " + x.group(4) + ", column " + x.group(5);
        }
        if ((x = DUPLICATE.matcher(m)).matches()) return "duplicate key '" + x.group(1) + "'";
        if ((x = NESTING.matcher(m)).matches()) return "nested deeper than " + x.group(2) + " levels";
        if ((x = STRING_LIMIT.matcher(m)).matches()) return "a string longer than " + x.group(2) + " characters";
        if (TRAILING.matcher(m).matches()) return "more content after the end of the document";
        return yaml(m);
    }

    /**
     * SnakeYAML's messages ("while parsing a block mapping in 'reader', line 7, column 5: get: ^ expected &lt;block
     * end&gt;, but found '&lt;block mapping start&gt;'...") reworded for the common cases, otherwise cleaned.
     */
    private static String yaml(String m) {
        String problem = m;
        if (m.contains("expected <block end>, but found")) {
            return "a line is indented differently from the keys beside it (check the indentation here and above)";
        }
        if (m.contains("mapping values are not allowed here")) {
            return "a ':' where no key may start (a value with ': ' in it needs quotes, or the indentation is off)";
        }
        if (m.contains("while scanning a quoted scalar") && m.contains("unexpected end of stream")) {
            return "a quoted string is not closed before the end of the file";
        }
        if (m.contains("found character '\\t'") || m.contains("found character '\t'")) {
            return "a tab character used for indentation (YAML indents with spaces)";
        }
        if (m.contains("could not find expected ':'")) return "a key without ':' (or a line broken in the middle of a value)";
        problem = problem.replaceAll(" in 'reader', line \\d+, column \\d+:?[^^]*\\^?", "")
                .replaceAll("<([a-z ]+)>", "$1")
                .replaceAll("`[\\w.$]+(\\(\\))?`", "")
                .replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceAll("\\b(VALUE_STRING|FIELD_NAME|START_OBJECT|START_ARRAY|VALUE_NUMBER_INT|VALUE_NUMBER_FLOAT)\\b",
                        "value")
                .replaceAll("\\s+", " ").trim();
        return problem.isEmpty() ? "unreadable" : problem;
    }

    private static String tokenWords(String token) {
        String t = token.trim();
        if (TOKENS.containsKey(t)) return TOKENS.get(t);
        if (t.startsWith("a ") || t.startsWith("an ")) return t;
        return t.replace("field name", "a field name").replace("Object entries", "an object").replace("Array entries", "an array");
    }

    private static String shape(Class<?> type) {
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        return "an object";
    }

    private static String found(String message) {
        if (message == null) return "";
        if (message.contains("START_ARRAY") || message.contains("from Array value")) return ", not an array";
        if (message.contains("START_OBJECT") || message.contains("from Object value")) return ", not an object";
        if (message.contains("VALUE_STRING") || message.contains("from String value")) return ", not a string";
        if (message.contains("VALUE_NUMBER") || message.contains("from Integer value")
                || message.contains("from Floating-point value")) return ", not a number";
        if (message.contains("VALUE_TRUE") || message.contains("VALUE_FALSE") || message.contains("from Boolean value")) {
            return ", not true or false";
        }
        return "";
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) return "unreadable";
        String text = message.replaceAll("\\s*\\n\\s*", " ").trim();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

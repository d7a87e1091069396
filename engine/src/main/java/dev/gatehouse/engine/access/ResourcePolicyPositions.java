package dev.gatehouse.engine.access;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each element of a policy document sits in its text: a JSON path ({@code $.Statement[0].Effect}) to the
 * span of its value and of its member name, so the checks of {@link ResourcePolicyCheck} can name the line and
 * column and the console can underline the element. Built by one pass of Jackson's streaming parser over the text;
 * the tree itself comes from the same text. Immutable once built.
 */
final class ResourcePolicyPositions {

    /** A place in the text: {@code [start, end)} as char offsets; line and column 1-based. */
    record Span(int start, int end, int line, int column) {}

    /** The document as a tree with the positions of its elements. */
    record Located(JsonNode tree, Map<String, Span> values, Map<String, Span> names) {
        /** The value's span, else its member name's, else the nearest enclosing element's. */
        Span at(String path) {
            String p = path;
            while (true) {
                Span s = values.get(p);
                if (s != null) return s;
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                if (cut <= 0) return values.getOrDefault("$", new Span(0, 0, 1, 1));
                p = p.substring(0, cut);
            }
        }

        /** The member name's span (to underline an unknown element), else the value's. */
        Span nameAt(String path) {
            Span s = names.get(path);
            return s != null ? s : at(path);
        }
    }

    /** A syntax error: where and Jackson's own description. */
    static final class SyntaxError extends Exception {
        final Span at;

        SyntaxError(String message, Span at) {
            super(message);
            this.at = at;
        }
    }

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, Span> values = new HashMap<>();
    private final Map<String, Span> names = new HashMap<>();

    private ResourcePolicyPositions() {}

    /** @throws SyntaxError when the text is not one JSON value */
    static Located locate(String text) throws SyntaxError {
        ResourcePolicyPositions positions = new ResourcePolicyPositions();
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            if (p.nextToken() == null) throw new SyntaxError("the policy is empty", new Span(0, 0, 1, 1));
            positions.walk(p, "$");
            if (p.nextToken() != null) {
                throw new SyntaxError("more text after the policy's closing brace", span(p.currentTokenLocation(), text.length()));
            }
            return new Located(Json.mapper().readTree(text), Map.copyOf(positions.values), Map.copyOf(positions.names));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            if (newline > 0) message = message.substring(0, newline);
            Span where = at == null ? new Span(0, 0, 1, 1) : span(at, Math.min(text.length(), (int) Math.max(0, at.getCharOffset()) + 1));
            throw new SyntaxError(message, where);
        } catch (IOException e) {
            throw new SyntaxError(String.valueOf(e.getMessage()), new Span(0, 0, 1, 1));
        }
    }

    /** Child path of member {@code name}: {@code $.Statement}, or {@code $.Condition['aws:SourceIp']}. */
    static String member(String parent, String name) {
        return PLAIN_NAME.matcher(name).matches() ? parent + "." + name : parent + "['" + name.replace("'", "\\'") + "']";
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** Records the value at the parser's current token (and everything inside it); leaves the parser on its last token. */
    private void walk(JsonParser p, String path) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                String child = member(path, name);
                names.put(child, span(at, (int) at.getCharOffset() + name.length() + 2));
                p.nextToken();
                walk(p, child);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) walk(p, index(path, i++));
        } else {
            p.getText(); // reads a string to its closing quote, so the location below is its end
        }
        values.put(path, span(start, (int) p.currentLocation().getCharOffset()));
    }

    private static Span span(JsonLocation start, int end) {
        int from = (int) Math.max(0, start.getCharOffset());
        return new Span(from, Math.max(from, end), Math.max(1, start.getLineNr()), Math.max(1, start.getColumnNr()));
    }
}

package dev.gatehouse.engine.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns "where in the value" into "where in the file": JSON pointers to line and column, and Jackson failures to
 * {@link WorkspaceProblem}s. Used only when a file has a problem, so it may re-read the file.
 */
final class ProblemLocator {

    /** The sort keys of {@link ApiDefinition}'s lists: validator pointers index the sorted lists, files may not be. */
    private static final Map<String, Function<ApiDefinition, List<String>>> SORTED_LISTS = Map.of(
            "resources", api -> api.resources().stream().map(r -> r.path()).toList(),
            "models", api -> api.models().stream().map(m -> m.name()).toList(),
            "requestValidators", api -> api.requestValidators().stream().map(v -> v.name()).toList(),
            "authorizers", api -> api.authorizers().stream().map(a -> a.name()).toList(),
            "gatewayResponses", api -> api.gatewayResponses().stream().map(g -> String.valueOf(g.responseType())).toList());
    private static final Map<String, String> SORT_FIELD = Map.of("resources", "path", "models", "name",
            "requestValidators", "name", "authorizers", "name", "gatewayResponses", "responseType");

    private ProblemLocator() {}

    /**
     * A problem for a file Jackson could not read (bad JSON, wrong shape), at the location Jackson reports; an
     * unknown field at the field itself (records are built after their whole object is read, so Jackson's own
     * location for it is the object's end).
     */
    static WorkspaceProblem unreadable(Path file, byte[] json, Exception e) {
        if (e instanceof JsonProcessingException j) {
            String message = "Unreadable: " + JsonErrors.describe(j);
            if (e instanceof PropertyBindingException binding && !binding.getPath().isEmpty()) {
                return at(file, json, pointer(binding.getPath()), message);
            }
            JsonLocation at = j.getLocation();
            return new WorkspaceProblem(file, at == null ? 0 : Math.max(at.getLineNr(), 0),
                    at == null ? 0 : Math.max(at.getColumnNr(), 0), message);
        }
        return new WorkspaceProblem(file, 0, 0, "Unreadable: " + JsonErrors.describe(e));
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            sb.append('/').append(ref.getFieldName() != null ? escape(ref.getFieldName()) : Integer.toString(ref.getIndex()));
        }
        return sb.toString();
    }

    /** A problem at the value a JSON pointer names (or its nearest existing parent). */
    static WorkspaceProblem at(Path file, byte[] json, String pointer, String message) {
        int[] lineColumn = locate(json, pointer);
        return new WorkspaceProblem(file, lineColumn[0], lineColumn[1], message);
    }

    /** One problem per validator finding, located in the file even when its lists are not in sorted order. */
    static List<WorkspaceProblem> definitionProblems(Path file, byte[] json, ApiDefinition api, List<Problem> problems) {
        JsonNode tree = readTree(json);
        Map<String, int[]> locations = locations(json);
        List<WorkspaceProblem> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            String pointer = toFileOrder(p.pointer(), api, tree);
            int[] lineColumn = nearest(locations, pointer);
            out.add(new WorkspaceProblem(file, lineColumn[0], lineColumn[1],
                    "Invalid definition at " + p.pointer() + ": " + p.message()));
        }
        return out;
    }

    /** Line and column (1-based) of the value at {@code pointer}, or of its nearest parent; 0/0 if unknown. */
    static int[] locate(byte[] json, String pointer) {
        return nearest(locations(json), pointer);
    }

    private static int[] nearest(Map<String, int[]> locations, String pointer) {
        String p = pointer;
        while (true) {
            int[] at = locations.get(p);
            if (at != null) return at;
            if (p.isEmpty()) return new int[] {0, 0};
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Rewrites {@code /resources/3/...} (index in the sorted list) to the index of that element in the file. */
    private static String toFileOrder(String pointer, ApiDefinition api, JsonNode tree) {
        String[] parts = pointer.split("/", -1);
        if (parts.length < 3 || tree == null || !SORTED_LISTS.containsKey(parts[1])) return pointer;
        int sortedIndex;
        try {
            sortedIndex = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            return pointer;
        }
        List<String> keys = SORTED_LISTS.get(parts[1]).apply(api);
        JsonNode array = tree.get(parts[1]);
        if (sortedIndex >= keys.size() || array == null || !array.isArray()) return pointer;
        String key = keys.get(sortedIndex);
        for (int i = 0; i < array.size(); i++) {
            JsonNode field = array.get(i).get(SORT_FIELD.get(parts[1]));
            if (field != null && field.asText().equalsIgnoreCase(key)) {
                parts[2] = Integer.toString(i);
                return String.join("/", parts);
            }
        }
        return pointer;
    }

    /** Every field and array element of the document, by JSON pointer, with its line and column. */
    private static Map<String, int[]> locations(byte[] json) {
        Map<String, int[]> out = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonLocation at = parser.currentTokenLocation();
                int[] lineColumn = {at.getLineNr(), at.getColumnNr()};
                Frame top = stack.peek();
                if (token == JsonToken.FIELD_NAME) {
                    top.name = parser.currentName();
                    out.put(pointer(stack), lineColumn);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                if (top == null) {
                    out.put("", lineColumn);
                } else if (top.array) {
                    top.index++;
                    out.put(pointer(stack), lineColumn);
                }
                if (token == JsonToken.START_OBJECT) stack.push(new Frame(false));
                else if (token == JsonToken.START_ARRAY) stack.push(new Frame(true));
            }
        } catch (IOException | RuntimeException e) {
            // a file that is not JSON has only what was read before the error
        }
        return out;
    }

    private static String pointer(Deque<Frame> stack) {
        StringBuilder sb = new StringBuilder();
        for (var it = stack.descendingIterator(); it.hasNext(); ) {
            Frame f = it.next();
            sb.append('/').append(f.array ? Integer.toString(f.index) : escape(f.name));
        }
        return sb.toString();
    }

    private static String escape(String segment) {
        return segment == null ? "" : segment.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static final class Frame {
        final boolean array;
        int index = -1;
        String name;

        Frame(boolean array) {
            this.array = array;
        }
    }
}

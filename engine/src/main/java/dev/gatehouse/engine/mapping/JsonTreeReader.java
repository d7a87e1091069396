package dev.gatehouse.engine.mapping;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads one JSON object or array from a Jackson parser into the tree {@code ObjectMapper.readTree(parser)} builds
 * (same node classes, values and key order; a duplicate key keeps its first position and its last value), and
 * notes on the way what {@link JsonSupport#sharedTree} would otherwise walk the whole tree again to learn: whether
 * every node is one it converts (numbers are int, long, big-integer or finite double nodes whose text has at most
 * {@link JsonSupport#SHARED_MAX_NUMBER_RUN} characters, nothing deeper than {@link JsonSupport#SHARED_MAX_DEPTH}).
 * So request validation's one parse also answers the template's question.
 * {@code JsonTreeReaderTest} compares the trees with {@code readTree}'s on random documents. Recursive: the parser's
 * nesting limit ({@code StreamReadConstraints}, 1,000 by default, as for {@code readTree}) bounds the depth.
 */
public final class JsonTreeReader {

    /**
     * A parsed body. {@code convertible} true: {@link JsonSupport}'s conversion accepts every node of {@code tree}
     * and no number's text is longer than {@link JsonSupport#SHARED_MAX_NUMBER_RUN} characters; false: not known
     * (the template's side then checks the tree and the text itself).
     */
    public record Tree(JsonNode tree, boolean convertible) {}

    private final JsonParser parser;
    private final JsonNodeFactory nodes;
    private boolean convertible = true;

    private JsonTreeReader(JsonParser parser, JsonNodeFactory nodes) {
        this.parser = parser;
        this.nodes = nodes;
    }

    /**
     * The value starting at the parser's current token, which must be {@code START_OBJECT} or {@code START_ARRAY};
     * the parser is left on the matching end token. Throws what the parser throws for text that is not JSON.
     */
    public static Tree read(JsonParser parser, JsonNodeFactory nodes) throws IOException {
        JsonTreeReader reader = new JsonTreeReader(parser, nodes);
        JsonToken start = parser.currentToken();
        if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("not at the start of an object or array: " + start);
        }
        JsonNode tree = reader.value(start, 0);
        return new Tree(tree, reader.convertible);
    }

    private JsonNode value(JsonToken token, int depth) throws IOException {
        if (token == null) throw new JsonParseException(parser, "Unexpected end-of-input");
        if (depth > JsonSupport.SHARED_MAX_DEPTH) convertible = false;
        return switch (token) {
            case START_OBJECT -> object(depth);
            case START_ARRAY -> array(depth);
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_NUMBER_INT -> {
                if (parser.getTextLength() > JsonSupport.SHARED_MAX_NUMBER_RUN) convertible = false;
                yield switch (parser.getNumberType()) { // readTree's choice: the smallest that holds it
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                if (parser.getTextLength() > JsonSupport.SHARED_MAX_NUMBER_RUN) convertible = false;
                double d = parser.getDoubleValue(); // readTree's double node (a text parser reports no float type)
                if (!Double.isFinite(d)) convertible = false;
                yield nodes.numberNode(d);
            }
            default -> throw new JsonParseException(parser, "Unexpected token " + token); // not from JSON text
        };
    }

    private ObjectNode object(int depth) throws IOException {
        ObjectNode object = nodes.objectNode();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            object.replace(name, value(parser.nextToken(), depth + 1)); // a map put: first position, last value
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "Unexpected token " + parser.currentToken());
        }
        return object;
    }

    private ArrayNode array(int depth) throws IOException {
        ArrayNode array = nodes.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) array.add(value(token, depth + 1));
        return array;
    }
}

package dev.gatehouse.engine.functions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Lambda's fixed names and texts, in one place. */
final class Lambda {

    private Lambda() { }

    static final String ACCOUNT = "123456789012";
    static final String DEFAULT_REGION = "us-east-1";
    static final String VERSION = "$LATEST";

    static String arn(String region, String name) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name;
    }

    /** {@code {"errorMessage": ..., "errorType": ...}}, the shape Lambda returns for errors it reports itself. */
    static String errorDocument(String errorType, String errorMessage) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("errorMessage", errorMessage);
        n.put("errorType", errorType);
        return n.toString();
    }

    /** {@code 3.00} as Lambda prints the timeout ("Task timed out after 3.00 seconds"). */
    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}

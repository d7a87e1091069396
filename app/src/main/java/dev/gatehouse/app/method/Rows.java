package dev.gatehouse.app.method;

/** Table rows of the phase editors: plain records, so ViewModels and their tests need no toolkit. */
public final class Rows {
    private Rows() {}

    /**
     * A method request parameter ({@code method.request.querystring.limit → required}).
     *
     * @param location path, querystring, header, multivalueheader or multivaluequerystring
     */
    public record Parameter(String location, String name, boolean required) {
        public String key() {
            return "method.request." + location + "." + name;
        }

        static Parameter of(String key, boolean required) {
            String rest = key.startsWith("method.request.") ? key.substring("method.request.".length()) : key;
            int dot = rest.indexOf('.');
            return dot < 0 ? new Parameter("", rest, required) : new Parameter(rest.substring(0, dot), rest.substring(dot + 1), required);
        }
    }

    /** A mapping from a target to a source expression, or a content type to a model name. */
    public record Mapping(String key, String value) {}

    /** A header of a method response and whether it is required. */
    public record Header(String name, boolean required) {
        public String key() {
            return "method.response.header." + name;
        }
    }

    /** An integration response as the table lists it. */
    public record IntegrationResponseRow(String statusCode, String selectionPattern) {
        public String patternText() {
            return selectionPattern == null || selectionPattern.isEmpty() ? "(default)" : selectionPattern;
        }
    }
}

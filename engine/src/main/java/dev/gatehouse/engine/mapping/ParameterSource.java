package dev.gatehouse.engine.mapping;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * One compiled source expression of a parameter mapping (aws-reference §3.2): {@code method.request.path.X},
 * {@code method.request.querystring.X}, {@code method.request.header.X}, {@code method.request.multivaluequerystring.X},
 * {@code method.request.multivalueheader.X}, {@code method.request.body[.JSONPATH]}, {@code stageVariables.X},
 * {@code context.X}, {@code 'literal'}, and on the response side {@code integration.response.header.X},
 * {@code integration.response.multivalueheader.X}, {@code integration.response.body[.JSONPATH]}.
 * Immutable; resolving is thread-safe.
 */
public record ParameterSource(Kind kind, String name, JsonPath path, String expression) {

    /** The kinds of source. */
    public enum Kind {
        PATH, QUERY, HEADER, MULTI_QUERY, MULTI_HEADER, BODY, BODY_PATH, STAGE_VARIABLE, CONTEXT, LITERAL,
        RESPONSE_HEADER, RESPONSE_MULTI_HEADER, RESPONSE_BODY, RESPONSE_BODY_PATH;

        boolean responseOnly() {
            return this == RESPONSE_HEADER || this == RESPONSE_MULTI_HEADER || this == RESPONSE_BODY
                    || this == RESPONSE_BODY_PATH;
        }

        boolean requestOnly() {
            return ordinal() <= BODY_PATH.ordinal();
        }
    }

    /**
     * Parses an expression.
     *
     * @throws MappingException kind CONFIGURATION naming the expression when it is not one AWS accepts
     */
    public static ParameterSource parse(String expression) {
        if (expression == null || expression.isEmpty()) throw invalid(String.valueOf(expression));
        String e = expression.trim();
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
            return new ParameterSource(Kind.LITERAL, e.substring(1, e.length() - 1), null, expression);
        }
        if (e.equals("method.request.body")) return new ParameterSource(Kind.BODY, null, null, expression);
        if (e.startsWith("method.request.body.")) {
            return bodyPath(Kind.BODY_PATH, e.substring("method.request.body.".length()), expression);
        }
        if (e.equals("integration.response.body")) {
            return new ParameterSource(Kind.RESPONSE_BODY, null, null, expression);
        }
        if (e.startsWith("integration.response.body.")) {
            return bodyPath(Kind.RESPONSE_BODY_PATH, e.substring("integration.response.body.".length()), expression);
        }
        String[][] prefixes = {
                {"method.request.path.", "PATH"}, {"method.request.querystring.", "QUERY"},
                {"method.request.header.", "HEADER"}, {"method.request.multivaluequerystring.", "MULTI_QUERY"},
                {"method.request.multivalueheader.", "MULTI_HEADER"}, {"stageVariables.", "STAGE_VARIABLE"},
                {"context.", "CONTEXT"}, {"integration.response.header.", "RESPONSE_HEADER"},
                {"integration.response.multivalueheader.", "RESPONSE_MULTI_HEADER"}};
        for (String[] p : prefixes) {
            if (e.startsWith(p[0]) && e.length() > p[0].length()) {
                return new ParameterSource(Kind.valueOf(p[1]), e.substring(p[0].length()), null, expression);
            }
        }
        throw invalid(expression);
    }

    private static ParameterSource bodyPath(Kind kind, String rest, String expression) {
        if (rest.isEmpty()) throw invalid(expression);
        String jsonPath = rest.startsWith("$") ? rest : "$." + rest;
        try {
            return new ParameterSource(kind, rest, JsonPath.compile(jsonPath), expression);
        } catch (RuntimeException ex) {
            throw invalid(expression);
        }
    }

    private static MappingException invalid(String expression) {
        return MappingException.of(MappingException.Kind.CONFIGURATION,
                "Invalid mapping expression specified: " + expression);
    }

    /**
     * The values this source yields, or an empty list when it has none (the target is then left out).
     *
     * @param request  the method request (parameters, stage variables, context)
     * @param response the integration response, or null on the request side
     */
    public List<String> resolve(MappingRequest request, IntegrationResponseData response) {
        return resolve(request, response, new Documents());
    }

    /**
     * As {@link #resolve(MappingRequest, IntegrationResponseData)}, sharing parsed bodies with the other sources of
     * one mapping pass: each body is parsed at most once however many {@code body.JSONPath} sources read it.
     */
    public List<String> resolve(MappingRequest request, IntegrationResponseData response, Documents documents) {
        return switch (kind) {
            case LITERAL -> List.of(name);
            case PATH -> one(request.pathParameters().get(name));
            case QUERY -> one(request.queryParameter(name));
            case HEADER -> one(request.header(name));
            case MULTI_QUERY -> request.queryValues(name);
            case MULTI_HEADER -> request.headerValues(name);
            case BODY -> one(request.body());
            case BODY_PATH -> one(bodyValue(documents.request(request.body())));
            case STAGE_VARIABLE -> one(request.stageVariables().get(name));
            case CONTEXT -> one(request.context().get(name) instanceof Map<?, ?> ? null
                    : stringOrNull(request.context().get(name)));
            case RESPONSE_HEADER -> response == null ? List.of() : one(response.header(name));
            case RESPONSE_MULTI_HEADER -> response == null ? List.of() : response.headerValues(name);
            case RESPONSE_BODY -> response == null ? List.of() : one(response.body());
            case RESPONSE_BODY_PATH -> response == null ? List.of() : one(bodyValue(documents.response(response.body())));
        };
    }

    private String bodyValue(Object document) {
        if (document == Documents.UNPARSABLE) return null;
        Object value = JsonSupport.read(document, path);
        if (value == null) return null;
        return value instanceof String s ? s : JsonSupport.toJson(value);
    }

    private static String stringOrNull(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /**
     * The parsed request and response bodies of one mapping pass, parsed lazily and at most once each (a body that
     * does not parse yields no value, as before). Single-threaded: one per {@code mapRequest}/{@code mapResponse}.
     */
    public static final class Documents {
        static final Object UNPARSABLE = new Object();
        private Object request;
        private Object response;

        Object request(String body) {
            if (request == null) request = parse(body);
            return request;
        }

        Object response(String body) {
            if (response == null) response = parse(body);
            return response;
        }

        private static Object parse(String body) {
            try {
                Object document = JsonSupport.parse(body);
                return document == null ? UNPARSABLE : document;
            } catch (MappingException e) {
                return UNPARSABLE;
            }
        }
    }
}

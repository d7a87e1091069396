package dev.gatehouse.engine.errors;

import dev.gatehouse.engine.pipeline.ContextKey;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway-response template compiled once: plain substitution, not VTL (as AWS). Understands
 * {@code $context.error.message}, {@code .messageString} (the message as a JSON string, or {@code null}),
 * {@code .responseType}, {@code .validationErrorString}, the common {@code $context.*} ids and
 * {@code $stageVariables.name}, each also in {@code ${...}} form. Unknown references stay as written.
 * Immutable and thread-safe.
 */
public final class ErrorTemplate {

    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{((?:context(?:\\.[A-Za-z][A-Za-z0-9]*)+)|stageVariables\\.[A-Za-z0-9_]+)}"
                    + "|\\$((?:context(?:\\.[A-Za-z][A-Za-z0-9]*)+)|stageVariables\\.[A-Za-z0-9_]+)");

    private static final Map<String, ContextKey<String>> CONTEXT = Map.ofEntries(
            Map.entry("context.requestId", ContextKeys.REQUEST_ID),
            Map.entry("context.extendedRequestId", ContextKeys.EXTENDED_REQUEST_ID),
            Map.entry("context.apiId", ContextKeys.API_ID),
            Map.entry("context.stage", ContextKeys.STAGE),
            Map.entry("context.deploymentId", ContextKeys.DEPLOYMENT_ID),
            Map.entry("context.resourceId", ContextKeys.RESOURCE_ID),
            Map.entry("context.resourcePath", ContextKeys.RESOURCE_PATH),
            Map.entry("context.httpMethod", ContextKeys.HTTP_METHOD),
            Map.entry("context.path", ContextKeys.PATH),
            Map.entry("context.domainName", ContextKeys.DOMAIN_NAME),
            Map.entry("context.domainPrefix", ContextKeys.DOMAIN_PREFIX),
            Map.entry("context.protocol", ContextKeys.PROTOCOL),
            Map.entry("context.identity.sourceIp", ContextKeys.SOURCE_IP));

    /** A literal piece or a reference, resolved per request. */
    private sealed interface Part permits Literal, Reference { }

    private record Literal(String text) implements Part { }

    private record Reference(String name, String asWritten) implements Part { }

    private final String source;
    private final List<Part> parts;

    private ErrorTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    /** Compiles {@code template}; never fails (text that is not a reference is literal). */
    public static ErrorTemplate compile(String template) {
        List<Part> parts = new ArrayList<>();
        Matcher m = REFERENCE.matcher(template);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) parts.add(new Literal(template.substring(last, m.start())));
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            parts.add(new Reference(name, m.group()));
            last = m.end();
        }
        if (last < template.length()) parts.add(new Literal(template.substring(last)));
        return new ErrorTemplate(template, List.copyOf(parts));
    }

    /** Renders for one error; {@code ctx} may be null (then only {@code $context.error.*} resolve). */
    public String render(GatewayException error, RequestContext ctx) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        for (Part part : parts) {
            switch (part) {
                case Literal l -> out.append(l.text);
                case Reference r -> out.append(resolve(r, error, ctx));
            }
        }
        return out.toString();
    }

    private static String resolve(Reference r, GatewayException error, RequestContext ctx) {
        switch (r.name) {
            case "context.error.message": return String.valueOf(error.errorMessage());
            case "context.error.messageString": return jsonString(error.errorMessage());
            case "context.error.responseType": return error.type().name();
            case "context.error.validationErrorString":
                return error.validationErrorString() == null ? "" : error.validationErrorString();
            default: break;
        }
        if (ctx == null) return r.asWritten;
        if (r.name.startsWith("stageVariables.")) {
            Map<String, String> vars = ctx.get(ContextKeys.STAGE_VARIABLES);
            String v = vars == null ? null : vars.get(r.name.substring("stageVariables.".length()));
            return v == null ? "" : v;
        }
        ContextKey<String> key = CONTEXT.get(r.name);
        if (key == null) return r.asWritten;
        String v = ctx.get(key);
        return v == null ? "" : v;
    }

    /** {@code s} as a JSON string literal with quotes, or {@code null}. */
    static String jsonString(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append("\\u%04x".formatted((int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    @Override public String toString() {
        return source;
    }
}

package dev.gatehouse.engine.observe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage's {@code accessLogSettings.format}: text with {@code $context.*} variables, compiled once and rendered
 * per request as API Gateway writes access logs. A variable without a value for the request (or one the local
 * engine has no counterpart for, such as {@code $context.identity.cognitoIdentityId}) renders {@code -}, as AWS
 * renders it; values are written as they are, unescaped, as AWS does. The console's four examples are
 * {@link #CLF}, {@link #JSON}, {@link #XML} and {@link #CSV} (AWS developer guide, "Access log formats").
 *
 * <p>Immutable and thread-safe; rendered on the writer thread.
 */
public final class AccessLogFormat {

    /** Common Log Format, as the API Gateway console offers it. */
    public static final String CLF = "$context.identity.sourceIp $context.identity.caller $context.identity.user "
            + "[$context.requestTime] \"$context.httpMethod $context.resourcePath $context.protocol\" "
            + "$context.status $context.responseLength $context.requestId";
    /** The console's JSON example. */
    public static final String JSON = "{ \"requestId\":\"$context.requestId\", \"ip\": \"$context.identity.sourceIp\", "
            + "\"caller\":\"$context.identity.caller\", \"user\":\"$context.identity.user\", "
            + "\"requestTime\":\"$context.requestTime\", \"httpMethod\":\"$context.httpMethod\", "
            + "\"resourcePath\":\"$context.resourcePath\", \"status\":\"$context.status\", "
            + "\"protocol\":\"$context.protocol\", \"responseLength\":\"$context.responseLength\" }";
    /** The console's XML example. */
    public static final String XML = "<request id=\"$context.requestId\"> <ip>$context.identity.sourceIp</ip> "
            + "<caller>$context.identity.caller</caller> <user>$context.identity.user</user> "
            + "<requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod> "
            + "<resourcePath>$context.resourcePath</resourcePath> <status>$context.status</status> "
            + "<protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength> </request>";
    /** The console's CSV example. */
    public static final String CSV = "$context.identity.sourceIp,$context.identity.caller,$context.identity.user,"
            + "$context.requestTime,$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,"
            + "$context.responseLength,$context.requestId";

    /** The presets by the names the console and the CLI use. */
    public static final Map<String, String> PRESETS = Map.of("CLF", CLF, "JSON", JSON, "XML", XML, "CSV", CSV);

    /** {@code $context.requestTime}: CLF time, e.g. {@code 02/Dec/2026:14:20:00 +0000}. */
    static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private static final Pattern VARIABLE = Pattern.compile("\\$context\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-]");
    static final String ACCOUNT_ID = "123456789012";

    private final String format;
    private final List<Object> parts; // String literal or Variable

    private record Variable(String name) { }

    private AccessLogFormat(String format, List<Object> parts) {
        this.format = format;
        this.parts = List.copyOf(parts);
    }

    /** Compiles {@code format} (a preset's text or the user's own). */
    public static AccessLogFormat compile(String format) {
        List<Object> parts = new ArrayList<>();
        Matcher m = VARIABLE.matcher(format);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) parts.add(format.substring(last, m.start()));
            parts.add(new Variable(m.group().substring("$context.".length())));
            last = m.end();
        }
        if (last < format.length()) parts.add(format.substring(last));
        return new AccessLogFormat(format, parts);
    }

    public String format() {
        return format;
    }

    /** The access-log line of one request (without a line break). */
    public String render(RequestRecord r) {
        StringBuilder b = new StringBuilder(format.length() + 64);
        for (Object part : parts) {
            if (part instanceof Variable v) {
                String value = value(v.name(), r);
                b.append(value == null || value.isEmpty() ? "-" : value);
            } else {
                b.append((String) part);
            }
        }
        return b.toString();
    }

    /** The last second rendered as {@code $context.requestTime}: a second's requests share it. */
    private record RenderedSecond(long second, String text) { }

    private static volatile RenderedSecond lastSecond = new RenderedSecond(Long.MIN_VALUE, "");

    static String requestTime(long millis) {
        long second = Math.floorDiv(millis, 1000);
        RenderedSecond last = lastSecond;
        if (last.second() != second) {
            last = new RenderedSecond(second, REQUEST_TIME.format(Instant.ofEpochSecond(second)));
            lastSecond = last;
        }
        return last.text();
    }

    /** The value of {@code $context.<name>} for {@code r}; null when it has none. */
    static String value(String name, RequestRecord r) {
        if (name.startsWith("authorizer.") && r.authorizer() != null) {
            String key = name.substring("authorizer.".length());
            if (key.startsWith("claims.")) return null;
            return r.authorizer().get(key);
        }
        return switch (name) {
            case "accountId" -> ACCOUNT_ID;
            case "apiId" -> r.apiId();
            case "deploymentId" -> r.deploymentId();
            case "domainName" -> r.domainName();
            case "domainPrefix" -> r.domainPrefix();
            case "error.message" -> r.errorMessage();
            case "error.messageString" -> r.errorMessage() == null ? null : "\"" + r.errorMessage() + "\"";
            case "error.responseType" -> r.errorResponseType();
            case "extendedRequestId" -> r.extendedRequestId();
            case "httpMethod" -> r.httpMethod();
            case "identity.sourceIp" -> r.sourceIp();
            case "identity.userAgent" -> r.userAgent();
            case "identity.apiKey" -> r.apiKey() == null ? null : RequestLogStore.maskApiKey(r.apiKey());
            case "identity.apiKeyId" -> r.apiKeyId();
            case "path" -> r.path();
            case "protocol" -> r.protocol();
            case "requestId" -> r.requestId();
            case "requestTime" -> requestTime(r.requestTimeMillis());
            case "requestTimeEpoch" -> Long.toString(r.requestTimeMillis());
            case "resourceId" -> r.resourceId();
            case "resourcePath" -> r.resourcePath();
            case "stage" -> r.stage();
            case "status" -> Integer.toString(r.status());
            case "responseLength" -> Long.toString(r.responseLength());
            case "responseLatency" -> Long.toString(r.latencyMicros() / 1000);
            case "integrationLatency", "integration.latency" ->
                    r.integrationMicros() < 0 ? null : Long.toString(r.integrationMicros() / 1000);
            case "integrationStatus", "integration.integrationStatus", "integration.status" ->
                    r.integrationStatus() < 0 ? null : Integer.toString(r.integrationStatus());
            case "integration.error" -> r.integrationError();
            case "authorizer.principalId" -> r.principalId();
            default -> null; // identity.caller, identity.user, cognito*, waf*, xrayTraceId, ...: none locally
        };
    }

    @Override public String toString() {
        return "AccessLogFormat{" + format + "}";
    }
}

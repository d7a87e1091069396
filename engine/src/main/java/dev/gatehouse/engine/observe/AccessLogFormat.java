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
    /** {@link #parts} as an array: rendered per request on the writer thread. */
    private final Object[] partArray;

    /**
     * A variable resolved when the format is compiled: its value's code ({@code V_*}), and for
     * {@code authorizer.<key>} the key (null otherwise; {@code claims} when the key is a Cognito claim's).
     */
    private record Variable(String name, int code, String authorizerKey, boolean claims) { }

    private static final int V_NONE = 0;
    private static final int V_ACCOUNT_ID = 1;
    private static final int V_API_ID = 2;
    private static final int V_DEPLOYMENT_ID = 3;
    private static final int V_DOMAIN_NAME = 4;
    private static final int V_DOMAIN_PREFIX = 5;
    private static final int V_ERROR_MESSAGE = 6;
    private static final int V_ERROR_MESSAGE_STRING = 7;
    private static final int V_ERROR_RESPONSE_TYPE = 8;
    private static final int V_EXTENDED_REQUEST_ID = 9;
    private static final int V_HTTP_METHOD = 10;
    private static final int V_SOURCE_IP = 11;
    private static final int V_USER_AGENT = 12;
    private static final int V_API_KEY = 13;
    private static final int V_API_KEY_ID = 14;
    private static final int V_PATH = 15;
    private static final int V_PROTOCOL = 16;
    private static final int V_REQUEST_ID = 17;
    private static final int V_REQUEST_TIME = 18;
    private static final int V_REQUEST_TIME_EPOCH = 19;
    private static final int V_RESOURCE_ID = 20;
    private static final int V_RESOURCE_PATH = 21;
    private static final int V_STAGE = 22;
    private static final int V_STATUS = 23;
    private static final int V_RESPONSE_LENGTH = 24;
    private static final int V_RESPONSE_LATENCY = 25;
    private static final int V_INTEGRATION_LATENCY = 26;
    private static final int V_INTEGRATION_STATUS = 27;
    private static final int V_INTEGRATION_ERROR = 28;
    private static final int V_PRINCIPAL_ID = 29;

    private AccessLogFormat(String format, List<Object> parts) {
        this.format = format;
        this.parts = List.copyOf(parts);
        this.partArray = parts.toArray();
    }

    /** Compiles {@code format} (a preset's text or the user's own). */
    public static AccessLogFormat compile(String format) {
        List<Object> parts = new ArrayList<>();
        Matcher m = VARIABLE.matcher(format);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) parts.add(format.substring(last, m.start()));
            parts.add(variable(m.group().substring("$context.".length())));
            last = m.end();
        }
        if (last < format.length()) parts.add(format.substring(last));
        return new AccessLogFormat(format, parts);
    }

    /** {@code $context.<name>} resolved to what its value is read from. */
    private static Variable variable(String name) {
        int code = switch (name) {
            case "accountId" -> V_ACCOUNT_ID;
            case "apiId" -> V_API_ID;
            case "deploymentId" -> V_DEPLOYMENT_ID;
            case "domainName" -> V_DOMAIN_NAME;
            case "domainPrefix" -> V_DOMAIN_PREFIX;
            case "error.message" -> V_ERROR_MESSAGE;
            case "error.messageString" -> V_ERROR_MESSAGE_STRING;
            case "error.responseType" -> V_ERROR_RESPONSE_TYPE;
            case "extendedRequestId" -> V_EXTENDED_REQUEST_ID;
            case "httpMethod" -> V_HTTP_METHOD;
            case "identity.sourceIp" -> V_SOURCE_IP;
            case "identity.userAgent" -> V_USER_AGENT;
            case "identity.apiKey" -> V_API_KEY;
            case "identity.apiKeyId" -> V_API_KEY_ID;
            case "path" -> V_PATH;
            case "protocol" -> V_PROTOCOL;
            case "requestId" -> V_REQUEST_ID;
            case "requestTime" -> V_REQUEST_TIME;
            case "requestTimeEpoch" -> V_REQUEST_TIME_EPOCH;
            case "resourceId" -> V_RESOURCE_ID;
            case "resourcePath" -> V_RESOURCE_PATH;
            case "stage" -> V_STAGE;
            case "status" -> V_STATUS;
            case "responseLength" -> V_RESPONSE_LENGTH;
            case "responseLatency" -> V_RESPONSE_LATENCY;
            case "integrationLatency", "integration.latency" -> V_INTEGRATION_LATENCY;
            case "integrationStatus", "integration.integrationStatus", "integration.status" -> V_INTEGRATION_STATUS;
            case "integration.error" -> V_INTEGRATION_ERROR;
            case "authorizer.principalId" -> V_PRINCIPAL_ID;
            default -> V_NONE; // identity.caller, identity.user, cognito*, waf*, xrayTraceId, ...: none locally
        };
        String key = name.startsWith("authorizer.") ? name.substring("authorizer.".length()) : null;
        return new Variable(name, code, key, key != null && key.startsWith("claims."));
    }

    public String format() {
        return format;
    }

    /** The access-log line of one request (without a line break). */
    public String render(RequestRecord r) {
        StringBuilder b = new StringBuilder(format.length() + 64);
        appendTo(b, r);
        return b.toString();
    }

    /** Appends the access-log line of one request (without a line break) to {@code b}. */
    void appendTo(StringBuilder b, RequestRecord r) {
        for (Object part : partArray) {
            if (part instanceof Variable v) {
                // numbers straight into the line; a value that is absent or empty renders "-"
                switch (v.code()) {
                    case V_STATUS -> b.append(r.status());
                    case V_RESPONSE_LENGTH -> b.append(r.responseLength());
                    case V_REQUEST_TIME_EPOCH -> b.append(r.requestTimeMillis());
                    case V_RESPONSE_LATENCY -> b.append(r.latencyMicros() / 1000);
                    default -> {
                        String value = value(v, r);
                        if (value == null || value.isEmpty()) b.append('-');
                        else b.append(value);
                    }
                }
            } else {
                b.append((String) part);
            }
        }
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
        return value(variable(name), r);
    }

    private static String value(Variable v, RequestRecord r) {
        if (v.authorizerKey() != null && r.authorizer() != null) {
            return v.claims() ? null : r.authorizer().get(v.authorizerKey());
        }
        return switch (v.code()) {
            case V_ACCOUNT_ID -> ACCOUNT_ID;
            case V_API_ID -> r.apiId();
            case V_DEPLOYMENT_ID -> r.deploymentId();
            case V_DOMAIN_NAME -> r.domainName();
            case V_DOMAIN_PREFIX -> r.domainPrefix();
            case V_ERROR_MESSAGE -> r.errorMessage();
            case V_ERROR_MESSAGE_STRING -> r.errorMessage() == null ? null : "\"" + r.errorMessage() + "\"";
            case V_ERROR_RESPONSE_TYPE -> r.errorResponseType();
            case V_EXTENDED_REQUEST_ID -> r.extendedRequestId();
            case V_HTTP_METHOD -> r.httpMethod();
            case V_SOURCE_IP -> r.sourceIp();
            case V_USER_AGENT -> r.userAgent();
            case V_API_KEY -> r.apiKey() == null ? null : RequestLogStore.maskApiKey(r.apiKey());
            case V_API_KEY_ID -> r.apiKeyId();
            case V_PATH -> r.path();
            case V_PROTOCOL -> r.protocol();
            case V_REQUEST_ID -> r.requestId();
            case V_REQUEST_TIME -> requestTime(r.requestTimeMillis());
            case V_REQUEST_TIME_EPOCH -> Long.toString(r.requestTimeMillis());
            case V_RESOURCE_ID -> r.resourceId();
            case V_RESOURCE_PATH -> r.resourcePath();
            case V_STAGE -> r.stage();
            case V_STATUS -> Integer.toString(r.status());
            case V_RESPONSE_LENGTH -> Long.toString(r.responseLength());
            case V_RESPONSE_LATENCY -> Long.toString(r.latencyMicros() / 1000);
            case V_INTEGRATION_LATENCY -> r.integrationMicros() < 0 ? null : Long.toString(r.integrationMicros() / 1000);
            case V_INTEGRATION_STATUS -> r.integrationStatus() < 0 ? null : Integer.toString(r.integrationStatus());
            case V_INTEGRATION_ERROR -> r.integrationError();
            case V_PRINCIPAL_ID -> r.principalId();
            default -> null;
        };
    }

    @Override public String toString() {
        return "AccessLogFormat{" + format + "}";
    }
}

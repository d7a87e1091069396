package dev.gatehouse.app.awsservice;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of an AWS service integration's URI as AWS's console shows them (AWS Region, AWS service, AWS subdomain,
 * action name or path override), and the URI itself as API Gateway defines it (PutIntegration {@code uri}:
 * {@code arn:aws:apigateway:{region}:{subdomain.service|service}:path|action/{service_api}}, e.g.
 * {@code arn:aws:apigateway:us-east-1:dynamodb:action/PutItem} or {@code arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}}).
 * {@link #toUri()} writes the URI, {@link #parse} reads one back into the fields, so the two round-trip.
 * Immutable; any thread; free of JavaFX so the editor's view-model and its tests share it.
 *
 * @param partition    {@code aws}, {@code aws-cn} or {@code aws-us-gov}: the ARN's second part
 * @param region       e.g. {@code us-east-1}
 * @param service      the service's endpoint prefix as AWS writes it ({@code dynamodb}, {@code s3}, {@code states})
 * @param subdomain    the optional part before the service ({@code my-bucket} in {@code my-bucket.s3}); "" for none
 * @param actionType   whether {@code value} is an action name or a path override
 * @param value        the action ({@code PutItem}) or the path, without its leading slash ({@code {bucket}/{key}})
 */
public record AwsServiceUri(String partition, String region, String service, String subdomain, ActionType actionType,
                            String value) {

    /** "Action type" of AWS's console: the two forms of the URI's last part. */
    public enum ActionType {
        ACTION("Use action name", "action/"),
        PATH_OVERRIDE("Use path override", "path/");

        private final String label;
        private final String prefix;

        ActionType(String label, String prefix) {
            this.label = label;
            this.prefix = prefix;
        }

        /** The console's words for it. */
        public String label() { return label; }

        /** {@code action/} or {@code path/}. */
        public String prefix() { return prefix; }

        @Override public String toString() { return label; }
    }

    /** The services the engine knows how to call (JSON-protocol, query-protocol and REST services), for the picker. */
    public static final List<String> SERVICES = List.of("dynamodb", "s3", "sqs", "sns", "states", "kinesis",
            "firehose", "events", "logs", "secretsmanager", "ssm", "kms", "sts");

    /** The region a new integration starts with (AWS's console starts with the console's own region). */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final String PREFIX = "arn:";
    private static final Pattern PARTITION = Pattern.compile("aws(-cn|-us-gov)?");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SUBDOMAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    // an action name, optionally followed by input parameters as AWS documents them (action/GetObject&Key={key})
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_.-]+(&[^\\s&]+)*");

    public AwsServiceUri {
        partition = partition == null || partition.isBlank() ? "aws" : partition.strip();
        region = region == null ? "" : region.strip();
        service = service == null ? "" : service.strip();
        subdomain = subdomain == null ? "" : subdomain.strip();
        actionType = actionType == null ? ActionType.ACTION : actionType;
        value = value == null ? "" : value.strip();
    }

    /** The fields of an {@code action/} URI in the {@code aws} partition. */
    public static AwsServiceUri action(String region, String service, String subdomain, String action) {
        return new AwsServiceUri("aws", region, service, subdomain, ActionType.ACTION, action);
    }

    /** The fields of a {@code path/} URI in the {@code aws} partition. */
    public static AwsServiceUri pathOverride(String region, String service, String subdomain, String path) {
        return new AwsServiceUri("aws", region, service, subdomain, ActionType.PATH_OVERRIDE, path);
    }

    /**
     * The URI as API Gateway stores it. A path override keeps the slash-less form AWS's console writes ({@code path/x}).
     * Call only when {@link #problem()} is empty; otherwise the URI is as wrong as the fields.
     */
    public String toUri() {
        String path = value;
        if (actionType == ActionType.PATH_OVERRIDE) {
            while (path.startsWith("/")) path = path.substring(1);
        }
        return "arn:" + partition + ":apigateway:" + region + ":" + (subdomain.isEmpty() ? "" : subdomain + ".") + service
                + ":" + actionType.prefix() + path;
    }

    /** What is wrong with the fields, naming the field in the console's words; empty when they make a valid URI. */
    public Optional<String> problem() {
        if (region.isEmpty()) return Optional.of("Enter the AWS Region, e.g. us-east-1");
        if (!REGION.matcher(region).matches()) {
            return Optional.of("AWS Region \"" + region + "\" is not a region name such as us-east-1 or eu-west-2");
        }
        if (service.isEmpty()) return Optional.of("Choose or type the AWS service, e.g. dynamodb");
        if (!SERVICE.matcher(service).matches()) {
            return Optional.of("AWS service \"" + service + "\" must be the service's endpoint prefix: lower-case letters,"
                    + " digits and -, e.g. dynamodb, s3, states");
        }
        if (!subdomain.isEmpty() && !SUBDOMAIN.matcher(subdomain).matches()) {
            return Optional.of("AWS subdomain \"" + subdomain + "\" may hold only letters, digits, . and -");
        }
        if (actionType == ActionType.ACTION) {
            if (value.isEmpty()) return Optional.of("Enter the action name, e.g. PutItem");
            if (!ACTION.matcher(value).matches()) {
                return Optional.of("Action \"" + value + "\" must be the API action's name (letters, digits, _ . -), e.g. PutItem,"
                        + " optionally followed by &Name=value parameters");
            }
        } else {
            String path = value.replaceFirst("^/+", "");
            if (path.isEmpty()) return Optional.of("Enter the path override, e.g. {bucket}/{key}");
            for (int i = 0; i < value.length(); i++) {
                if (Character.isWhitespace(value.charAt(i))) {
                    return Optional.of("Path override \"" + value + "\" has a space at character " + (i + 1)
                            + ": encode it as %20");
                }
            }
        }
        return Optional.empty();
    }

    /** True for the Lambda form of the URI ({@code lambda:path/2015-03-31/functions/…}), which the Lambda fields edit. */
    public boolean isLambdaInvocation() {
        return service.equals("lambda") && actionType == ActionType.PATH_OVERRIDE && value.contains("functions/");
    }

    /**
     * Reads an AWS integration URI into its fields.
     *
     * @throws IllegalArgumentException saying what is wrong and at which character (1-based), e.g.
     *                                  "expected action/ or path/ after the service at character 33, found \"paths/x\""
     */
    public static AwsServiceUri parse(String uri) {
        if (uri == null || uri.isBlank()) throw problem("the URI is empty", 1, uri);
        String s = uri.strip();
        if (!s.startsWith(PREFIX)) throw problem("an AWS service URI starts with \"arn:\"", 1, s);
        int at = PREFIX.length();
        int colon = s.indexOf(':', at);
        if (colon < 0) throw problem("expected the partition (aws) and \":apigateway:\"", at + 1, s);
        String partition = s.substring(at, colon);
        if (!PARTITION.matcher(partition).matches()) {
            throw problem("the partition must be aws, aws-cn or aws-us-gov, found \"" + partition + "\"", at + 1, s);
        }
        at = colon + 1;
        if (!s.startsWith("apigateway:", at)) {
            throw problem("an integration URI names the apigateway service here, found \"" + upToColon(s, at) + "\"", at + 1, s);
        }
        at += "apigateway:".length();
        colon = s.indexOf(':', at);
        if (colon < 0) throw problem("expected the region followed by \":\"", at + 1, s);
        String region = s.substring(at, colon);
        if (!REGION.matcher(region).matches()) {
            throw problem("\"" + region + "\" is not a region name such as us-east-1", at + 1, s);
        }
        at = colon + 1;
        colon = s.indexOf(':', at);
        if (colon < 0) throw problem("expected the service (e.g. dynamodb) followed by \":action/\" or \":path/\"", at + 1, s);
        String host = s.substring(at, colon);
        int dot = host.lastIndexOf('.');
        String subdomain = dot < 0 ? "" : host.substring(0, dot);
        String service = host.substring(dot + 1);
        if (!SERVICE.matcher(service).matches()) {
            throw problem("\"" + service + "\" is not a service's endpoint prefix (lower-case letters, digits and -)",
                    at + dot + 2, s);
        }
        if (dot >= 0 && !SUBDOMAIN.matcher(subdomain).matches()) {
            throw problem("the subdomain \"" + subdomain + "\" may hold only letters, digits, . and -", at + 1, s);
        }
        at = colon + 1;
        ActionType type;
        if (s.startsWith("action/", at)) type = ActionType.ACTION;
        else if (s.startsWith("path/", at)) type = ActionType.PATH_OVERRIDE;
        else throw problem("expected action/ or path/ after the service, found \"" + abbreviate(s.substring(at)) + "\"", at + 1, s);
        at += type.prefix().length();
        String value = s.substring(at);
        if (type == ActionType.ACTION) {
            if (value.isEmpty()) throw problem("the action name after action/ is missing", at + 1, s);
            int end = value.indexOf('&') < 0 ? value.length() : value.indexOf('&');
            if (end == 0) throw problem("the action name after action/ is missing", at + 1, s);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean ok = i < end ? (Character.isLetterOrDigit(c) && c < 128) || c == '_' || c == '.' || c == '-'
                        : !Character.isWhitespace(c);
                if (!ok) {
                    throw problem(i < end ? "an action name cannot hold \"" + c + "\"" : "the action's parameters cannot hold a space",
                            at + i + 1, s);
                }
            }
        } else {
            while (value.startsWith("/")) {
                value = value.substring(1);
                at++;
            }
            if (value.isEmpty()) throw problem("the path after path/ is missing", at + 1, s);
        }
        return new AwsServiceUri(partition, region, service, subdomain, type, value);
    }

    private static IllegalArgumentException problem(String what, int character, String uri) {
        return new IllegalArgumentException("Cannot read the AWS service URI " + (uri == null ? "" : "\"" + uri + "\" ")
                + "at character " + character + ": " + what);
    }

    private static String upToColon(String s, int from) {
        int colon = s.indexOf(':', from);
        return colon < 0 ? abbreviate(s.substring(from)) : s.substring(from, colon);
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }
}

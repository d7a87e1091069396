package dev.gatehouse.app.functions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integration URI API Gateway uses for a Lambda function, both ways: a function name (or Lambda ARN) to
 * {@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/arn:aws:lambda:REGION:ACCOUNT:function:NAME/invocations},
 * and such a URI back to the function's name. The same URI deploys on AWS; the engine resolves NAME to the
 * workspace's local function. Pure.
 */
public final class LambdaUri {
    /** The region and account of the URIs the console writes (the engine's local Lambda answers any). */
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    /** A name as Lambda allows it, or a stage variable standing for one ({@code ${stageVariables.fn}}). */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}|\\$\\{stageVariables\\.[A-Za-z0-9_]+}");
    private static final Pattern IN_URI = Pattern.compile(
            "arn:aws:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:([^/:]+)(?::[^/]+)?/invocations");

    private LambdaUri() {}

    /** The integration URI invoking {@code nameOrArn} (a plain name or {@code arn:aws:lambda:…:function:NAME}). */
    public static String of(String nameOrArn) {
        String s = nameOrArn.strip();
        String arn = s.startsWith("arn:aws:lambda:") ? s : "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + s;
        String region = s.startsWith("arn:aws:lambda:") ? s.split(":")[3] : REGION;
        return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + arn + "/invocations";
    }

    /** The function a Lambda integration URI invokes; empty for any other URI. */
    public static Optional<String> functionName(String uri) {
        if (uri == null) return Optional.empty();
        Matcher m = IN_URI.matcher(uri.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Why {@code target} names no function, in the product's words; empty when it does. */
    public static Optional<String> problem(String target) {
        if (target == null || target.isBlank()) return Optional.of("Enter the Lambda function's name, e.g. GetHelloWorld");
        String s = target.strip();
        if (s.startsWith("arn:aws:lambda:")) {
            String[] parts = s.split(":");
            if (parts.length < 7 || !parts[5].equals("function") || !NAME.matcher(parts[6]).matches()) {
                return Optional.of("A Lambda ARN looks like arn:aws:lambda:us-east-1:123456789012:function:NAME");
            }
            return Optional.empty();
        }
        return NAME.matcher(s).matches() ? Optional.empty()
                : Optional.of("Function names are 1-64 letters, digits, hyphens (-) or underscores (_)");
    }

    /** The plain function name of a target ({@code NAME} of an ARN); the target itself otherwise. */
    public static String name(String target) {
        String s = target.strip();
        if (!s.startsWith("arn:aws:lambda:")) return s;
        String[] parts = s.split(":");
        return parts.length > 6 ? parts[6] : s;
    }
}

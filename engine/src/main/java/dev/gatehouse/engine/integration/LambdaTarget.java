package dev.gatehouse.engine.integration;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda function an AWS or AWS_PROXY integration calls, from its URI
 * {@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/arn:aws:lambda:REGION:ACCOUNT:function:NAME/invocations}
 * (stage variables allowed, e.g. {@code function:${stageVariables.fn}}), compiled once into Lambda's Invoke URL
 * {@code https://lambda.REGION.amazonaws.com/2015-03-31/functions/.../invocations}, which is also what AWS's
 * execution log prints as the endpoint. Immutable.
 */
public final class LambdaTarget {

    private static final Pattern URI = Pattern.compile(
            "arn:aws:apigateway:([a-z0-9-]+):lambda:path(/2015-03-31/functions/.+/invocations)");

    private final UriTemplate invokeUrl;

    private LambdaTarget(UriTemplate invokeUrl) {
        this.invokeUrl = invokeUrl;
    }

    /** True when {@code integrationUri} names a Lambda function (rather than another AWS service). */
    public static boolean isLambda(String integrationUri) {
        return integrationUri != null && URI.matcher(integrationUri).matches();
    }

    /** @throws IllegalArgumentException when {@link #isLambda} is false */
    public static LambdaTarget of(String integrationUri) {
        Matcher m = URI.matcher(integrationUri == null ? "" : integrationUri);
        if (!m.matches()) throw new IllegalArgumentException("not a Lambda function URI: " + integrationUri);
        return new LambdaTarget(UriTemplate.compile("https://lambda." + m.group(1) + ".amazonaws.com" + m.group(2)));
    }

    /** The Invoke URL with the stage's variables substituted. */
    public String invokeUrl(Map<String, String> stageVariables) {
        return invokeUrl.expand(Map.of(), stageVariables);
    }

    @Override public String toString() {
        return invokeUrl.toString();
    }
}

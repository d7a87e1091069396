package dev.gatehouse.engine.integration.aws;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS integration's URI naming an AWS service, as API Gateway defines it (PutIntegration {@code uri}:
 * "{@code arn:aws:apigateway:{region}:{subdomain.service|service}:path|action/{service_api}}",
 * docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html; aws-reference §2):
 * <ul>
 *   <li>{@code arn:aws:apigateway:us-east-1:dynamodb:action/PutItem}: an action-style call, sent to the service's
 *       endpoint root with {@code Action=PutItem} first in the query string (real execution logs print
 *       "Endpoint request URI: https://dynamodb.us-east-1.amazonaws.com/?Action=GetItem");</li>
 *   <li>{@code arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}}: an action with input
 *       parameters, "an {@code Action={name}&{p1}={v1}&p2={v2}...} query string" (PutIntegration {@code uri}); the
 *       parameters follow {@code Action} in the query string, their {@code {name}} placeholders filled as a path's
 *       are;</li>
 *   <li>{@code arn:aws:apigateway:us-east-1:s3:path/{bucket}/{key}}: a REST-style call to that path of the
 *       endpoint, its {@code {name}} placeholders filled from {@code integration.request.path.name};</li>
 *   <li>an optional subdomain before the service ({@code mybucket.s3}) is put in front of the endpoint's host.</li>
 * </ul>
 * Immutable; {@link #parse} is called at deploy time.
 *
 * @param region    the region the call is signed for and whose endpoint it reaches
 * @param subdomain the subdomain before the service, or null
 * @param service   the service's endpoint prefix and signing name as written ({@code dynamodb}, {@code sqs})
 * @param action    the action of an {@code action/} URI, else null
 * @param path      the path template of a {@code path/} URI (no leading slash), else null
 * @param actionParameters the {@code &}-joined {@code name=value} templates after the action
 *                  ({@code Bucket={bucket}&Key={key}}), or null when the URI names the action alone
 */
public record AwsServiceArn(String region, String subdomain, String service, String action, String path,
                            String actionParameters) {

    /** An ARN without action parameters (a {@code path/} URI, or an {@code action/} URI naming the action alone). */
    public AwsServiceArn(String region, String subdomain, String service, String action, String path) {
        this(region, subdomain, service, action, path, null);
    }

    /** An action name, then optional {@code &name=value} parameters (values may hold {@code {placeholders}}). */
    private static final Pattern ACTION = Pattern.compile(
            "([A-Za-z0-9_.-]+)((?:&[A-Za-z0-9_.:\\[\\]-]+=[^&\\s]*)*)");

    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:apigateway:([a-z0-9-]+):(?:([A-Za-z0-9.-]+)\\.)?([a-z0-9-]+):(action|path)/(.*)", Pattern.DOTALL);

    /** True for {@code action/} URIs. */
    public boolean isAction() {
        return action != null;
    }

    /**
     * @throws IllegalArgumentException with AWS's message for the part that is wrong ("Invalid ARN specified in the
     *                                  request", "AWS ARN for integration must contain path or action")
     */
    public static AwsServiceArn parse(String uri) {
        if (uri == null || !uri.startsWith("arn:")) {
            throw new IllegalArgumentException("Invalid ARN specified in the request: " + uri);
        }
        Matcher m = ARN.matcher(uri);
        if (!m.matches()) {
            if (uri.matches("arn:aws[a-z-]*:apigateway:[a-z0-9-]+:[A-Za-z0-9.-]+:.*")) {
                throw new IllegalArgumentException("AWS ARN for integration must contain path or action: " + uri);
            }
            throw new IllegalArgumentException("Invalid ARN specified in the request: " + uri);
        }
        String rest = m.group(5);
        if (m.group(4).equals("action")) {
            Matcher a = ACTION.matcher(rest);
            if (!a.matches()) {
                throw new IllegalArgumentException("Invalid action in integration URI " + uri
                        + ": expected action/ActionName, optionally followed by &Name=value parameters, "
                        + "e.g. action/PutItem or action/GetObject&Bucket={bucket}&Key={key}");
            }
            String parameters = a.group(2).isEmpty() ? null : a.group(2).substring(1);
            return new AwsServiceArn(m.group(1), m.group(2), m.group(3).toLowerCase(Locale.ROOT), a.group(1), null,
                    parameters);
        }
        while (rest.startsWith("/")) rest = rest.substring(1);
        return new AwsServiceArn(m.group(1), m.group(2), m.group(3).toLowerCase(Locale.ROOT), null, rest);
    }

    /**
     * The action parameters in the URI's order, name to value template (placeholders not yet filled); empty for a
     * {@code path/} URI or an action named alone.
     */
    public Map<String, String> actionParameterTemplates() {
        Map<String, String> out = new LinkedHashMap<>();
        if (actionParameters == null) return out;
        for (String pair : actionParameters.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    @Override public String toString() {
        return "arn:aws:apigateway:" + region + ":" + (subdomain == null ? "" : subdomain + ".") + service + ":"
                + (isAction() ? "action/" + action + (actionParameters == null ? "" : "&" + actionParameters)
                : "path/" + path);
    }
}

package dev.gatehouse.engine.integration.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the URL of one AWS service call from the integration's ARN, the resolved endpoint and the mapped
 * request parameters, in SigV4's canonical encoding:
 * <ul>
 *   <li>action style: {@code {endpoint}/?Action={Action}} followed by the mapped
 *       {@code integration.request.querystring.*} (as in API Gateway's execution logs:
 *       {@code https://dynamodb.us-east-1.amazonaws.com/?Action=GetItem&color=Red}); parameters written in the URI
 *       ({@code action/GetObject&Bucket={bucket}}) come right after {@code Action}, their placeholders filled like a
 *       path's, and a mapped query parameter of the same name replaces one written in the URI;</li>
 *   <li>path style: {@code {endpoint}/{path}} with {@code {name}} replaced by the mapped
 *       {@code integration.request.path.name} ({@code /} inside a value encoded, as one segment; {@code {name+}}
 *       keeps it), {@code ${stageVariables.name}} by the stage's variable, then the mapped query.</li>
 * </ul>
 * With an overridden endpoint and a subdomain, S3 takes the subdomain (the bucket) as first path segment.
 * Stateless.
 */
public final class ServiceUrl {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}|\\{([A-Za-z0-9._\\-]+)(\\+?)}");

    private ServiceUrl() { }

    public static String build(AwsServiceArn arn, EndpointResolver.Endpoint endpoint, Map<String, String> pathValues,
                               Map<String, String> stageVariables, Map<String, String> query) {
        StringBuilder url = new StringBuilder(endpoint.baseUrl());
        if (arn.isAction()) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Action", arn.action());
            arn.actionParameterTemplates().forEach((k, v) -> all.put(k, fill(v, pathValues, stageVariables)));
            query.forEach((k, v) -> {
                if (!k.equals("Action")) all.put(k, v);
            });
            return url.append("/?").append(SigV4Encoding.query(all)).toString();
        }
        if (endpoint.overridden() && arn.subdomain() != null && arn.service().equals("s3")) {
            url.append('/').append(SigV4Encoding.encode(arn.subdomain(), false));
        }
        url.append('/').append(expand(arn.path(), pathValues, stageVariables));
        if (!query.isEmpty()) url.append('?').append(SigV4Encoding.query(query));
        return url.toString();
    }

    /** Fills placeholders with the raw values (the query encoder encodes them once, later). */
    static String fill(String template, Map<String, String> pathValues, Map<String, String> stageVariables) {
        StringBuilder b = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            b.append(template, last, m.start());
            b.append(m.group(1) != null ? stageVariables.getOrDefault(m.group(1), "")
                    : pathValues.getOrDefault(m.group(2), ""));
            last = m.end();
        }
        return b.append(template.substring(last)).toString();
    }

    static String expand(String template, Map<String, String> pathValues, Map<String, String> stageVariables) {
        StringBuilder b = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            b.append(template, last, m.start());
            if (m.group(1) != null) {
                b.append(SigV4Encoding.encode(stageVariables.getOrDefault(m.group(1), ""), true));
            } else {
                b.append(SigV4Encoding.encode(pathValues.getOrDefault(m.group(2), ""), !m.group(3).isEmpty()));
            }
            last = m.end();
        }
        return b.append(template.substring(last)).toString();
    }
}

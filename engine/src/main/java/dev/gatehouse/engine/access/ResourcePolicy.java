package dev.gatehouse.engine.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An API's resource policy, the subset the local engine evaluates: statements with {@code Effect} Allow or Deny,
 * {@code Action} {@code execute-api:Invoke} (or {@code execute-api:*}, {@code *}), {@code Principal} {@code "*"} or
 * {@code {"AWS": "*"}} (anyone) or named AWS principals (IAM callers only), {@code Resource} as
 * {@code execute-api:/stage/METHOD/path} (AWS's shorthand for this API) or a full {@code arn:aws:execute-api:…} ARN,
 * with {@code *} and {@code ?} wildcards, and {@code Condition} {@code IpAddress} / {@code NotIpAddress} on
 * {@code aws:SourceIp} (addresses and CIDR blocks, IPv4 and IPv6; several operators must all hold).
 *
 * <p>Evaluation as AWS does it: an explicit Deny that matches wins; else an Allow that matches admits; else the call
 * is denied implicitly. A statement the engine cannot evaluate (another action form, condition operator or key, or
 * {@code NotResource}/{@code NotPrincipal}) fails closed: as an Allow it never matches, as a Deny it always does.
 * Immutable.
 */
final class ResourcePolicy {

    enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    /** @param principal null: anyone; otherwise named AWS principals (matched by IAM-signed callers only) */
    private record Statement(boolean allow, List<Pattern> resources, List<SourceIpRange> ipIn, List<SourceIpRange> ipNotIn,
                             boolean anyone, boolean evaluable, int number, String sid) {}

    /**
     * A decision with the statement that made it (what the console's "Check a request" shows).
     *
     * @param statement the deciding statement's 1-based position in the document; 0 for an implicit deny
     * @param sid       that statement's {@code Sid}, or null
     * @param evaluable false when the deciding statement is a Deny the engine cannot evaluate (it fails closed)
     */
    record Explained(Decision decision, int statement, String sid, boolean evaluable) {}

    private final List<Statement> statements;
    private final List<String> unsupported;

    private ResourcePolicy(List<Statement> statements, List<String> unsupported) {
        this.statements = statements;
        this.unsupported = unsupported;
    }

    /** What the engine cannot evaluate, one phrase each (for warnings); empty when everything is understood. */
    List<String> unsupported() {
        return unsupported;
    }

    /**
     * @param apiId the API the policy is attached to ({@code execute-api:/…} resources are relative to it)
     * @throws IllegalArgumentException when the text is not a policy document
     */
    static ResourcePolicy parse(String text, String apiId) {
        JsonNode doc = readJson(text);
        if (doc == null || !doc.isObject() || doc.get("Statement") == null) {
            throw new IllegalArgumentException("the resource policy is not a policy document (no Statement)");
        }
        JsonNode list = doc.get("Statement");
        List<Statement> out = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        int n = 0;
        for (JsonNode s : list.isArray() ? list : List.of(list)) {
            n++;
            String effect = s.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw new IllegalArgumentException("statement " + n + ": Effect must be Allow or Deny, not '" + effect + "'");
            }
            boolean allow = effect.equals("Allow");
            List<String> problems = new ArrayList<>();
            if (s.has("NotResource") || s.has("NotPrincipal") || s.has("NotAction")) problems.add("NotResource/NotPrincipal/NotAction");
            if (s.get("Action") == null) problems.add("no Action");
            else if (!coversInvoke(s.get("Action"))) continue; // about another action: irrelevant to Invoke
            List<Pattern> resources = new ArrayList<>();
            JsonNode r = s.get("Resource");
            if (r == null) problems.add("no Resource");
            else for (JsonNode one : r.isArray() ? r : List.of(r)) resources.add(resource(one.asText(), apiId));
            boolean anyone = anyone(s.get("Principal"));
            List<SourceIpRange> in = new ArrayList<>();
            List<SourceIpRange> notIn = new ArrayList<>();
            JsonNode condition = s.get("Condition");
            if (condition != null && !condition.isNull()) {
                for (Map.Entry<String, JsonNode> op : condition.properties()) {
                    List<SourceIpRange> target = switch (op.getKey()) {
                        case "IpAddress" -> in;
                        case "NotIpAddress" -> notIn;
                        default -> null;
                    };
                    if (target == null) {
                        problems.add("condition operator " + op.getKey());
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                        if (!key.getKey().toLowerCase(Locale.ROOT).equals("aws:sourceip")) {
                            problems.add("condition key " + key.getKey());
                            continue;
                        }
                        for (JsonNode ip : key.getValue().isArray() ? key.getValue() : List.of(key.getValue())) {
                            try {
                                target.add(SourceIpRange.parse(ip.asText()));
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException("statement " + n + ": " + e.getMessage());
                            }
                        }
                    }
                }
            }
            if (!problems.isEmpty()) unsupported.add("statement " + n + " (" + effect + "): " + String.join(", ", problems));
            String sid = s.path("Sid").isTextual() ? s.get("Sid").asText() : null;
            out.add(new Statement(allow, resources, in, notIn, anyone, problems.isEmpty(), n, sid));
        }
        return new ResourcePolicy(List.copyOf(out), List.copyOf(unsupported));
    }

    /**
     * @param methodArn {@code arn:aws:execute-api:region:account:apiId/stage/METHOD/path}
     * @param iamCaller the request carries a SigV4 signature (named AWS principals may match it)
     */
    Decision decide(String methodArn, String sourceIp, boolean iamCaller) {
        return explain(methodArn, sourceIp, iamCaller).decision();
    }

    /**
     * As {@link #decide}, naming the deciding statement: the first matching Deny, else the first matching Allow.
     * Any thread (immutable).
     */
    Explained explain(String methodArn, String sourceIp, boolean iamCaller) {
        Statement firstAllow = null;
        for (Statement s : statements) {
            boolean matches = s.evaluable() ? matches(s, methodArn, sourceIp, iamCaller) : !s.allow();
            if (!matches) continue;
            if (!s.allow()) return new Explained(Decision.EXPLICIT_DENY, s.number(), s.sid(), s.evaluable());
            if (firstAllow == null) firstAllow = s;
        }
        return firstAllow == null ? new Explained(Decision.IMPLICIT_DENY, 0, null, true)
                : new Explained(Decision.ALLOW, firstAllow.number(), firstAllow.sid(), true);
    }

    private static boolean matches(Statement s, String methodArn, String sourceIp, boolean iamCaller) {
        if (!s.anyone() && !iamCaller) return false;
        if (s.resources().stream().noneMatch(p -> p.matcher(methodArn).matches())) return false;
        if (!s.ipIn().isEmpty() && s.ipIn().stream().noneMatch(r -> r.contains(sourceIp))) return false;
        return s.ipNotIn().stream().noneMatch(r -> r.contains(sourceIp));
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            // AWS's GetRestApi returns the policy with its quotes escaped; accept that form too
            try {
                return Json.mapper().readTree(text.replace("\\\"", "\"").replace("\\/", "/"));
            } catch (IOException again) {
                throw new IllegalArgumentException("the resource policy is not JSON: " + e.getMessage());
            }
        }
    }

    private static boolean coversInvoke(JsonNode action) {
        for (JsonNode a : action.isArray() ? action : List.of(action)) {
            if (glob(a.asText()).matcher("execute-api:Invoke").matches()) return true;
        }
        return false;
    }

    private static boolean anyone(JsonNode principal) {
        if (principal == null || principal.isNull()) return true;
        if (principal.isTextual()) return principal.asText().equals("*");
        JsonNode aws = principal.get("AWS");
        if (aws == null) return false;
        for (JsonNode p : aws.isArray() ? aws : List.of(aws)) if (p.asText().equals("*")) return true;
        return false;
    }

    /** A Resource as a pattern over full method ARNs; {@code execute-api:/x} means this API's {@code x}. */
    private static Pattern resource(String text, String apiId) {
        if (text.startsWith("execute-api:/")) {
            return glob("arn:aws:execute-api:*:*:" + apiId + "/" + text.substring("execute-api:/".length()));
        }
        return glob(text);
    }

    private static Pattern glob(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}

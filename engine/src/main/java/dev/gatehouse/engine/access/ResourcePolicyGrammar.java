package dev.gatehouse.engine.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Problem;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Severity;
import dev.gatehouse.engine.access.ResourcePolicyPositions.Located;
import dev.gatehouse.engine.access.ResourcePolicyPositions.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One pass of {@link ResourcePolicyCheck}'s checks over one located policy document: the policy grammar AWS accepts
 * (elements, Effect, Principal, Action, Resource forms, IAM's condition operators, aws:SourceIp values) and what the
 * local engine does not enforce, each problem placed by {@link ResourcePolicyPositions}. Collects into {@link #out};
 * confined to the calling thread.
 */
final class ResourcePolicyGrammar {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Set<String> OPERATORS = Set.of(
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
            "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
            "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
            "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
            "Resource", "NotResource", "Condition");
    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+");
    private static final Pattern AWS_PRINCIPAL = Pattern.compile(
            "\\*|\\d{12}|arn:aws[a-z-]*:(iam|sts)::\\d{12}:(root|user/.+|role/.+|assumed-role/.+|federated-user/.+)");
    private static final String FAILS_CLOSED = "this statement fails closed (as an Allow it never admits, as a Deny it "
            + "refuses every call)";

    final Located doc;
    final String apiId;
    final List<Problem> out = new ArrayList<>();

    ResourcePolicyGrammar(Located doc, String apiId) {
        this.doc = doc;
        this.apiId = apiId;
    }

    void error(String path, String message) {
        add(Severity.ERROR, doc.at(path), path, message);
    }

    void warning(String path, String message) {
        add(Severity.WARNING, doc.at(path), path, message);
    }

    void unknownName(String path, String message) {
        add(Severity.ERROR, doc.nameAt(path), path, message);
    }

    void add(Severity severity, Span at, String path, String message) {
        out.add(new Problem(severity, path, at.line(), at.column(), at.start(), at.end(), message));
    }

    void document() {
        JsonNode root = doc.tree();
        if (!root.isObject()) {
            error("$", "a policy is a JSON object with Version and Statement");
            return;
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!TOP.contains(e.getKey())) {
                unknownName(ResourcePolicyPositions.member("$", e.getKey()),
                        "unknown policy element " + e.getKey() + ": a policy has Version, Id and Statement");
            }
        }
        JsonNode version = root.get("Version");
        if (version == null) {
            warning("$", "no Version: AWS then reads the policy in the 2008-10-17 policy language; write \"Version\": \"2012-10-17\"");
        } else if (!version.asText().equals("2012-10-17") && !version.asText().equals("2008-10-17")) {
            error("$.Version", "Version must be \"2012-10-17\" (or the older \"2008-10-17\"), not " + version);
        }
        JsonNode statements = root.get("Statement");
        if (statements == null) {
            error("$", "no Statement: the engine cannot read the policy, so a deployed stage answers every call with 500");
            return;
        }
        if (statements.isObject()) {
            statement(statements, "$.Statement");
        } else if (statements.isArray()) {
            if (statements.isEmpty()) warning("$.Statement", "no statements: every call is denied implicitly (403)");
            for (int i = 0; i < statements.size(); i++) statement(statements.get(i), ResourcePolicyPositions.index("$.Statement", i));
        } else {
            error("$.Statement", "Statement must be a statement object or a list of them");
        }
    }

    void statement(JsonNode s, String path) {
        if (!s.isObject()) {
            error(path, "a statement is a JSON object with Effect, Principal, Action and Resource");
            return;
        }
        for (Map.Entry<String, JsonNode> e : s.properties()) {
            if (!STATEMENT.contains(e.getKey())) {
                unknownName(ResourcePolicyPositions.member(path, e.getKey()), "unknown statement element " + e.getKey()
                        + ": a statement has Sid, Effect, Principal, Action, Resource and Condition");
            }
        }
        JsonNode effect = s.get("Effect");
        if (effect == null) error(path, "no Effect: write \"Effect\": \"Allow\" or \"Deny\"");
        else if (!effect.isTextual() || !(effect.asText().equals("Allow") || effect.asText().equals("Deny"))) {
            error(path + ".Effect", "Effect must be Allow or Deny, not " + effect);
        }
        principal(s, path);
        action(s, path);
        resource(s, path);
        JsonNode condition = s.get("Condition");
        if (condition != null) condition(condition, path + ".Condition");
    }

    void principal(JsonNode s, String path) {
        if (s.has("NotPrincipal")) {
            warning(path + ".NotPrincipal", "NotPrincipal is not evaluated by the local engine: " + FAILS_CLOSED);
        }
        JsonNode p = s.get("Principal");
        String at = path + ".Principal";
        if (p == null) {
            if (!s.has("NotPrincipal")) error(path, "no Principal: a resource policy says whom it applies to (\"*\" for anyone)");
            return;
        }
        if (p.isTextual()) {
            if (!p.asText().equals("*")) error(at, "Principal must be \"*\" or an object such as {\"AWS\": \"*\"}, not " + p);
            return;
        }
        if (!p.isObject()) {
            error(at, "Principal must be \"*\" or an object such as {\"AWS\": \"*\"}");
            return;
        }
        for (Map.Entry<String, JsonNode> e : p.properties()) {
            String key = ResourcePolicyPositions.member(at, e.getKey());
            switch (e.getKey()) {
                case "AWS" -> awsPrincipals(e.getValue(), key);
                case "Service", "Federated", "CanonicalUser" -> warning(key, e.getKey()
                        + " principals never call a local stage: this part of the statement never matches");
                default -> unknownName(key, "unknown principal type " + e.getKey() + ": use AWS, Service, Federated or CanonicalUser");
            }
        }
    }

    void awsPrincipals(JsonNode values, String path) {
        List<JsonNode> list = values.isArray() ? iterable(values) : List.of(values);
        for (int i = 0; i < list.size(); i++) {
            String at = values.isArray() ? ResourcePolicyPositions.index(path, i) : path;
            String v = list.get(i).asText();
            if (!list.get(i).isTextual() || !AWS_PRINCIPAL.matcher(v).matches()) {
                error(at, "not an AWS principal: " + list.get(i) + " (expected \"*\", a 12-digit account id or an "
                        + "arn:aws:iam::ACCOUNT:root/user/role ARN)");
            } else if (!v.equals("*")) {
                warning(at, "the local engine matches a named principal (" + v + ") to any SigV4-signed caller of an "
                        + "AWS_IAM method, without checking who signed; unsigned callers never match");
            }
        }
    }

    void action(JsonNode s, String path) {
        if (s.has("NotAction")) warning(path + ".NotAction", "NotAction is not evaluated by the local engine: " + FAILS_CLOSED);
        JsonNode a = s.get("Action");
        if (a == null) {
            if (!s.has("NotAction")) error(path, "no Action: write \"Action\": \"execute-api:Invoke\"");
            return;
        }
        String at = path + ".Action";
        List<JsonNode> list = a.isArray() ? iterable(a) : List.of(a);
        boolean invoke = false;
        for (int i = 0; i < list.size(); i++) {
            String v = list.get(i).asText();
            if (!list.get(i).isTextual() || !ACTION.matcher(v).matches()) {
                error(a.isArray() ? ResourcePolicyPositions.index(at, i) : at,
                        "not an action: " + list.get(i) + " (expected service:Action, e.g. execute-api:Invoke)");
                return;
            }
            invoke |= v.equals("*") || v.equalsIgnoreCase("execute-api:*") || v.equalsIgnoreCase("execute-api:Invoke")
                    || (v.toLowerCase(Locale.ROOT).startsWith("execute-api:") && (v.contains("*") || v.contains("?")));
        }
        if (!invoke) warning(at, "the actions do not include execute-api:Invoke: the engine ignores this statement");
    }

    void resource(JsonNode s, String path) {
        if (s.has("NotResource")) warning(path + ".NotResource", "NotResource is not evaluated by the local engine: " + FAILS_CLOSED);
        JsonNode r = s.get("Resource");
        if (r == null) {
            if (!s.has("NotResource")) error(path, "no Resource: write \"Resource\": \"execute-api:/*\" for every method of every stage");
            return;
        }
        String at = path + ".Resource";
        List<JsonNode> list = r.isArray() ? iterable(r) : List.of(r);
        for (int i = 0; i < list.size(); i++) {
            String where = r.isArray() ? ResourcePolicyPositions.index(at, i) : at;
            if (!list.get(i).isTextual()) error(where, "a Resource is a string, not " + list.get(i));
            else resourceText(list.get(i).asText(), where);
        }
    }

    void resourceText(String v, String at) {
        if (v.equals("*")) return;
        String rest;
        if (v.startsWith("execute-api:/")) {
            rest = v.substring("execute-api:/".length());
        } else if (v.startsWith("arn:")) {
            String[] parts = v.split(":", 6);
            if (parts.length < 6 || !parts[1].startsWith("aws")) {
                error(at, "not an ARN: " + v + " (expected arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH)");
                return;
            }
            if (!parts[2].equals("execute-api")) {
                warning(at, parts[2] + " is not execute-api: this resource never matches a call to the API");
                return;
            }
            int slash = parts[5].indexOf('/');
            String api = slash < 0 ? parts[5] : parts[5].substring(0, slash);
            if (!api.contains("*") && !api.contains("?") && !api.equals(apiId)) {
                warning(at, "this ARN is for API " + api + ", not this API (" + apiId + "): it never matches");
                return;
            }
            if (slash < 0) {
                if (!api.endsWith("*")) error(at, "the ARN stops at the API id: add /STAGE/METHOD/PATH (or /*)");
                return;
            }
            rest = parts[5].substring(slash + 1);
        } else {
            error(at, "Resource must be execute-api:/STAGE/METHOD/PATH (e.g. execute-api:/prod/GET/pets), an "
                    + "arn:aws:execute-api:… ARN or *, not \"" + v + "\"");
            return;
        }
        String[] seg = rest.split("/", 3);
        if (seg[0].isEmpty()) {
            error(at, "no stage in \"" + v + "\": write the stage name or * after execute-api:/");
        } else if (seg.length == 1) {
            if (!seg[0].endsWith("*")) error(at, "\"" + v + "\" has no METHOD/PATH after the stage: add /GET/pets, or /* for all");
        } else if (!seg[1].contains("*") && !seg[1].contains("?") && !METHODS.contains(seg[1])) {
            error(at, "\"" + seg[1] + "\" is not an HTTP method: use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or *");
        } else if (seg.length == 2 && !seg[1].endsWith("*")) {
            error(at, "\"" + v + "\" has no path after the method: add / for the root resource or /pets");
        }
    }

    void condition(JsonNode condition, String at) {
        if (!condition.isObject()) {
            error(at, "Condition must be an object of operators, e.g. {\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\"]}}");
            return;
        }
        for (Map.Entry<String, JsonNode> op : condition.properties()) {
            String opPath = ResourcePolicyPositions.member(at, op.getKey());
            String base = op.getKey().replaceFirst("^(ForAnyValue|ForAllValues):", "").replaceFirst("IfExists$", "");
            if (!OPERATORS.contains(base)) {
                unknownName(opPath, "unknown condition operator " + op.getKey()
                        + " (IAM's are StringEquals, StringLike, IpAddress, NotIpAddress, Bool, Null, …)");
                continue;
            }
            if (!op.getValue().isObject()) {
                error(opPath, op.getKey() + " takes an object of condition keys, e.g. {\"aws:SourceIp\": [\"203.0.113.0/24\"]}");
                continue;
            }
            boolean ipOperator = op.getKey().equals("IpAddress") || op.getKey().equals("NotIpAddress");
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                String keyPath = ResourcePolicyPositions.member(opPath, key.getKey());
                if (key.getKey().toLowerCase(Locale.ROOT).equals("aws:sourceip")) {
                    sourceIps(key.getValue(), keyPath, op.getKey());
                    if (!ipOperator) warning(keyPath, notEnforced(op.getKey() + " on aws:SourceIp"));
                } else {
                    warning(keyPath, notEnforced(key.getKey()));
                }
            }
            if (!ipOperator && op.getValue().isEmpty()) warning(opPath, notEnforced(op.getKey()));
        }
    }

    void sourceIps(JsonNode values, String at, String operator) {
        List<JsonNode> list = values.isArray() ? iterable(values) : List.of(values);
        for (int i = 0; i < list.size(); i++) {
            String where = values.isArray() ? ResourcePolicyPositions.index(at, i) : at;
            if (!list.get(i).isTextual()) {
                error(where, "aws:SourceIp values are strings such as \"203.0.113.0/24\", not " + list.get(i));
                continue;
            }
            try {
                SourceIpRange.parse(list.get(i).asText());
            } catch (IllegalArgumentException e) {
                String why = e.getMessage().replaceFirst(": '.*'$", "");
                error(where, "bad aws:SourceIp value \"" + list.get(i).asText() + "\" in " + operator + " (" + why
                        + "): expected an IPv4/IPv6 address or CIDR block such as 203.0.113.0/24");
            }
        }
    }

    static String notEnforced(String what) {
        return "AWS accepts " + what + ", but Gatehouse does not enforce it: " + FAILS_CLOSED;
    }

    static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}

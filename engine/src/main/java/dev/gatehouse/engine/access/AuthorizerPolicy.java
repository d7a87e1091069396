package dev.gatehouse.engine.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The IAM policy a Lambda authorizer returns, evaluated as API Gateway does for {@code execute-api:Invoke}: an
 * explicit Deny on a matching resource wins, then an Allow on one, else the call is denied implicitly
 * (aws-reference §1.12). Resources are ARNs with {@code *} (any run of characters) and {@code ?} (one character)
 * wildcards. Immutable.
 */
final class AuthorizerPolicy {

    private record Statement(boolean allow, List<Pattern> resources) {}

    enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    private final List<Statement> statements;

    private AuthorizerPolicy(List<Statement> statements) {
        this.statements = statements;
    }

    /** @throws IllegalArgumentException when the document is not a policy AWS would accept */
    static AuthorizerPolicy parse(JsonNode document) {
        if (document == null || !document.isObject()) throw new IllegalArgumentException("policyDocument missing");
        JsonNode list = document.get("Statement");
        if (list == null) throw new IllegalArgumentException("policyDocument has no Statement");
        List<Statement> out = new ArrayList<>();
        for (JsonNode s : list.isArray() ? list : List.of(list)) {
            String effect = s.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) throw new IllegalArgumentException("Effect " + effect);
            if (!covers(s.get("Action"))) continue;
            List<Pattern> resources = new ArrayList<>();
            JsonNode r = s.get("Resource");
            if (r == null) throw new IllegalArgumentException("Statement without Resource");
            for (JsonNode one : r.isArray() ? r : List.of(r)) resources.add(glob(one.asText()));
            out.add(new Statement(effect.equals("Allow"), resources));
        }
        return new AuthorizerPolicy(List.copyOf(out));
    }

    Decision decide(String methodArn) {
        boolean allowed = false;
        for (Statement s : statements) {
            boolean matches = s.resources().stream().anyMatch(p -> p.matcher(methodArn).matches());
            if (!matches) continue;
            if (!s.allow()) return Decision.EXPLICIT_DENY;
            allowed = true;
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    private static boolean covers(JsonNode action) {
        if (action == null) return false;
        for (JsonNode a : action.isArray() ? action : List.of(action)) {
            if (glob(a.asText()).matcher("execute-api:Invoke").matches()) return true;
        }
        return false;
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

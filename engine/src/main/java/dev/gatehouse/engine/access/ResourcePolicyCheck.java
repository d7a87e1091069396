package dev.gatehouse.engine.access;

import dev.gatehouse.engine.access.ResourcePolicyPositions.Located;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks a resource policy as it is typed and answers "would this request be let in?" with the engine's own
 * evaluator ({@link ResourcePolicy}): what the console's resource-policy editor shows. Stateless; every method is
 * safe on any thread and never throws for bad input (problems are returned).
 *
 * <p>Errors are what AWS's PutRestApi / UpdateRestApi refuse as a malformed policy document or what the engine
 * refuses to read (then every call to a deployed stage is answered 500); warnings are what AWS accepts but the local
 * engine does not enforce as AWS would (such a statement fails closed: as an Allow it never admits, as a Deny it
 * refuses every call), or what can never match. Condition operators are IAM's
 * (IAM User Guide, "IAM JSON policy elements: Condition operators"), with the {@code IfExists} suffix and the
 * {@code ForAnyValue:} / {@code ForAllValues:} set prefixes.
 */
public final class ResourcePolicyCheck {

    /** How bad a problem is: ERROR blocks saving; WARNING is accepted by AWS but not enforced (or never matches). */
    public enum Severity { ERROR, WARNING }

    /**
     * One problem, where it is.
     *
     * @param path   JSON path of the element, {@code $.Statement[0].Condition.IpAddress['aws:SourceIp'][1]}
     * @param line   1-based
     * @param column 1-based
     * @param start  char offset of the element in the text (for underlining)
     * @param end    char offset just past it
     */
    public record Problem(Severity severity, String path, int line, int column, int start, int end, String message) {
        /** "Line 5, column 12 ($.Statement[0].Effect): message", as the editor's problem line shows it. */
        public String describe() {
            return "Line " + line + ", column " + column + " (" + path + "): " + message;
        }
    }

    /** What a request gets: let in, refused by a Deny, refused because nothing allows it, or 500 (policy unreadable). */
    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY, UNREADABLE }

    /**
     * @param statement the deciding statement's 1-based position; 0 when none decided (implicit deny, unreadable)
     * @param sid       its Sid, or null
     * @param methodArn the ARN the policy was evaluated against
     * @param reason    one sentence: what decided, in the product's words
     */
    public record Verdict(Outcome outcome, int statement, String sid, String methodArn, String reason) {}

    private ResourcePolicyCheck() {}

    /**
     * Every problem of {@code text} as the policy of API {@code apiId}, errors first, then by position. A blank text
     * (no policy: every caller is admitted) has none.
     */
    public static List<Problem> check(String text, String apiId) {
        if (text == null || text.isBlank()) return List.of();
        Located doc;
        try {
            doc = ResourcePolicyPositions.locate(text);
        } catch (ResourcePolicyPositions.SyntaxError e) {
            return List.of(new Problem(Severity.ERROR, "$", e.at.line(), e.at.column(), e.at.start(), e.at.end(),
                    "JSON syntax error: " + e.getMessage()));
        }
        ResourcePolicyGrammar c = new ResourcePolicyGrammar(doc, apiId);
        c.document();
        c.out.sort(Comparator.comparing(Problem::severity).thenComparingInt(Problem::start));
        return List.copyOf(c.out);
    }

    /**
     * What a deployed stage would answer a caller from {@code sourceIp} calling {@code method path} on {@code stage},
     * decided by the engine's evaluator exactly as the data plane decides (the method ARN in the local account
     * 123456789012, us-east-1).
     *
     * @param path      the resource path after the stage ({@code /pets/7}); a missing leading slash is added
     * @param iamCaller the caller signs with SigV4 on an AWS_IAM method (named AWS principals may then match)
     */
    public static Verdict decide(String text, String apiId, String stage, String method, String path, String sourceIp,
                                 boolean iamCaller) {
        String p = path == null || path.isBlank() ? "/" : path.strip().startsWith("/") ? path.strip() : "/" + path.strip();
        String arn = "arn:aws:execute-api:us-east-1:" + ResourcePolicyFilter.ACCOUNT + ":" + apiId + "/" + stage.strip() + "/"
                + method.strip().toUpperCase(Locale.ROOT) + p;
        if (text == null || text.isBlank()) {
            return new Verdict(Outcome.ALLOW, 0, null, arn, "The API has no resource policy: every caller is admitted.");
        }
        ResourcePolicy policy;
        try {
            policy = ResourcePolicy.parse(text, apiId);
        } catch (IllegalArgumentException e) {
            return new Verdict(Outcome.UNREADABLE, 0, null, arn,
                    "The engine cannot read this policy (" + e.getMessage() + "): a deployed stage answers every call with 500.");
        }
        ResourcePolicy.Explained x = policy.explain(arn, sourceIp == null ? "" : sourceIp.strip(), iamCaller);
        String which = x.statement() == 0 ? "" : "statement " + x.statement() + (x.sid() == null ? "" : " (Sid " + x.sid() + ")");
        return switch (x.decision()) {
            case ALLOW -> new Verdict(Outcome.ALLOW, x.statement(), x.sid(), arn, "Allowed by " + which + "; no Deny matches.");
            case EXPLICIT_DENY -> new Verdict(Outcome.EXPLICIT_DENY, x.statement(), x.sid(), arn, x.evaluable()
                    ? "Denied explicitly by " + which + ": 403 \"… with an explicit deny\"."
                    : "Denied by " + which + ", which the engine cannot evaluate and so applies to every call (fails closed).");
            case IMPLICIT_DENY -> new Verdict(Outcome.IMPLICIT_DENY, 0, null, arn,
                    "Denied implicitly: no statement allows this call (403, or the IAM check decides on an AWS_IAM method).");
        };
    }
}

package dev.gatehouse.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.access.ResourcePolicyCheck.Outcome;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Problem;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Severity;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resource-policy editor's checks and its "Check a request": positions are counted by hand in the texts below
 * (lines and columns 1-based, as editors show them); the verdicts follow AWS's evaluation (explicit Deny wins, then
 * Allow, else implicit deny) on API a1b2c3d4e5.
 */
class ResourcePolicyCheckTest {

    static final String API = "a1b2c3d4e5";

    /** AWS console's "Source IP deny list" shape; the Deny is on line 12, its CIDR on line 17. */
    static final String DENY_LIST = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": "*",
                  "Action": "execute-api:Invoke",
                  "Resource": "execute-api:/*"
                },
                {
                  "Sid": "BlockLoopback",
                  "Effect": "Deny",
                  "Principal": "*",
                  "Action": "execute-api:Invoke",
                  "Resource": "execute-api:/*",
                  "Condition": {
                    "IpAddress": {"aws:SourceIp": ["CIDR"]}
                  }
                }
              ]
            }
            """;

    private static List<Problem> check(String text) {
        return ResourcePolicyCheck.check(text, API);
    }

    private static String statement(String body) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + body + "]}";
    }

    @Test
    void aWellFormedIpDenyListHasNoProblems() {
        assertThat(check(DENY_LIST.replace("CIDR", "127.0.0.1/32"))).isEmpty();
    }

    @Test
    void aBlankEditorMeansNoPolicyAndNoProblems() {
        assertThat(check("  \n")).isEmpty();
    }

    @Test
    void aJsonSyntaxErrorNamesItsLineAndColumn() {
        String text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}";
        List<Problem> problems = check(text);
        assertThat(problems).hasSize(1);
        Problem p = problems.getFirst();
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(24); // the '}' after the trailing comma
        assertThat(p.message()).startsWith("JSON syntax error: ");
        assertThat(text.charAt(p.start())).isEqualTo('}');
    }

    @Test
    void aBadCidrIsAnErrorWithItsValueJsonPathAndLine() {
        String text = DENY_LIST.replace("CIDR", "127.0.0.1/33");
        List<Problem> problems = check(text);
        assertThat(problems).hasSize(1);
        Problem p = problems.getFirst();
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.path()).isEqualTo("$.Statement[1].Condition.IpAddress['aws:SourceIp'][0]");
        assertThat(p.line()).isEqualTo(17);
        assertThat(p.message()).contains("\"127.0.0.1/33\"").contains("CIDR prefix out of range");
        assertThat(text.substring(p.start(), p.end())).isEqualTo("\"127.0.0.1/33\"");
        assertThat(p.describe()).startsWith("Line 17, column ");
    }

    @Test
    void notAnAddressAtAllIsAnErrorToo() {
        assertThat(check(DENY_LIST.replace("CIDR", "localhost")).getFirst().message())
                .contains("\"localhost\"").contains("not an IP address or CIDR block");
    }

    @Test
    void aMissingStatementIsAnErrorAndAMissingVersionAWarning() {
        List<Problem> problems = check("{\"Id\": \"x\"}");
        assertThat(problems).extracting(Problem::severity).containsExactly(Severity.ERROR, Severity.WARNING);
        assertThat(problems.get(0).message()).startsWith("no Statement");
        assertThat(problems.get(1).message()).startsWith("no Version");
    }

    @Test
    void anEffectOtherThanAllowOrDenyIsAnErrorAtTheEffect() {
        String text = statement("{\"Effect\":\"Alow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"}");
        Problem p = check(text).getFirst();
        assertThat(p.path()).isEqualTo("$.Statement[0].Effect");
        assertThat(p.message()).isEqualTo("Effect must be Allow or Deny, not \"Alow\"");
        assertThat(text.substring(p.start(), p.end())).isEqualTo("\"Alow\"");
    }

    @Test
    void anUnknownConditionOperatorIsAnErrorAndAVpcEndpointConditionAWarningThatSaysItFailsClosed() {
        String typo = statement("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
                + "\"Condition\":{\"IpAdress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}");
        Problem p = check(typo).getFirst();
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.message()).startsWith("unknown condition operator IpAdress");
        assertThat(typo.substring(p.start(), p.end())).isEqualTo("\"IpAdress\"");

        String vpce = statement("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
                + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}}");
        List<Problem> problems = check(vpce);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().severity()).isEqualTo(Severity.WARNING);
        assertThat(problems.getFirst().path()).isEqualTo("$.Statement[0].Condition.StringNotEquals['aws:SourceVpce']");
        assertThat(problems.getFirst().message()).contains("AWS accepts aws:SourceVpce, but Gatehouse does not enforce it")
                .contains("as a Deny it refuses every call");
    }

    @Test
    void resourcesMustHaveTheExecuteApiStageMethodPathForm() {
        assertThat(resourceProblems("execute-api:/*")).isEmpty();
        assertThat(resourceProblems("execute-api:/prod/GET/")).isEmpty();
        assertThat(resourceProblems("arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/POST/pets/*")).isEmpty();
        assertThat(resourceProblems("execute-api:/prod/GTE/pets")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).startsWith("\"GTE\" is not an HTTP method");
        });
        assertThat(resourceProblems("execute-api:/prod/GET")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no path after the method"));
        assertThat(resourceProblems("pets")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("Resource must be execute-api:/STAGE/METHOD/PATH"));
        assertThat(resourceProblems("arn:aws:execute-api:us-east-1:123456789012:otherapi1/*")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("for API otherapi1, not this API (a1b2c3d4e5)");
        });
    }

    private static List<Problem> resourceProblems(String resource) {
        return check(statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + resource + "\"}"));
    }

    @Test
    void principalsMustBeAnyoneOrAnAwsPrincipalAndNamedOnesAreMatchedOnlyForSignedCallers() {
        String base = "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"";
        assertThat(check(statement(base + "}")).getFirst().message()).startsWith("no Principal");
        assertThat(check(statement(base + ",\"Principal\":\"someone\"}")).getFirst().message())
                .startsWith("Principal must be \"*\"");
        Problem named = check(statement(base + ",\"Principal\":{\"AWS\":[\"arn:aws:iam::123456789012:root\"]}}")).getFirst();
        assertThat(named.severity()).isEqualTo(Severity.WARNING);
        assertThat(named.path()).isEqualTo("$.Statement[0].Principal.AWS[0]");
        assertThat(check(statement(base + ",\"Principal\":{\"AWS\":\"bob\"}}")).getFirst().severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void anUnknownStatementElementIsAnErrorOnItsName() {
        String text = statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\",\"Resources\":[]}");
        Problem p = check(text).getFirst();
        assertThat(p.message()).startsWith("unknown statement element Resources");
        assertThat(text.substring(p.start(), p.end())).isEqualTo("\"Resources\"");
    }

    @Test
    void checkARequestNamesTheStatementThatDecided() {
        String policy = DENY_LIST.replace("CIDR", "127.0.0.1/32");
        Verdict denied = ResourcePolicyCheck.decide(policy, API, "prod", "get", "pets", "127.0.0.1", false);
        assertThat(denied.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(denied.statement()).isEqualTo(2);
        assertThat(denied.sid()).isEqualTo("BlockLoopback");
        assertThat(denied.methodArn()).isEqualTo("arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets");
        assertThat(denied.reason()).startsWith("Denied explicitly by statement 2 (Sid BlockLoopback)");

        Verdict allowed = ResourcePolicyCheck.decide(policy, API, "prod", "GET", "/pets", "10.1.2.3", false);
        assertThat(allowed.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(allowed.statement()).isEqualTo(1);
    }

    @Test
    void anAllowListDeniesOthersImplicitlyAndAnUnreadablePolicyRefusesEverything() {
        String allowList = statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"192.0.2.0/24\"]}}}");
        assertThat(ResourcePolicyCheck.decide(allowList, API, "prod", "GET", "/", "192.0.2.77", false).outcome()).isEqualTo(Outcome.ALLOW);
        Verdict other = ResourcePolicyCheck.decide(allowList, API, "prod", "GET", "/", "198.51.100.1", false);
        assertThat(other.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(other.statement()).isZero();
        assertThat(ResourcePolicyCheck.decide("{\"Version\":\"2012-10-17\"}", API, "prod", "GET", "/", "127.0.0.1", false).outcome())
                .isEqualTo(Outcome.UNREADABLE);
        assertThat(ResourcePolicyCheck.decide("", API, "prod", "GET", "/", "127.0.0.1", false).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aDenyTheEngineCannotEvaluateRefusesEveryCallAndSaysSo() {
        String vpce = statement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
                + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}}");
        Verdict v = ResourcePolicyCheck.decide(vpce, API, "prod", "GET", "/pets", "127.0.0.1", false);
        assertThat(v.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(v.statement()).isEqualTo(2);
        assertThat(v.reason()).contains("cannot evaluate").contains("fails closed");
    }
}

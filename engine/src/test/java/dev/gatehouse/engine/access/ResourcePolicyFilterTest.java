package dev.gatehouse.engine.access;

import static dev.gatehouse.engine.access.AccessFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.Headers;
import org.junit.jupiter.api.Test;

/**
 * Resource policies: AWS's evaluation (explicit Deny wins, then Allow, else implicit deny) and AWS's 403 body
 * {@code {"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:…"}} with the
 * account shown as eight stars and its last four digits (recorded responses quoted in serverless/serverless #5071 and
 * AWS's knowledge-center article on 403 errors), " with an explicit deny" appended for an explicit Deny.
 * The API is a1b2c3d4e5, the stage prod, the local account 123456789012.
 */
class ResourcePolicyFilterTest {

    static final String API = "a1b2c3d4e5";
    static final String DENIED = "{\"Message\":\"User: anonymous is not authorized to perform: execute-api:Invoke on "
            + "resource: arn:aws:execute-api:us-east-1:********9012:a1b2c3d4e5/prod/";

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String statement(String effect, String resource, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":"
                + resource + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static AccessFixtures.Outcome call(String policy, String method, String path, String ip) {
        return run(ResourcePolicyFilter.of(policy, API, false), GatewayRequest.of(method, "/prod" + path, Headers.empty(), null), ip);
    }

    static final String ALLOW_ALL = statement("Allow", "\"execute-api:/*\"", null);

    @Test
    void anIpDenyListRefusesOnlyTheListedRangeWithAnExplicitDeny() {
        String p = policy(ALLOW_ALL, statement("Deny", "\"execute-api:/*\"",
                "{\"IpAddress\":{\"aws:SourceIp\":[\"192.0.2.0/24\",\"198.51.100.7\"]}}"));
        assertThat(call(p, "GET", "/pets", "203.0.113.9").status()).isEqualTo(200);
        AccessFixtures.Outcome out = call(p, "GET", "/pets", "192.0.2.200");
        assertThat(out.status()).isEqualTo(403);
        assertThat(out.body()).isEqualTo(DENIED + "GET/pets with an explicit deny\"}");
        assertThat(out.response().headers().first("x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
        assertThat(out.reachedIntegration()).isFalse();
        assertThat(call(p, "GET", "/pets", "198.51.100.7").status()).isEqualTo(403);
        assertThat(call(p, "GET", "/pets", "198.51.100.8").status()).isEqualTo(200);
    }

    @Test
    void anIpAllowListDeniesEveryoneElseImplicitly() {
        String p = policy(statement("Allow", "\"execute-api:/*\"", "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"));
        assertThat(call(p, "GET", "/pets", "10.200.1.1").status()).isEqualTo(200);
        AccessFixtures.Outcome out = call(p, "GET", "/pets/7", "11.0.0.1");
        assertThat(out.status()).isEqualTo(403);
        assertThat(out.body()).isEqualTo(DENIED + "GET/pets/7\"}");
    }

    @Test
    void aDenyOutsideARangeWithNotIpAddressKeepsEveryoneElseOut() {
        String p = policy(ALLOW_ALL, statement("Deny", "\"execute-api:/*\"", "{\"NotIpAddress\":{\"aws:SourceIp\":[\"127.0.0.0/8\"]}}"));
        assertThat(call(p, "GET", "/pets", "127.0.0.1").status()).isEqualTo(200);
        assertThat(call(p, "GET", "/pets", "172.16.0.1").body()).endsWith("with an explicit deny\"}");
    }

    @Test
    void resourcesMatchStageMethodAndPathWithWildcardsAndExplicitDenyWins() {
        String p = policy(ALLOW_ALL, statement("Deny", "[\"execute-api:/*/DELETE/*\",\"execute-api:/prod/GET/admin\"]", null));
        assertThat(call(p, "GET", "/pets/1", "127.0.0.1").status()).isEqualTo(200);
        assertThat(call(p, "DELETE", "/pets/1", "127.0.0.1").body()).isEqualTo(DENIED + "DELETE/pets/1 with an explicit deny\"}");
        assertThat(call(p, "GET", "/admin", "127.0.0.1").status()).isEqualTo(403);
        assertThat(call(p, "GET", "/admin/x", "127.0.0.1").status()).as("no wildcard: exactly /admin").isEqualTo(200);
    }

    @Test
    void fullArnsWithWildcardRegionAndAccountMatchAsWell() {
        String p = policy(statement("Allow", "\"arn:aws:execute-api:*:*:a1b2c3d4e5/prod/GET/pets/*\"", null));
        assertThat(call(p, "GET", "/pets/1", "127.0.0.1").status()).isEqualTo(200);
        assertThat(call(p, "GET", "/pets", "127.0.0.1").status()).isEqualTo(403);
        String other = policy(statement("Allow", "\"arn:aws:execute-api:us-east-1:123456789012:otherapi/*\"", null));
        assertThat(call(other, "GET", "/pets/1", "127.0.0.1").status()).as("another API's ARN").isEqualTo(403);
    }

    @Test
    void ipv6RangesAreMatchedByPrefix() {
        String p = policy(statement("Allow", "\"execute-api:/*\"", "{\"IpAddress\":{\"aws:SourceIp\":\"2001:db8::/32\"}}"));
        assertThat(call(p, "GET", "/pets", "2001:db8:1::5").status()).isEqualTo(200);
        assertThat(call(p, "GET", "/pets", "2001:db9::5").status()).isEqualTo(403);
        assertThat(call(p, "GET", "/pets", "10.0.0.1").status()).isEqualTo(403);
    }

    @Test
    void statementsTheEngineCannotEvaluateFailClosed() {
        String unknownCondition = "{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}";
        String allowOnly = policy(statement("Allow", "\"execute-api:/*\"", unknownCondition));
        assertThat(call(allowOnly, "GET", "/pets", "127.0.0.1").status()).as("an Allow it cannot check never admits").isEqualTo(403);
        String denyToo = policy(ALLOW_ALL, statement("Deny", "\"execute-api:/*\"", unknownCondition));
        assertThat(call(denyToo, "GET", "/pets", "127.0.0.1").body()).as("a Deny it cannot check always refuses")
                .endsWith("with an explicit deny\"}");
        assertThat(ResourcePolicy.parse(denyToo, API).unsupported()).containsExactly(
                "statement 2 (Deny): condition operator StringEquals");
    }

    @Test
    void statementsAboutOtherActionsDoNotCount() {
        String p = policy(ALLOW_ALL, "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:InvalidateCache\","
                + "\"Resource\":\"execute-api:/*\"}");
        assertThat(call(p, "GET", "/pets", "127.0.0.1").status()).isEqualTo(200);
    }

    @Test
    void aPolicyThatIsNotAPolicyRefusesEveryCall() {
        AccessFixtures.Outcome out = call("{not json", "GET", "/pets", "127.0.0.1");
        assertThat(out.status()).isEqualTo(500);
        assertThat(call("{\"Version\":\"2012-10-17\"}", "GET", "/pets", "127.0.0.1").status()).isEqualTo(500);
    }

    @Test
    void thePolicyAsAwsGetRestApiReturnsItWithEscapedQuotesIsRead() {
        String escaped = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\",\\\"Principal\\\":"
                + "\\\"*\\\",\\\"Action\\\":\\\"execute-api:Invoke\\\",\\\"Resource\\\":\\\"execute-api:\\/*\\\"}]}";
        assertThat(call(escaped, "GET", "/pets", "127.0.0.1").body()).endsWith("with an explicit deny\"}");
    }

    @Test
    void onAnIamMethodAnImplicitDenyIsLeftToTheIamCheckButAnExplicitDenyIsNot() {
        String allowList = policy(statement("Allow", "\"execute-api:/*\"", "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"));
        GatewayRequest get = GatewayRequest.of("GET", "/prod/pets", Headers.empty(), null);
        assertThat(run(ResourcePolicyFilter.of(allowList, API, true), get, "11.0.0.1").reachedIntegration()).isTrue();
        String deny = policy(statement("Deny", "\"execute-api:/*\"", null));
        assertThat(run(ResourcePolicyFilter.of(deny, API, true), get, "11.0.0.1").status()).isEqualTo(403);
    }
}

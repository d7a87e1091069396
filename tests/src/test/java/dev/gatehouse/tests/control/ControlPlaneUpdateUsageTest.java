package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.UpdateUsageResponse;

/**
 * UpdateUsage over the wire ({@code PATCH /usageplans/{id}/keys/{keyId}/usage}) with the AWS SDK for Java v2 and the
 * real AWS CLI ({@code aws apigateway update-usage}): a key that used up its quota (429 {"message":"Limit
 * Exceeded"}, aws-reference §1.11) gets exactly the remaining requests set, answered in the Usage shape (botocore
 * {@code Usage}: usagePlanId, startDate, endDate, values {keyId: [[used, remaining]]}; the API reference's example
 * request is {@code {"op":"replace","path":"/remaining","value":"10"}}). Unknown plans and keys are AWS's 404
 * NotFoundException, unsupported operations and values its 400 BadRequestException.
 */
class ControlPlaneUpdateUsageTest {

    @TempDir Path dir;
    @TempDir Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A deployed GET /quota needing an API key, the key in a plan of {@code limit} per DAY; ids by name. */
    private static Map<String, String> keyedApi(ApiGatewayClient aws, int limit) {
        String apiId = aws.createRestApi(b -> b.name("usage")).id();
        String rootId = aws.getResources(b -> b.restApiId(apiId)).items().getFirst().id();
        String rid = aws.createResource(b -> b.restApiId(apiId).parentId(rootId).pathPart("quota")).id();
        aws.putMethod(b -> b.restApiId(apiId).resourceId(rid).httpMethod("GET").authorizationType("NONE").apiKeyRequired(true));
        aws.putIntegration(b -> b.restApiId(apiId).resourceId(rid).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        aws.putMethodResponse(b -> b.restApiId(apiId).resourceId(rid).httpMethod("GET").statusCode("200"));
        aws.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(rid).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"ok\": true}")));
        aws.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
        var key = aws.createApiKey(b -> b.name("partner").enabled(true));
        String planId = aws.createUsagePlan(b -> b.name("metered")
                .apiStages(ApiStage.builder().apiId(apiId).stage("prod").build())
                .quota(q -> q.limit(limit).period(QuotaPeriodType.DAY))).id();
        aws.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
        String other = aws.createApiKey(b -> b.name("outsider").enabled(true)).id();
        return Map.of("api", apiId, "plan", planId, "key", key.id(), "value", key.value(), "outsider", other);
    }

    private String call(ControlPlaneHarness engine, Map<String, String> ids) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(engine.gateway.invokeUrl(ids.get("api"), "prod")
                + "/quota")).header("x-api-key", ids.get("value")).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    @Test
    void theSdkSetsTheRemainingQuotaOfAnExhaustedKeyAndTheNextCallsAreAdmittedExactly() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            Map<String, String> ids = keyedApi(aws, 2);
            assertThat(List.of(call(engine, ids), call(engine, ids), call(engine, ids)))
                    .containsExactly("200 {\"ok\": true}", "200 {\"ok\": true}", "429 {\"message\":\"Limit Exceeded\"}");

            UpdateUsageResponse r = aws.updateUsage(b -> b.usagePlanId(ids.get("plan")).keyId(ids.get("key"))
                    .patchOperations(p -> p.op(Op.REPLACE).path("/remaining").value("1")));
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            assertThat(r.usagePlanId()).isEqualTo(ids.get("plan"));
            assertThat(r.startDate()).isEqualTo(today);
            assertThat(r.endDate()).isEqualTo(today);
            assertThat(r.items()).isEqualTo(Map.of(ids.get("key"), List.of(List.of(2L, 1L))));
            assertThat(List.of(call(engine, ids), call(engine, ids)))
                    .containsExactly("200 {\"ok\": true}", "429 {\"message\":\"Limit Exceeded\"}");
            assertThat(aws.getUsage(b -> b.usagePlanId(ids.get("plan")).startDate(today).endDate(today)).items())
                    .as("GetUsage counts what was served and shows what is left")
                    .isEqualTo(Map.of(ids.get("key"), List.of(List.of(3L, 0L))));

            NotFoundException noPlan = catchThrowableOfType(NotFoundException.class, () -> aws.updateUsage(b -> b
                    .usagePlanId("nosuch").keyId(ids.get("key")).patchOperations(p -> p.op(Op.REPLACE).path("/remaining").value("1"))));
            assertThat(noPlan.statusCode()).isEqualTo(404);
            assertThat(noPlan.awsErrorDetails().errorMessage()).isEqualTo("Invalid Usage Plan ID specified");
            NotFoundException notInPlan = catchThrowableOfType(NotFoundException.class, () -> aws.updateUsage(b -> b
                    .usagePlanId(ids.get("plan")).keyId(ids.get("outsider")).patchOperations(p -> p.op(Op.REPLACE).path("/remaining").value("1"))));
            assertThat(notInPlan.awsErrorDetails().errorMessage()).isEqualTo("Invalid API Key identifier specified");
            BadRequestException wrongOp = catchThrowableOfType(BadRequestException.class, () -> aws.updateUsage(b -> b
                    .usagePlanId(ids.get("plan")).keyId(ids.get("key")).patchOperations(p -> p.op(Op.ADD).path("/remaining").value("1"))));
            assertThat(wrongOp.statusCode()).isEqualTo(400);
            assertThat(wrongOp.awsErrorDetails().errorMessage()).contains("/remaining");
            BadRequestException negative = catchThrowableOfType(BadRequestException.class, () -> aws.updateUsage(b -> b
                    .usagePlanId(ids.get("plan")).keyId(ids.get("key")).patchOperations(p -> p.op(Op.REPLACE).path("/remaining").value("-1"))));
            assertThat(negative.awsErrorDetails().errorMessage()).isEqualTo("Invalid value for /remaining: -1 (a whole number, 0 or more)");
            assertThat(call(engine, ids)).as("refused changes changed nothing").isEqualTo("429 {\"message\":\"Limit Exceeded\"}");

            JsonNode audit = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Files.readAllLines(
                    dir.resolve("ws/.gatehouse/audit.jsonl")).stream().filter(l -> l.contains("\"UpdateUsage\"")).findFirst().orElseThrow());
            assertThat(audit.path("userIdentity").asText()).isEqualTo("control-plane:" + ControlPlaneHarness.KEY_ID);
            assertThat(audit.path("resource").asText()).isEqualTo("usageplans/" + ids.get("plan") + "/keys/" + ids.get("key") + "/usage");
        }
    }

    @Test
    void theAwsCliGrantsAKeyMoreThanItsLimitForThisPeriod() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws2"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            Map<String, String> ids = keyedApi(aws, 1);
            assertThat(call(engine, ids)).isEqualTo("200 {\"ok\": true}");
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);
            JsonNode usage = cli.run("update-usage", "--usage-plan-id", ids.get("plan"), "--key-id", ids.get("key"),
                    "--patch-operations", "op=replace,path=/remaining,value=3");
            assertThat(usage.path("usagePlanId").asText()).isEqualTo(ids.get("plan"));
            assertThat(usage.path("items").path(ids.get("key")).toString()).isEqualTo("[[1,3]]");
            assertThat(List.of(call(engine, ids), call(engine, ids), call(engine, ids), call(engine, ids)))
                    .containsExactly("200 {\"ok\": true}", "200 {\"ok\": true}", "200 {\"ok\": true}",
                            "429 {\"message\":\"Limit Exceeded\"}");

            AwsCli.Result unknown = cli.attempt("update-usage", "--usage-plan-id", "nosuch", "--key-id", ids.get("key"),
                    "--patch-operations", "op=replace,path=/remaining,value=3");
            assertThat(unknown.exit()).isNotZero();
            assertThat(unknown.stderr()).contains("NotFoundException").contains("Invalid Usage Plan ID specified");
            AwsCli.Result notANumber = cli.attempt("update-usage", "--usage-plan-id", ids.get("plan"), "--key-id", ids.get("key"),
                    "--patch-operations", "op=replace,path=/remaining,value=lots");
            assertThat(notANumber.stderr()).contains("BadRequestException").contains("Invalid value for /remaining: lots");
        }
    }
}

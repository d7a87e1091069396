package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateDeploymentResponse;
import software.amazon.awssdk.services.apigateway.model.CreateResourceResponse;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetExportResponse;
import software.amazon.awssdk.services.apigateway.model.GetResourcesResponse;
import software.amazon.awssdk.services.apigateway.model.GetStagesResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsageResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationResponse;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationResponseResponse;
import software.amazon.awssdk.services.apigateway.model.PutMethodResponse;
import software.amazon.awssdk.services.apigateway.model.PutMethodResponseResponse;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigateway.model.TestInvokeMethodResponse;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;

/**
 * The AWS SDK for Java v2 {@code apigateway} client drives a headless engine through its control plane, as it
 * would drive Amazon API Gateway (endpoint override, real SigV4 signatures checked against a configured key), and
 * the API it built answers on the data plane.
 */
class ControlPlaneSdkTest {

    @TempDir Path dir;
    private ControlPlaneHarness engine;
    private ApiGatewayClient aws;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        engine = new ControlPlaneHarness(dir, ControlPlaneHarness.testKeys());
        aws = engine.client();
    }

    @AfterEach
    void stop() {
        aws.close();
        engine.close();
    }

    @Test
    void theSdkBuildsDeploysAndManagesAnApiThatAnswersOnTheDataPlane() throws Exception {
        // create-rest-api
        CreateRestApiResponse api = aws.createRestApi(b -> b.name("pets").description("made by the SDK"));
        assertThat(api.id()).matches("[a-z0-9]{10}");
        assertThat(api.name()).isEqualTo("pets");
        assertThat(api.description()).isEqualTo("made by the SDK");
        assertThat(api.createdDate()).isNotNull();
        assertThat(api.rootResourceId()).isNotBlank();

        // get-resources: only the root
        GetResourcesResponse resources = aws.getResources(b -> b.restApiId(api.id()));
        assertThat(resources.items()).extracting(Resource::path).containsExactly("/");
        String rootId = resources.items().getFirst().id();
        assertThat(rootId).isEqualTo(api.rootResourceId());

        // create-resource
        CreateResourceResponse pets = aws.createResource(b -> b.restApiId(api.id()).parentId(rootId).pathPart("pets"));
        assertThat(pets.path()).isEqualTo("/pets");
        assertThat(pets.parentId()).isEqualTo(rootId);
        assertThat(pets.pathPart()).isEqualTo("pets");

        // put-method
        PutMethodResponse method = aws.putMethod(b -> b.restApiId(api.id()).resourceId(pets.id()).httpMethod("GET")
                .authorizationType("NONE"));
        assertThat(method.httpMethod()).isEqualTo("GET");
        assertThat(method.authorizationType()).isEqualTo("NONE");
        assertThat(method.apiKeyRequired()).isFalse();

        // put-integration (MOCK)
        PutIntegrationResponse integration = aws.putIntegration(b -> b.restApiId(api.id()).resourceId(pets.id())
                .httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        assertThat(integration.type()).isEqualTo(IntegrationType.MOCK);
        assertThat(integration.passthroughBehavior()).isEqualTo("WHEN_NO_MATCH");
        assertThat(integration.timeoutInMillis()).isEqualTo(29000);
        assertThat(integration.cacheNamespace()).isEqualTo(pets.id());

        // put-method-response, put-integration-response
        PutMethodResponseResponse methodResponse = aws.putMethodResponse(b -> b.restApiId(api.id()).resourceId(pets.id())
                .httpMethod("GET").statusCode("200").responseModels(Map.of("application/json", "Empty")));
        assertThat(methodResponse.statusCode()).isEqualTo("200");
        assertThat(methodResponse.responseModels()).containsEntry("application/json", "Empty");
        PutIntegrationResponseResponse integrationResponse = aws.putIntegrationResponse(b -> b.restApiId(api.id())
                .resourceId(pets.id()).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"pets\": [\"rex\"]}")));
        assertThat(integrationResponse.statusCode()).isEqualTo("200");
        assertThat(integrationResponse.responseTemplates()).containsEntry("application/json", "{\"pets\": [\"rex\"]}");

        // get-resources with embed=methods shows the whole method
        GetResourcesResponse embedded = aws.getResources(b -> b.restApiId(api.id()).embed("methods"));
        Resource petsResource = embedded.items().stream().filter(r -> r.path().equals("/pets")).findFirst().orElseThrow();
        assertThat(petsResource.resourceMethods().get("GET").methodIntegration().type()).isEqualTo(IntegrationType.MOCK);

        // create-deployment
        CreateDeploymentResponse deployment = aws.createDeployment(b -> b.restApiId(api.id()).stageName("test")
                .description("first").variables(Map.of("colour", "blue")));
        assertThat(deployment.id()).isNotBlank();
        assertThat(deployment.description()).isEqualTo("first");
        assertThat(deployment.createdDate()).isNotNull();

        // get-stages
        GetStagesResponse stages = aws.getStages(b -> b.restApiId(api.id()));
        assertThat(stages.item()).extracting(Stage::stageName).containsExactly("test");
        assertThat(stages.item().getFirst().deploymentId()).isEqualTo(deployment.id());
        assertThat(stages.item().getFirst().variables()).containsEntry("colour", "blue");

        // update-stage: patch a variable and a stage-wide throttle
        UpdateStageResponse updated = aws.updateStage(b -> b.restApiId(api.id()).stageName("test").patchOperations(
                p -> p.op(Op.REPLACE).path("/variables/colour").value("green"),
                p -> p.op(Op.REPLACE).path("/*/*/throttling/rateLimit").value("100")));
        assertThat(updated.variables()).containsEntry("colour", "green");
        assertThat(updated.methodSettings().get("*/*").throttlingRateLimit()).isEqualTo(100.0);

        // test-invoke-method runs the draft
        TestInvokeMethodResponse invoked = aws.testInvokeMethod(b -> b.restApiId(api.id()).resourceId(pets.id())
                .httpMethod("GET").pathWithQueryString("/pets"));
        assertThat(invoked.status()).isEqualTo(200);
        assertThat(invoked.body()).isEqualTo("{\"pets\": [\"rex\"]}");
        assertThat(invoked.log()).contains("Method completed with status: 200");

        // get-export
        GetExportResponse export = aws.getExport(b -> b.restApiId(api.id()).stageName("test").exportType("oas30")
                .accepts("application/json"));
        assertThat(export.contentType()).isEqualTo("application/json");
        assertThat(export.contentDisposition()).startsWith("attachment; filename=\"oas30_");
        JsonNode document = json.readTree(export.body().asUtf8String());
        assertThat(document.path("openapi").asText()).isEqualTo("3.0.1");
        assertThat(document.path("info").path("title").asText()).isEqualTo("pets");
        assertThat(document.path("paths").has("/pets")).isTrue();

        // the deployed API answers on the data plane
        HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create(engine.gateway.invokeUrl(api.id(), "test")
                + "/pets")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("{\"pets\": [\"rex\"]}");

        // create-api-key, create-usage-plan, create-usage-plan-key, get-usage
        CreateApiKeyResponse key = aws.createApiKey(b -> b.name("partner").enabled(true));
        assertThat(key.id()).isNotBlank();
        assertThat(key.value()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(key.enabled()).isTrue();
        CreateUsagePlanResponse plan = aws.createUsagePlan(b -> b.name("gold")
                .apiStages(ApiStage.builder().apiId(api.id()).stage("test").build())
                .throttle(t -> t.rateLimit(10.0).burstLimit(5))
                .quota(q -> q.limit(1000).period(QuotaPeriodType.DAY)));
        assertThat(plan.name()).isEqualTo("gold");
        assertThat(plan.apiStages()).extracting(ApiStage::apiId).containsExactly(api.id());
        assertThat(plan.throttle().rateLimit()).isEqualTo(10.0);
        assertThat(plan.quota().limit()).isEqualTo(1000);
        CreateUsagePlanKeyResponse planKey = aws.createUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY"));
        assertThat(planKey.id()).isEqualTo(key.id());
        assertThat(planKey.type()).isEqualTo("API_KEY");
        assertThat(planKey.value()).isEqualTo(key.value());
        assertThat(aws.getApiKeys(b -> b.includeValues(false)).items()).extracting(ApiKey::id, ApiKey::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key.id(), null));
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        GetUsageResponse usage = aws.getUsage(b -> b.usagePlanId(plan.id()).startDate(today).endDate(today));
        assertThat(usage.usagePlanId()).isEqualTo(plan.id());
        assertThat(usage.startDate()).isEqualTo(today);
        assertThat(usage.items()).containsKey(key.id());
        assertThat(usage.items().get(key.id())).hasSize(1);

        // delete-rest-api: gone from the control plane and from the data plane
        aws.deleteRestApi(b -> b.restApiId(api.id()));
        assertThat(aws.getRestApis(b -> b.limit(10)).items()).isEmpty();
        try {
            aws.getRestApi(b -> b.restApiId(api.id()));
            org.assertj.core.api.Assertions.fail("the API should be gone");
        } catch (NotFoundException e) {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid API identifier specified 123456789012:" + api.id());
        }
        HttpResponse<String> gone = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.dataPlane.port()
                + "/restapis/" + api.id() + "/test/_user_request_/pets")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(403);
    }

    @Test
    void restApisArePagedWithPositionAndLimit() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            aws.createRestApi(b -> b.name("api" + n));
        }
        var first = aws.getRestApis(b -> b.limit(2));
        assertThat(first.items()).hasSize(2);
        assertThat(first.position()).isNotNull();
        var second = aws.getRestApis(b -> b.limit(2).position(first.position()));
        assertThat(second.items()).hasSize(1);
        assertThat(second.position()).isNull();
        // the paginator follows position to the end
        assertThat(aws.getRestApisPaginator(b -> b.limit(1)).items().stream().count()).isEqualTo(3);
    }

    @Test
    void updateRestApiPatchesNameAndDescription() {
        String id = aws.createRestApi(b -> b.name("old")).id();

        var updated = aws.updateRestApi(b -> b.restApiId(id).patchOperations(
                p -> p.op(Op.REPLACE).path("/name").value("new"),
                p -> p.op(Op.REPLACE).path("/description").value("renamed")));

        assertThat(updated.name()).isEqualTo("new");
        assertThat(updated.description()).isEqualTo("renamed");
        assertThat(engine.gateway.workspace().api(id).orElseThrow().name()).isEqualTo("new");
        assertThat(engine.gateway.history().undoDescription()).contains("Change API settings");
    }
}

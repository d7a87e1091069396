package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateAuthorizerResponse;
import software.amazon.awssdk.services.apigateway.model.CreateModelResponse;
import software.amazon.awssdk.services.apigateway.model.CreateRequestValidatorResponse;
import software.amazon.awssdk.services.apigateway.model.GatewayResponse;
import software.amazon.awssdk.services.apigateway.model.GatewayResponseType;
import software.amazon.awssdk.services.apigateway.model.GetModelsResponse;
import software.amazon.awssdk.services.apigateway.model.GetSdkResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Model;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.SdkType;

/**
 * The AWS SDK for Java v2 manages the parts of an API beyond resources and methods — models (with their default
 * template), request validators, gateway responses, authorizers — and changes resources, methods and integrations
 * with PATCH operations; the engine answers with AWS's shapes, statuses and error types, and what it deploys is
 * what the data plane serves.
 */
class ControlPlaneDefinitionsSdkTest {

    @TempDir Path dir;
    private ControlPlaneHarness engine;
    private ApiGatewayClient aws;
    private String apiId;
    private String rootId;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        engine = new ControlPlaneHarness(dir, ControlPlaneHarness.testKeys());
        aws = engine.client();
        var api = aws.createRestApi(b -> b.name("definitions"));
        apiId = api.id();
        rootId = api.rootResourceId();
    }

    @AfterEach
    void stop() {
        aws.close();
        engine.close();
    }

    @Test
    void modelsAreCreatedPagedPatchedTemplatedAndDeletedOnlyWhenUnused() {
        // a new API has AWS's two models
        assertThat(aws.getModels(b -> b.restApiId(apiId)).items()).extracting(Model::name).containsExactly("Empty", "Error");

        CreateModelResponse pet = aws.createModel(b -> b.restApiId(apiId).name("Pet").contentType("application/json")
                .schema("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}}}"));
        assertThat(pet.id()).isNotBlank();
        assertThat(pet.name()).isEqualTo("Pet");
        assertThat(pet.contentType()).isEqualTo("application/json");
        assertThat(pet.sdkHttpResponse().statusCode()).isEqualTo(201);

        assertThatThrownBy(() -> aws.createModel(b -> b.restApiId(apiId).name("Pet").contentType("application/json").schema("{}")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> aws.createModel(b -> b.restApiId(apiId).name("Broken").contentType("application/json").schema("{not json")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> aws.getModel(b -> b.restApiId(apiId).modelName("Nope")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid Model Name specified"));

        // paging: limit 2 gives the first two by name and a position for the rest
        GetModelsResponse first = aws.getModels(b -> b.restApiId(apiId).limit(2));
        assertThat(first.items()).extracting(Model::name).containsExactly("Empty", "Error");
        assertThat(first.position()).isNotBlank();
        assertThat(aws.getModels(b -> b.restApiId(apiId).limit(2).position(first.position())).items())
                .extracting(Model::name).containsExactly("Pet");

        // the template AWS generates for a model: strings quoted, numbers not (AWS docs' mapping-template examples)
        String template = aws.getModelTemplate(b -> b.restApiId(apiId).modelName("Pet")).value();
        assertThat(template).startsWith("#set($inputRoot = $input.path('$'))\n{")
                .contains("\"name\" : \"$inputRoot.name\"").contains("\"age\" : $inputRoot.age");

        assertThat(aws.updateModel(b -> b.restApiId(apiId).modelName("Pet").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/description").value("a pet").build())).description())
                .isEqualTo("a pet");
        assertThatThrownBy(() -> aws.updateModel(b -> b.restApiId(apiId).modelName("Pet").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/name").value("Cat").build())))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("Invalid patch path '/name'"));

        // a model a method uses cannot go; once unused it can
        aws.putMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("POST").authorizationType("NONE")
                .requestModels(Map.of("application/json", "Pet")));
        assertThatThrownBy(() -> aws.deleteModel(b -> b.restApiId(apiId).modelName("Pet"))).isInstanceOf(ConflictException.class);
        aws.deleteMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("POST"));
        assertThat(aws.deleteModel(b -> b.restApiId(apiId).modelName("Pet")).sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThatThrownBy(() -> aws.getModel(b -> b.restApiId(apiId).modelName("Pet"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void requestValidatorsAndAuthorizersAreManagedAndCannotBeDeletedWhileAMethodUsesThem() {
        CreateRequestValidatorResponse v = aws.createRequestValidator(b -> b.restApiId(apiId).name("body-only").validateRequestBody(true));
        assertThat(v.validateRequestBody()).isTrue();
        assertThat(v.validateRequestParameters()).isFalse();
        assertThat(aws.updateRequestValidator(b -> b.restApiId(apiId).requestValidatorId(v.id()).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/validateRequestParameters").value("true").build()))
                .validateRequestParameters()).isTrue();
        assertThat(aws.getRequestValidators(b -> b.restApiId(apiId)).items()).singleElement()
                .satisfies(x -> assertThat(x.name()).isEqualTo("body-only"));

        CreateAuthorizerResponse auth = aws.createAuthorizer(b -> b.restApiId(apiId).name("tokens").type(AuthorizerType.TOKEN)
                .identitySource("method.request.header.Authorization")
                .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations"));
        assertThat(auth.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(auth.authorizerResultTtlInSeconds()).isEqualTo(300);
        assertThatThrownBy(() -> aws.createAuthorizer(b -> b.restApiId(apiId).name("no-uri").type(AuthorizerType.REQUEST)))
                .isInstanceOf(BadRequestException.class);
        assertThat(aws.updateAuthorizer(b -> b.restApiId(apiId).authorizerId(auth.id()).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/authorizerResultTtlInSeconds").value("0").build()))
                .authorizerResultTtlInSeconds()).isZero();

        aws.putMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET").authorizationType("CUSTOM")
                .authorizerId(auth.id()).requestValidatorId(v.id()));
        assertThatThrownBy(() -> aws.deleteAuthorizer(b -> b.restApiId(apiId).authorizerId(auth.id()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> aws.deleteRequestValidator(b -> b.restApiId(apiId).requestValidatorId(v.id()))).isInstanceOf(ConflictException.class);
        aws.deleteMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET"));
        aws.deleteAuthorizer(b -> b.restApiId(apiId).authorizerId(auth.id()));
        aws.deleteRequestValidator(b -> b.restApiId(apiId).requestValidatorId(v.id()));
        assertThatThrownBy(() -> aws.getAuthorizer(b -> b.restApiId(apiId).authorizerId(auth.id())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid Authorizer identifier specified"));
        assertThat(aws.getAuthorizers(b -> b.restApiId(apiId)).items()).isEmpty();
    }

    @Test
    void aCustomisedGatewayResponseIsServedAfterDeployAndDeletingItBringsTheDefaultBack() throws Exception {
        List<GatewayResponse> all = aws.getGatewayResponses(b -> b.restApiId(apiId).limit(500)).items();
        assertThat(all).hasSize(21).allSatisfy(g -> assertThat(g.defaultResponse()).isTrue());
        assertThat(all).filteredOn(g -> g.responseType() == GatewayResponseType.MISSING_AUTHENTICATION_TOKEN).singleElement()
                .satisfies(g -> assertThat(g.statusCode()).isEqualTo("403"));

        var put = aws.putGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)
                .statusCode("404").responseTemplates(Map.of("application/json", "{\"error\":\"no such path: $context.path\"}"))
                .responseParameters(Map.of("gatewayresponse.header.X-Where", "'gatehouse'")));
        assertThat(put.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(put.defaultResponse()).isFalse();

        aws.putMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET").authorizationType("NONE"));
        aws.putIntegration(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        aws.createDeployment(b -> b.restApiId(apiId).stageName("test"));
        HttpResponse<String> missing = get(engine.gateway.invokeUrl(apiId, "test") + "/nowhere");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"no such path: /test/nowhere\"}");
        assertThat(missing.headers().firstValue("X-Where")).hasValue("gatehouse");

        aws.deleteGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));
        assertThat(aws.getGatewayResponse(b -> b.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)))
                .satisfies(g -> {
                    assertThat(g.defaultResponse()).isTrue();
                    assertThat(g.statusCode()).isEqualTo("403");
                });
    }

    @Test
    void patchOperationsChangeResourcesMethodsAndIntegrationsAndTheDeployedApiServesTheChange() throws Exception {
        String items = aws.createResource(b -> b.restApiId(apiId).parentId(rootId).pathPart("items")).id();
        aws.putMethod(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").authorizationType("NONE"));
        aws.putMethodResponse(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").statusCode("200"));
        aws.putIntegration(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        aws.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"v\":1}")));

        // resource: rename with /pathPart
        assertThat(aws.updateResource(b -> b.restApiId(apiId).resourceId(items).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/pathPart").value("goods").build())).path()).isEqualTo("/goods");
        // method: a required query string parameter added, the operation named
        var method = aws.updateMethod(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").patchOperations(
                PatchOperation.builder().op(Op.ADD).path("/requestParameters/method.request.querystring.q").value("true").build(),
                PatchOperation.builder().op(Op.REPLACE).path("/operationName").value("ListGoods").build()));
        assertThat(method.requestParameters()).containsExactly(Map.entry("method.request.querystring.q", true));
        assertThat(method.operationName()).isEqualTo("ListGoods");
        assertThat(method.methodIntegration().type()).isEqualTo(IntegrationType.MOCK);
        // integration: a timeout and a cache key; '/' in a content type is written ~1
        var integration = aws.updateIntegration(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/timeoutInMillis").value("5000").build(),
                PatchOperation.builder().op(Op.ADD).path("/cacheKeyParameters/method.request.querystring.q").build()));
        assertThat(integration.timeoutInMillis()).isEqualTo(5000);
        assertThat(integration.cacheKeyParameters()).containsExactly("method.request.querystring.q");
        assertThat(integration.integrationResponses()).containsKey("200");
        var response = aws.updateIntegrationResponse(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").statusCode("200")
                .patchOperations(PatchOperation.builder().op(Op.REPLACE).path("/responseTemplates/application~1json")
                        .value("{\"v\":2,\"q\":\"$input.params('q')\"}").build()));
        assertThat(response.responseTemplates()).containsEntry("application/json", "{\"v\":2,\"q\":\"$input.params('q')\"}");
        var methodResponse = aws.updateMethodResponse(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").statusCode("200")
                .patchOperations(PatchOperation.builder().op(Op.ADD).path("/responseParameters/method.response.header.X-V").value("false").build()));
        assertThat(methodResponse.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(methodResponse.responseParameters()).containsEntry("method.response.header.X-V", false);

        // bad patches: AWS's 400 naming the path; an unknown method is AWS's 404
        assertThatThrownBy(() -> aws.updateIntegration(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/timeoutInMillis").value("soon").build())))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> aws.updateMethod(b -> b.restApiId(apiId).resourceId(items).httpMethod("GET").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/httpMethod").value("POST").build())))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Invalid patch path '/httpMethod' specified for op 'replace'"));
        assertThatThrownBy(() -> aws.updateMethod(b -> b.restApiId(apiId).resourceId(items).httpMethod("PUT").patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/operationName").value("x").build())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid Method identifier specified"));

        aws.createDeployment(b -> b.restApiId(apiId).stageName("test"));
        HttpResponse<String> served = get(engine.gateway.invokeUrl(apiId, "test") + "/goods?q=tea");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("{\"v\":2,\"q\":\"tea\"}");
        assertThat(get(engine.gateway.invokeUrl(apiId, "test") + "/items").statusCode()).isEqualTo(403);
    }

    @Test
    void sdkTypesAreListedAndGetSdkAnswersAZipOfTheStage() {
        assertThat(aws.getSdkTypes(b -> b.limit(500)).items()).extracting(SdkType::id)
                .contains("javascript", "java", "android", "swift", "ruby");
        assertThat(aws.getSdkType(b -> b.id("java")).configurationProperties()).extracting(p -> p.name())
                .containsExactly("serviceName", "javaPackageName");
        assertThatThrownBy(() -> aws.getSdkType(b -> b.id("cobol"))).isInstanceOf(NotFoundException.class);

        aws.putMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET").authorizationType("NONE"));
        aws.putIntegration(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        aws.createDeployment(b -> b.restApiId(apiId).stageName("test"));
        GetSdkResponse sdk = aws.getSdk(b -> b.restApiId(apiId).stageName("test").sdkType("javascript"));
        byte[] zip = sdk.body().asByteArray();
        assertThat(zip.length).isGreaterThan(1000);
        assertThat(new String(zip, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(sdk.contentDisposition()).startsWith("attachment; filename=\"javascript_").endsWith(".zip\"");
        assertThatThrownBy(() -> aws.getSdk(b -> b.restApiId(apiId).stageName("test").sdkType("java")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("serviceName"));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

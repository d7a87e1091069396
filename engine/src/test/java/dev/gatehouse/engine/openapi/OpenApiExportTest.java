package dev.gatehouse.engine.openapi;

import static dev.gatehouse.engine.openapi.OpenApiTestDocs.IMPORTER;
import static dev.gatehouse.engine.openapi.OpenApiTestDocs.importDoc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gatehouse.engine.model.ApiDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpenApiExportTest {
    private static final String PETSTORE = """
            swagger: '2.0'
            info: {title: PetStore, description: Your first API, version: '2016-09-12T17:50:37Z'}
            securityDefinitions:
              api_key: {type: apiKey, name: x-api-key, in: header}
              auth:
                type: apiKey
                name: Authorization
                in: header
                x-amazon-apigateway-authtype: custom
                x-amazon-apigateway-authorizer:
                  type: request
                  identitySource: method.request.header.Authorization, method.request.querystring.tenant
                  authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:a/invocations
            x-amazon-apigateway-request-validators:
              body: {validateRequestBody: true, validateRequestParameters: false}
            x-amazon-apigateway-gateway-responses:
              UNAUTHORIZED: {statusCode: '401', responseTemplates: {application/json: '{"message":"no"}'}}
            x-amazon-apigateway-binary-media-types: [image/png]
            paths:
              /pets:
                get:
                  operationId: listPets
                  parameters: [{name: type, in: query, type: string}]
                  security: [{auth: [], api_key: []}]
                  responses:
                    '200':
                      description: ok
                      headers: {Access-Control-Allow-Origin: {type: string}}
                      schema: {$ref: '#/definitions/Pets'}
                  x-amazon-apigateway-integration:
                    type: http
                    httpMethod: GET
                    uri: http://petstore.example.com/petstore/pets
                    requestParameters: {integration.request.querystring.type: method.request.querystring.type}
                    responses:
                      default:
                        statusCode: '200'
                        responseParameters: {method.response.header.Access-Control-Allow-Origin: "'*'"}
                post:
                  x-amazon-apigateway-request-validator: body
                  parameters: [{name: pet, in: body, schema: {$ref: '#/definitions/Pet'}}]
                  responses: {'200': {description: ok}}
                  x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
              /{proxy+}:
                x-amazon-apigateway-any-method:
                  x-amazon-apigateway-auth: {type: aws_iam}
                  parameters: [{name: proxy, in: path, required: true, type: string}]
                  x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations'}
            definitions:
              Pet: {type: object, properties: {id: {type: integer}, tag: {type: string, x-nullable: true}}}
              Pets: {type: array, items: {$ref: '#/definitions/Pet'}}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode export(ApiDefinition api, ExportFormat format, ExportOptions options) throws Exception {
        String text = OpenApiExporter.export(api, format, options);
        return options.yaml() ? new YAMLMapper().readTree(text) : JSON.readTree(text);
    }

    @Test
    void oas30ExportUsesComponentsLowerCaseEnumsAndAnyMethod() throws Exception {
        ApiDefinition api = importDoc(PETSTORE).api();
        JsonNode doc = export(api, ExportFormat.OAS30, ExportOptions.json(ExportExtensions.APIGATEWAY));
        assertThat(doc.path("openapi").asText()).isEqualTo("3.0.1");
        assertThat(doc.at("/info/title").asText()).isEqualTo("PetStore");
        assertThat(doc.at("/components/schemas/Pets/items/$ref").asText()).isEqualTo("#/components/schemas/Pet");
        assertThat(doc.at("/components/schemas/Pet/properties/tag/nullable").asBoolean()).isTrue();
        JsonNode get = doc.at("/paths/~1pets/get");
        assertThat(get.at("/responses/200/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Pets");
        assertThat(get.at("/x-amazon-apigateway-integration/type").asText()).isEqualTo("http");
        assertThat(get.at("/x-amazon-apigateway-integration/passthroughBehavior").asText()).isEqualTo("when_no_match");
        assertThat(get.at("/x-amazon-apigateway-integration/responses/default/statusCode").asText()).isEqualTo("200");
        assertThat(get.at("/security/0").has("auth")).isTrue();
        assertThat(get.at("/security/0").has("api_key")).isTrue();
        assertThat(doc.at("/paths/~1{proxy+}/x-amazon-apigateway-any-method/security/0").has("sigv4")).isTrue();
        assertThat(doc.at("/paths/~1pets/post/x-amazon-apigateway-request-validator").asText()).isEqualTo("body");
        assertThat(doc.at("/components/securitySchemes/auth/x-amazon-apigateway-authorizer/type").asText()).isEqualTo("request");
        assertThat(doc.at("/x-amazon-apigateway-gateway-responses/UNAUTHORIZED/statusCode").asText()).isEqualTo("401");
        assertThat(doc.at("/x-amazon-apigateway-binary-media-types/0").asText()).isEqualTo("image/png");
    }

    @Test
    void swaggerStageExportCarriesAwsHostBasePathAndDeploymentTime() throws Exception {
        ApiDefinition api = importDoc(PETSTORE).api();
        StageInfo stage = StageInfo.aws("abc123", "us-east-1", "test", Instant.parse("2026-11-25T09:30:00.123Z"));
        JsonNode doc = export(api, ExportFormat.SWAGGER, ExportOptions.json(ExportExtensions.INTEGRATIONS).withStage(stage));
        assertThat(doc.path("host").asText()).isEqualTo("abc123.execute-api.us-east-1.amazonaws.com");
        assertThat(doc.path("basePath").asText()).isEqualTo("/test");
        assertThat(doc.at("/schemes/0").asText()).isEqualTo("https");
        assertThat(doc.at("/info/version").asText()).isEqualTo("2026-11-25T09:30:00Z");
        assertThat(doc.at("/definitions/Pets/items/$ref").asText()).isEqualTo("#/definitions/Pet");
        assertThat(doc.at("/paths/~1pets/get/x-amazon-apigateway-integration").isObject()).isTrue();
        assertThat(doc.has("x-amazon-apigateway-request-validators")).isFalse();
    }

    @Test
    void oas30StageExportHasABasePathServerVariable() throws Exception {
        ApiDefinition api = importDoc(PETSTORE).api();
        StageInfo stage = new StageInfo("dev", Instant.EPOCH, "http://abc123.execute-api.localhost:4010");
        JsonNode doc = export(api, ExportFormat.OAS30, new ExportOptions(ExportExtensions.NONE, true, stage));
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("http://abc123.execute-api.localhost:4010/{basePath}");
        assertThat(doc.at("/servers/0/variables/basePath/default").asText()).isEqualTo("/dev");
        assertThat(doc.at("/paths/~1pets/get").has("x-amazon-apigateway-integration")).isFalse();
        assertThat(doc.at("/paths/~1{proxy+}").has("x-amazon-apigateway-any-method")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void importExportImportIsLossless(ExportFormat format) {
        ApiDefinition first = importDoc(PETSTORE).api();
        for (boolean yaml : new boolean[] {false, true}) {
            String exported = OpenApiExporter.export(first, format, new ExportOptions(ExportExtensions.APIGATEWAY, yaml, null));
            ApiDefinition second = IMPORTER.importNew(exported.getBytes(StandardCharsets.UTF_8), "export", ImportOptions.defaults()).api();
            assertThat(DefinitionNormaliser.differences(first, second, DefinitionNormaliser.Fidelity.FULL)).isEmpty();
        }
    }

    @Test
    void theNormaliserSeesRealDifferences() {
        ApiDefinition first = importDoc(PETSTORE).api();
        ApiDefinition changed = importDoc(PETSTORE.replace("operationId: listPets", "operationId: allPets")).api();
        assertThat(DefinitionNormaliser.differences(first, changed, DefinitionNormaliser.Fidelity.FULL))
                .singleElement().asString().contains("operationName").contains("listPets").contains("allPets");
    }
}

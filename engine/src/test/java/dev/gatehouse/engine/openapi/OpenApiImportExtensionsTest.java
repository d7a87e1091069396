package dev.gatehouse.engine.openapi;

import static dev.gatehouse.engine.openapi.OpenApiTestDocs.failure;
import static dev.gatehouse.engine.openapi.OpenApiTestDocs.importDoc;
import static dev.gatehouse.engine.openapi.OpenApiTestDocs.oas;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKeySource;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.model.ContentHandling;
import dev.gatehouse.engine.model.EndpointType;
import dev.gatehouse.engine.model.GatewayResponseType;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.PassthroughBehavior;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiImportExtensionsTest {

    private static Method get(ApiDefinition api, String path) {
        return api.resourceByPath(path).orElseThrow().method("GET");
    }

    @Test
    void integrationEnumsAreReadLowerCaseAndStoredUpperCase() {
        ApiDefinition api = importDoc(oas("""
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {description: ok, headers: {Access-Control-Allow-Origin: {schema: {type: string}}}}
                        '500': {description: failed}
                      x-amazon-apigateway-integration:
                        type: http
                        httpMethod: get
                        uri: http://petstore.example.com/pets
                        passthroughBehavior: when_no_templates
                        contentHandling: convert_to_text
                        timeoutInMillis: 10000
                        requestParameters: {integration.request.querystring.page: method.request.querystring.page}
                        requestTemplates: {application/json: '{"page": "$input.params(''page'')"}'}
                        cacheKeyParameters: [method.request.querystring.page]
                        responses:
                          default:
                            statusCode: '200'
                            responseParameters: {method.response.header.Access-Control-Allow-Origin: "'*'"}
                          5\\d{2}:
                            statusCode: '500'
                            responseTemplates: {application/json: '{"error": true}'}
                """)).api();
        Integration i = get(api, "/pets").methodIntegration();
        assertThat(i.type()).isEqualTo(IntegrationType.HTTP);
        assertThat(i.httpMethod()).isEqualTo("GET");
        assertThat(i.passthroughBehavior()).isEqualTo(PassthroughBehavior.WHEN_NO_TEMPLATES);
        assertThat(i.contentHandling()).isEqualTo(ContentHandling.CONVERT_TO_TEXT);
        assertThat(i.timeoutInMillis()).isEqualTo(10000);
        assertThat(i.requestTemplates()).containsKey("application/json");
        assertThat(i.cacheKeyParameters()).containsExactly("method.request.querystring.page");
        IntegrationResponse ok = i.integrationResponses().get("200");
        assertThat(ok.selectionPattern()).isNull();
        assertThat(ok.responseParameters()).containsEntry("method.response.header.Access-Control-Allow-Origin", "'*'");
        assertThat(i.integrationResponses().get("500").selectionPattern()).isEqualTo("5\\d{2}");
    }

    @Test
    void integrationResponsesForUndeclaredStatusCodesAreDroppedWithAwsWarning() {
        ImportResult result = importDoc(oas("""
                paths:
                  /pets:
                    get:
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration:
                        type: mock
                        responses:
                          default: {statusCode: '200'}
                          '4\\d{2}': {statusCode: '404'}
                """));
        assertThat(get(result.api(), "/pets").methodIntegration().integrationResponses()).containsOnlyKeys("200");
        assertThat(result.report().warnings()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Invalid Response status code specified"));
    }

    @Test
    void authorizerSchemesBecomeAuthorizersAndMethodsUseThem() {
        ApiDefinition api = importDoc("""
                swagger: '2.0'
                info: {title: Auth, version: '1'}
                securityDefinitions:
                  api_key: {type: apiKey, name: x-api-key, in: header}
                  tokenAuth:
                    type: apiKey
                    name: Authorization
                    in: header
                    x-amazon-apigateway-authtype: custom
                    x-amazon-apigateway-authorizer:
                      type: token
                      authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:auth/invocations
                      authorizerResultTtlInSeconds: 60
                  pool:
                    type: apiKey
                    name: Authorization
                    in: header
                    x-amazon-apigateway-authtype: cognito_user_pools
                    x-amazon-apigateway-authorizer:
                      type: cognito_user_pools
                      providerARNs: [arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_x]
                  sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
                paths:
                  /a: {get: {security: [{tokenAuth: [], api_key: []}], responses: {'200': {description: ok}}}}
                  /b: {get: {security: [{pool: [pets/read]}], responses: {'200': {description: ok}}}}
                  /c: {get: {security: [{sigv4: []}], responses: {'200': {description: ok}}}}
                  /d: {get: {x-amazon-apigateway-auth: {type: aws_iam}, responses: {'200': {description: ok}}}}
                """).api();
        Authorizer token = api.authorizers().stream().filter(a -> a.name().equals("tokenAuth")).findFirst().orElseThrow();
        assertThat(token.type()).isEqualTo(AuthorizerType.TOKEN);
        assertThat(token.authType()).isEqualTo("custom");
        assertThat(token.identitySource()).isEqualTo("method.request.header.Authorization");
        assertThat(token.authorizerResultTtlInSeconds()).isEqualTo(60);
        Method a = get(api, "/a");
        assertThat(a.authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
        assertThat(a.authorizerId()).isEqualTo(token.id());
        assertThat(a.apiKeyRequired()).isTrue();
        Method b = get(api, "/b");
        assertThat(b.authorizationType()).isEqualTo(AuthorizationType.COGNITO_USER_POOLS);
        assertThat(b.authorizationScopes()).containsExactly("pets/read");
        assertThat(get(api, "/c").authorizationType()).isEqualTo(AuthorizationType.AWS_IAM);
        assertThat(get(api, "/d").authorizationType()).isEqualTo(AuthorizationType.AWS_IAM);
    }

    @Test
    void rootExtensionsSetTheApiSettings() {
        ApiDefinition api = importDoc(oas("""
                servers:
                  - url: https://x.execute-api.us-east-1.amazonaws.com/{basePath}
                    variables: {basePath: {default: prod}}
                    x-amazon-apigateway-endpoint-configuration: {types: [REGIONAL], disableExecuteApiEndpoint: true}
                tags:
                  - {name: team, x-amazon-apigateway-tag-value: payments}
                  - {name: docs-only}
                x-amazon-apigateway-api-key-source: AUTHORIZER
                x-amazon-apigateway-binary-media-types: [image/png, '*/*']
                x-amazon-apigateway-minimum-compression-size: 1024
                x-amazon-apigateway-policy: {Version: '2012-10-17', Statement: []}
                x-amazon-apigateway-importexport-version: '1.0'
                paths: {}
                """)).api();
        var restApi = api.restApi();
        assertThat(restApi.apiKeySource()).isEqualTo(ApiKeySource.AUTHORIZER);
        assertThat(restApi.binaryMediaTypes()).containsExactly("image/png", "*/*");
        assertThat(restApi.minimumCompressionSize()).isEqualTo(1024);
        assertThat(restApi.policy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        assertThat(restApi.endpointConfiguration().types()).containsExactly(EndpointType.REGIONAL);
        assertThat(restApi.disableExecuteApiEndpoint()).isTrue();
        assertThat(restApi.tags()).containsExactly(Map.entry("team", "payments"));
    }

    @Test
    void requestValidatorsApplyAsRootDefaultAndPerOperation() {
        ApiDefinition api = importDoc(oas("""
                x-amazon-apigateway-request-validators:
                  all: {validateRequestBody: true, validateRequestParameters: true}
                  params-only: {validateRequestBody: false, validateRequestParameters: true}
                x-amazon-apigateway-request-validator: all
                paths:
                  /a: {get: {responses: {'200': {description: ok}}}}
                  /b: {get: {x-amazon-apigateway-request-validator: params-only, responses: {'200': {description: ok}}}}
                """)).api();
        assertThat(api.requestValidators()).hasSize(2);
        assertThat(api.requestValidator(get(api, "/a").requestValidatorId()).orElseThrow().name()).isEqualTo("all");
        assertThat(api.requestValidator(get(api, "/b").requestValidatorId()).orElseThrow().name()).isEqualTo("params-only");
    }

    @Test
    void gatewayResponsesAreImported() {
        ApiDefinition api = importDoc(oas("""
                x-amazon-apigateway-gateway-responses:
                  DEFAULT_4XX:
                    statusCode: '400'
                    responseParameters: {gatewayresponse.header.Access-Control-Allow-Origin: "'*'"}
                    responseTemplates: {application/json: '{"message": $context.error.messageString}'}
                paths: {}
                """)).api();
        assertThat(api.gatewayResponses()).singleElement().satisfies(g -> {
            assertThat(g.responseType()).isEqualTo(GatewayResponseType.DEFAULT_4XX);
            assertThat(g.statusCode()).isEqualTo("400");
            assertThat(g.responseParameters()).containsKey("gatewayresponse.header.Access-Control-Allow-Origin");
        });
    }

    @Test
    void documentationIsNotedAndUnknownExtensionsAreWarned() {
        ImportResult result = importDoc(oas("""
                x-amazon-apigateway-documentation: {version: '1', documentationParts: []}
                x-amazon-apigateway-cors: {allowOrigins: ['*']}
                paths:
                  /a:
                    get:
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration: {type: mock, payloadFormatVersion: '2.0'}
                """));
        assertThat(result.report().infos()).extracting(FidelityReport.Entry::pointer).contains("/x-amazon-apigateway-documentation");
        assertThat(result.report().warnings()).extracting(FidelityReport.Entry::pointer).containsExactlyInAnyOrder(
                "/x-amazon-apigateway-cors", "/paths/~1a/get/x-amazon-apigateway-integration/payloadFormatVersion");
    }

    @Test
    void extensionValuesOfTheWrongShapeAreErrorsAtTheirPointers() {
        OpenApiImportException e = failure(oas("""
                x-amazon-apigateway-binary-media-types: image/png
                x-amazon-apigateway-minimum-compression-size: 20000000
                x-amazon-apigateway-api-key-source: COOKIE
                x-amazon-apigateway-request-validator: nope
                paths:
                  /pets:
                    get:
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration: {type: teleport, timeoutInMillis: 120000}
                """));
        assertThat(e.report().errors()).extracting(FidelityReport.Entry::pointer).containsExactlyInAnyOrder(
                "/x-amazon-apigateway-binary-media-types", "/x-amazon-apigateway-minimum-compression-size",
                "/x-amazon-apigateway-api-key-source", "/x-amazon-apigateway-request-validator",
                "/paths/~1pets/get/x-amazon-apigateway-integration/type",
                "/paths/~1pets/get/x-amazon-apigateway-integration/timeoutInMillis");
        assertThat(e.getMessage()).startsWith("test.yaml: /").contains("(line ").contains("(and 5 more errors)");
    }

    @Test
    void anIntegrationThatBreaksAnAwsRuleFailsTheImport() {
        OpenApiImportException e = failure(oas("""
                paths:
                  /pets:
                    get:
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration: {type: http, httpMethod: GET, uri: 'not a url'}
                """));
        assertThat(e.getMessage()).contains("Invalid HTTP endpoint specified for URI");
        assertThat(e.report().errors()).hasSize(1);
        assertThat(List.of(e.getMessage())).noneMatch(m -> m.contains("Exception"));
    }
}

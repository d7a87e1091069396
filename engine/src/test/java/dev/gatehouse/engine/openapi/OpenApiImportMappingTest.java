package dev.gatehouse.engine.openapi;

import static dev.gatehouse.engine.openapi.OpenApiTestDocs.importDoc;
import static dev.gatehouse.engine.openapi.OpenApiTestDocs.oas;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.Resource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiImportMappingTest {

    private static Method method(ApiDefinition api, String path, String httpMethod) {
        Resource r = api.resourceByPath(path).orElseThrow(() -> new AssertionError("no resource " + path));
        return r.method(httpMethod);
    }

    @Test
    void infoBecomesNameDescriptionAndVersion() {
        ApiDefinition api = importDoc(oas("  description: Pets and owners\npaths: {}\n")).api();
        assertThat(api.name()).isEqualTo("Test API");
        assertThat(api.restApi().description()).isEqualTo("Pets and owners");
        assertThat(api.restApi().version()).isEqualTo("1.2");
        assertThat(api.restApi().createdDate()).isEqualTo(OpenApiTestDocs.NOW.getEpochSecond());
    }

    @Test
    void everyIntermediatePathPartBecomesAResource() {
        ApiDefinition api = importDoc(oas("""
                paths:
                  /pets/{petId}/toys:
                    get:
                      responses: {'200': {description: ok}}
                """)).api();
        assertThat(api.resources()).extracting(Resource::path)
                .containsExactly("/", "/pets", "/pets/{petId}", "/pets/{petId}/toys");
        Resource toys = api.resourceByPath("/pets/{petId}/toys").orElseThrow();
        assertThat(api.resource(toys.parentId()).orElseThrow().path()).isEqualTo("/pets/{petId}");
    }

    @Test
    void reimportingTheSameDocumentIntoTheApiKeepsResourceIds() {
        String doc = oas("paths:\n  /pets:\n    get:\n      responses: {'200': {description: ok}}\n");
        ApiDefinition first = importDoc(doc).api();
        ApiDefinition second = OpenApiTestDocs.IMPORTER.importInto(first, doc.getBytes(), "again.yaml",
                ImportMode.OVERWRITE, ImportOptions.defaults()).api();
        assertThat(second.resources()).isEqualTo(first.resources());
        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void operationsBecomeMethodsWithOperationNameAndRequestParameters() {
        ApiDefinition api = importDoc(oas("""
                paths:
                  /pets/{petId}:
                    parameters:
                      - {name: petId, in: path, required: true, schema: {type: string}}
                    get:
                      operationId: getPet
                      parameters:
                        - {name: fields, in: query, schema: {type: string}}
                        - {name: X-Trace, in: header, required: true, schema: {type: string}}
                      responses: {'200': {description: ok}}
                """)).api();
        Method get = method(api, "/pets/{petId}", "GET");
        assertThat(get.operationName()).isEqualTo("getPet");
        assertThat(get.requestParameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "method.request.path.petId", true,
                "method.request.querystring.fields", false,
                "method.request.header.X-Trace", true));
    }

    @Test
    void undeclaredPathVariablesAreAddedAsRequiredWithAnInfo() {
        ImportResult result = importDoc(oas("paths:\n  /pets/{id}:\n    delete:\n      responses: {'204': {description: gone}}\n"));
        assertThat(method(result.api(), "/pets/{id}", "DELETE").requestParameters())
                .containsEntry("method.request.path.id", true);
        assertThat(result.report().infos()).anyMatch(e -> e.message().contains("'id' is not declared"));
    }

    @Test
    void cookieParametersAreDroppedWithAWarningAtTheirPointer() {
        ImportResult result = importDoc(oas("""
                paths:
                  /pets:
                    get:
                      parameters:
                        - {name: session, in: cookie, schema: {type: string}}
                      responses: {'200': {description: ok}}
                """));
        assertThat(method(result.api(), "/pets", "GET").requestParameters()).isEmpty();
        assertThat(result.report().warnings()).extracting(FidelityReport.Entry::pointer)
                .containsExactly("/paths/~1pets/get/parameters/0");
    }

    @Test
    void requestBodiesAndResponsesReferToModelsByContentType() {
        ApiDefinition api = importDoc(oas("""
                paths:
                  /pets:
                    post:
                      operationId: createPet
                      requestBody:
                        content:
                          application/json: {schema: {$ref: '#/components/schemas/NewPet'}}
                      responses:
                        '201':
                          description: created
                          headers:
                            Location: {schema: {type: string}}
                          content:
                            application/json: {schema: {$ref: '#/components/schemas/Pet'}}
                components:
                  schemas:
                    NewPet: {type: object, properties: {name: {type: string}}}
                    Pet:
                      allOf:
                        - $ref: '#/components/schemas/NewPet'
                        - {type: object, properties: {id: {type: integer}}}
                """)).api();
        Method post = method(api, "/pets", "POST");
        assertThat(post.requestModels()).containsExactly(Map.entry("application/json", "NewPet"));
        assertThat(post.methodResponses().get("201").responseModels()).containsExactly(Map.entry("application/json", "Pet"));
        assertThat(post.methodResponses().get("201").responseParameters())
                .containsExactly(Map.entry("method.response.header.Location", false));
        Model pet = api.model("Pet").orElseThrow();
        assertThat(pet.schema()).contains("\"$ref\":\"https://apigateway.amazonaws.com/restapis/" + api.id() + "/models/NewPet\"");
        assertThat(pet.contentType()).isEqualTo("application/json");
    }

    @Test
    void swaggerBodiesUseConsumesAndResponsesUseProduces() {
        ApiDefinition api = importDoc("""
                swagger: '2.0'
                info: {title: Old, version: '1'}
                consumes: [application/json, application/xml]
                paths:
                  /pets:
                    post:
                      produces: [application/json]
                      parameters:
                        - {name: body, in: body, schema: {$ref: '#/definitions/Pet'}}
                      responses:
                        '200': {description: ok, schema: {$ref: '#/definitions/Pet'}}
                definitions:
                  Pet: {type: object, properties: {tag: {type: string, x-nullable: true}}}
                """).api();
        Method post = method(api, "/pets", "POST");
        assertThat(post.requestModels()).containsOnly(Map.entry("application/json", "Pet"), Map.entry("application/xml", "Pet"));
        assertThat(post.methodResponses().get("200").responseModels()).containsOnly(Map.entry("application/json", "Pet"));
        assertThat(api.model("Pet").orElseThrow().schema()).contains("\"type\":[\"string\",\"null\"]");
    }

    @Test
    void inlineSchemasBecomeModelsNamedAfterTheOperation() {
        ApiDefinition api = importDoc(oas("""
                paths:
                  /pets:
                    get:
                      operationId: list-pets
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json: {schema: {type: array, items: {type: string}}}
                """)).api();
        assertThat(method(api, "/pets", "GET").methodResponses().get("200").responseModels())
                .containsExactly(Map.entry("application/json", "ListPets200Response"));
        assertThat(api.model("ListPets200Response").orElseThrow().schema())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    }

    @Test
    void schemaNamesThatAreNotAlphanumericAreRenamedAndReferencesFollow() {
        ApiDefinition api = importDoc(oas("""
                paths: {}
                components:
                  schemas:
                    pet-owner: {type: object, properties: {pet: {$ref: '#/components/schemas/pet.v2'}}}
                    pet.v2: {type: object}
                """)).api();
        assertThat(api.models()).extracting(Model::name).containsExactly("petOwner", "petV2");
        assertThat(api.model("petOwner").orElseThrow().schema()).endsWith("/models/petV2\"}}}");
    }

    @Test
    void oas31SchemasAreWrittenAsDraft4() {
        ImportResult result = importDoc("""
                openapi: 3.1.0
                info: {title: New, version: '1'}
                paths: {}
                components:
                  schemas:
                    Order:
                      type: object
                      properties:
                        kind: {const: order}
                        total: {type: number, exclusiveMinimum: 0}
                        note: {type: [string, 'null']}
                      if: {properties: {kind: {const: x}}}
                """);
        String schema = result.api().model("Order").orElseThrow().schema();
        assertThat(schema).contains("\"kind\":{\"enum\":[\"order\"]}")
                .contains("\"total\":{\"type\":\"number\",\"minimum\":0,\"exclusiveMinimum\":true}")
                .contains("\"note\":{\"type\":[\"string\",\"null\"]}")
                .doesNotContain("\"if\"");
        assertThat(result.report().warnings()).extracting(FidelityReport.Entry::pointer)
                .containsExactly("/components/schemas/Order/if");
    }

    @Test
    void recursiveSchemasStayReferencesBetweenModels() {
        ApiDefinition api = importDoc(oas("""
                paths: {}
                components:
                  schemas:
                    Node: {type: object, properties: {children: {type: array, items: {$ref: '#/components/schemas/Node'}}}}
                """)).api();
        assertThat(api.model("Node").orElseThrow().schema()).contains("/models/Node");
    }

    @Test
    void callbacksLinksWebhooksAndDefaultResponsesAreReported() {
        ImportResult result = importDoc("""
                openapi: 3.1.0
                info: {title: Events, version: '1'}
                webhooks:
                  ping: {post: {responses: {'200': {description: ok}}}}
                paths:
                  /subscribe:
                    post:
                      callbacks:
                        event: {'{$request.body#/url}': {post: {responses: {'200': {description: ok}}}}}
                      responses:
                        '201': {description: ok, links: {self: {operationId: x}}}
                        default: {description: error}
                """);
        assertThat(result.report().entries()).extracting(FidelityReport.Entry::pointer).contains(
                "/webhooks", "/paths/~1subscribe/post/callbacks",
                "/paths/~1subscribe/post/responses/201/links", "/paths/~1subscribe/post/responses/default");
    }

    @Test
    void pathsApiGatewayCannotRepresentAreSkippedWithAwsMessage() {
        ImportResult result = importDoc(oas("""
                paths:
                  /users/{id}.json: {get: {responses: {'200': {description: ok}}}}
                  /users: {get: {responses: {'200': {description: ok}}}}
                """));
        assertThat(result.api().resourceByPath("/users")).isPresent();
        assertThat(result.report().warnings()).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/paths/~1users~1{id}.json");
            assertThat(e.message()).contains("Resource's path part only allow a-zA-Z0-9._-");
        });
    }

    @Test
    void siblingVariablesWithDifferentNamesAreRenamedToTheFirst() {
        ApiDefinition api = importDoc(oas("""
                paths:
                  /a/{x}: {get: {parameters: [{name: x, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}}
                  /a/{y}/b: {get: {parameters: [{name: y, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}}
                """)).api();
        assertThat(method(api, "/a/{x}/b", "GET").requestParameters()).containsOnlyKeys("method.request.path.x");
    }

    @Test
    void anyMethodBecomesAny() {
        ApiDefinition api = importDoc(oas("""
                paths:
                  /{proxy+}:
                    x-amazon-apigateway-any-method:
                      parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
                      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: ANY, uri: 'https://example.com/{proxy}'}
                """)).api();
        Method any = method(api, "/{proxy+}", "ANY");
        assertThat(any.requestParameters()).containsExactly(Map.entry("method.request.path.proxy", true));
        assertThat(any.methodIntegration().type().name()).isEqualTo("HTTP_PROXY");
    }

    @Test
    void basePathIsPrependedOnlyWhenAsked() {
        String doc = "swagger: '2.0'\ninfo: {title: B, version: '1'}\nbasePath: /v1/shop\npaths:\n  /pets: {get: {responses: {'200': {description: ok}}}}\n";
        assertThat(importDoc(doc).api().resourceByPath("/pets")).isPresent();
        ApiDefinition prepended = OpenApiTestDocs.IMPORTER.importNew(doc.getBytes(), "b.yaml",
                new ImportOptions(false, ImportOptions.BasePath.PREPEND)).api();
        assertThat(prepended.resourceByPath("/v1/shop/pets")).isPresent();
        ApiDefinition split = OpenApiTestDocs.IMPORTER.importNew(doc.getBytes(), "b.yaml",
                new ImportOptions(false, ImportOptions.BasePath.SPLIT)).api();
        assertThat(split.resourceByPath("/shop/pets")).isPresent();
    }
}

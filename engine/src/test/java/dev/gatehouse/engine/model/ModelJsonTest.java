package dev.gatehouse.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private static JsonNode json(Object value) {
        return Json.mapper().valueToTree(value);
    }

    private static JsonNode parse(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void mockIntegrationSerialisesLikeAwsPutIntegrationResponse() throws Exception {
        Integration mock = Integration.mock().withCacheNamespace("rid123");
        assertThat(json(mock)).isEqualTo(parse(
                "{\"cacheKeyParameters\":[],\"cacheNamespace\":\"rid123\",\"passthroughBehavior\":\"WHEN_NO_MATCH\","
                        + "\"timeoutInMillis\":29000,\"type\":\"MOCK\"}"));
    }

    @Test
    void httpIntegrationGetsInternetConnectionTypeLikeAws() throws Exception {
        Integration http = Integration.of(IntegrationType.HTTP, "POST", "http://example.com").withCacheNamespace("r");
        assertThat(json(http)).isEqualTo(parse(
                "{\"cacheKeyParameters\":[],\"cacheNamespace\":\"r\",\"connectionType\":\"INTERNET\",\"httpMethod\":\"POST\","
                        + "\"passthroughBehavior\":\"WHEN_NO_MATCH\",\"timeoutInMillis\":29000,\"type\":\"HTTP\",\"uri\":\"http://example.com\"}"));
    }

    @Test
    void freshMethodSerialisesOnlyTheFieldsAwsPutMethodReturns() throws Exception {
        assertThat(json(Method.of("get"))).isEqualTo(parse(
                "{\"apiKeyRequired\":false,\"authorizationType\":\"NONE\",\"httpMethod\":\"GET\"}"));
    }

    @Test
    void integrationResponseKeepsEmptyTemplatesLikeAws() throws Exception {
        IntegrationResponse r = new IntegrationResponse("200", "2\\d{2}", null, null, null);
        assertThat(json(r)).isEqualTo(parse("{\"selectionPattern\":\"2\\\\d{2}\",\"statusCode\":\"200\",\"responseTemplates\":{}}"));
    }

    @Test
    void importedMethodResponseMatchesAwsRecordedShape() throws Exception {
        MethodResponse r = new MethodResponse("200", Map.of("method.response.header.Access-Control-Allow-Origin", false),
                Map.of("application/json", "Pets"));
        assertThat(json(r)).isEqualTo(parse("{\"responseModels\":{\"application/json\":\"Pets\"},"
                + "\"responseParameters\":{\"method.response.header.Access-Control-Allow-Origin\":false},\"statusCode\":\"200\"}"));
    }

    @Test
    void lowerCaseEnumValuesAreAcceptedAndStoredUpperCase() throws Exception {
        Integration i = Json.mapper().readValue("{\"type\":\"mock\",\"passthroughBehavior\":\"when_no_match\"}", Integration.class);
        assertThat(i.type()).isEqualTo(IntegrationType.MOCK);
        assertThat(json(i).get("passthroughBehavior").asText()).isEqualTo("WHEN_NO_MATCH");
    }

    @Test
    void stageDefaultsMatchAwsCreateStage() {
        JsonNode stage = json(Stage.of("s1", "dep1", 1700000000L));
        assertThat(stage.get("cacheClusterEnabled").asBoolean()).isFalse();
        assertThat(stage.get("cacheClusterStatus").asText()).isEqualTo("NOT_AVAILABLE");
        assertThat(stage.get("tracingEnabled").asBoolean()).isFalse();
        assertThat(stage.get("stageName").asText()).isEqualTo("s1");
    }

    @Test
    void restApiDefaultsToHeaderKeySourceAndEdgeEndpoint() {
        JsonNode api = json(RestApi.named("a1b2c3d4e5", "PetStore", 1L, "root"));
        assertThat(api.get("apiKeySource").asText()).isEqualTo("HEADER");
        assertThat(api.at("/endpointConfiguration/types/0").asText()).isEqualTo("EDGE");
        assertThat(api.get("disableExecuteApiEndpoint").asBoolean()).isFalse();
    }

    @Test
    void newApiComesWithEmptyAndErrorModelsAndARootResource() {
        ApiDefinition api = ApiDefinition.create("abcdefghij", "Demo", Instant.EPOCH);
        assertThat(api.models()).extracting(Model::name).containsExactly("Empty", "Error");
        assertThat(api.root().path()).isEqualTo("/");
        assertThat(api.root().id()).hasSize(10);
    }

    @Test
    void definitionRoundTripsThroughJsonUnchanged() throws Exception {
        ApiDefinition api = ApiDefinition.create("abcdefghij", "Demo", Instant.EPOCH);
        api = api.addResource(api.root().id(), "pets", null);
        String petsId = api.resourceByPath("/pets").orElseThrow().id();
        api = api.updateResource(petsId, r -> r.withMethod(Method.of("GET")
                .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(Integration.mock().withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200"))))));
        String text = Json.pretty(api);
        ApiDefinition back = Json.mapper().readValue(text, ApiDefinition.class);
        assertThat(back).isEqualTo(api);
        assertThat(Json.pretty(back)).isEqualTo(text);
    }

    @Test
    void prettyJsonHasSortedKeysAndTrailingNewline() {
        String text = Json.pretty(new RequestValidator("v1", "both", true, true));
        assertThat(text).isEqualTo("{\n  \"id\" : \"v1\",\n  \"name\" : \"both\",\n  \"validateRequestBody\" : true,\n"
                + "  \"validateRequestParameters\" : true\n}\n");
    }

    @Test
    void resourceIdsAreStableForTheSameApiAndPath() {
        String a = Ids.resourceId("api1", "/pets", x -> false);
        assertThat(Ids.resourceId("api1", "/pets", x -> false)).isEqualTo(a).hasSize(6);
        assertThat(Ids.resourceId("api1", "/pets", a::equals)).isNotEqualTo(a);
        assertThat(List.of(Ids.apiId(), Ids.apiId())).allMatch(id -> id.matches("[a-z0-9]{10}"));
    }
}

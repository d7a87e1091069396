package dev.gatehouse.engine.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.GatewayResponse;
import dev.gatehouse.engine.model.GatewayResponseType;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnableCorsTest {

    private static final String HEADERS = "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'";

    private static ApiDefinition petsApi() {
        ApiDefinition api = ApiDefinition.create("a1b2c3d4e5", "pets", Instant.EPOCH);
        api = api.addResource(api.root().id(), "pets", "pets01");
        Method get = Method.of("GET")
                .withMethodResponses(Map.of("200", MethodResponse.of("200")))
                .withIntegration(Integration.of(IntegrationType.HTTP, "GET", "http://backend/pets")
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                                .withResponseParameters(Map.of("method.response.header.X-Kept", "'yes'")))));
        Method post = Method.of("POST").withIntegration(
                Integration.of(IntegrationType.HTTP_PROXY, "POST", "http://backend/pets"));
        return api.updateResource("pets01", r -> r.withMethod(get).withMethod(post));
    }

    @Test
    void enablingCorsAddsAnOptionsMockMethodAnsweringThePreflightWithTheConsoleDefaults() {
        ApiDefinition api = EnableCors.apply(petsApi(), "pets01");

        Method options = api.requireResource("pets01").method("OPTIONS");
        assertThat(options.authorizationType().name()).isEqualTo("NONE");
        assertThat(options.apiKeyRequired()).isFalse();
        Integration mock = options.methodIntegration();
        assertThat(mock.type()).isEqualTo(IntegrationType.MOCK);
        assertThat(mock.requestTemplates()).isEqualTo(Map.of("application/json", "{\"statusCode\": 200}"));
        MethodResponse declared = options.methodResponses().get("200");
        assertThat(declared.responseParameters()).isEqualTo(Map.of(
                "method.response.header.Access-Control-Allow-Headers", false,
                "method.response.header.Access-Control-Allow-Methods", false,
                "method.response.header.Access-Control-Allow-Origin", false));
        assertThat(declared.responseModels()).isEqualTo(Map.of("application/json", "Empty"));
        assertThat(mock.integrationResponses().get("200").responseParameters()).isEqualTo(Map.of(
                "method.response.header.Access-Control-Allow-Headers", HEADERS,
                "method.response.header.Access-Control-Allow-Methods", "'GET,OPTIONS,POST'",
                "method.response.header.Access-Control-Allow-Origin", "'*'"));
    }

    @Test
    void theOtherNonProxyMethodsGetAllowOriginOnTheir200ResponsesAndProxyMethodsAreLeftToTheirBackend() {
        ApiDefinition before = petsApi();
        ApiDefinition api = EnableCors.apply(before, "pets01");

        Method get = api.requireResource("pets01").method("GET");
        assertThat(get.methodResponses().get("200").responseParameters())
                .containsEntry("method.response.header.Access-Control-Allow-Origin", false);
        assertThat(get.methodIntegration().integrationResponses().get("200").responseParameters()).isEqualTo(Map.of(
                "method.response.header.X-Kept", "'yes'",
                "method.response.header.Access-Control-Allow-Origin", "'*'"));
        assertThat(api.requireResource("pets01").method("POST"))
                .isEqualTo(before.requireResource("pets01").method("POST"));
    }

    @Test
    void default4xxAnd5xxGatewayResponsesCarryTheCorsHeaders() {
        ApiDefinition api = EnableCors.apply(petsApi(), "pets01");

        assertThat(api.gatewayResponses()).extracting(GatewayResponse::responseType)
                .containsExactly(GatewayResponseType.DEFAULT_4XX, GatewayResponseType.DEFAULT_5XX);
        for (GatewayResponse g : api.gatewayResponses()) {
            assertThat(g.statusCode()).isNull();
            assertThat(g.defaultResponse()).isFalse();
            assertThat(g.responseParameters()).isEqualTo(Map.of(
                    "gatewayresponse.header.Access-Control-Allow-Headers", HEADERS,
                    "gatewayresponse.header.Access-Control-Allow-Methods", "'GET,OPTIONS,POST'",
                    "gatewayresponse.header.Access-Control-Allow-Origin", "'*'"));
            assertThat(g.responseTemplates())
                    .isEqualTo(Map.of("application/json", "{\"message\":$context.error.messageString}"));
        }
    }

    @Test
    void anExistingGatewayResponseCustomisationKeepsItsStatusTemplateAndHeaders() {
        ApiDefinition api = petsApi().withGatewayResponses(List.of(new GatewayResponse(GatewayResponseType.DEFAULT_4XX,
                "418", Map.of("gatewayresponse.header.X-Team", "'core'"), Map.of("text/plain", "nope"), false)));

        ApiDefinition cors = EnableCors.apply(api, "pets01", null, null, "https://app.example.com",
                Set.of(GatewayResponseType.DEFAULT_4XX));

        assertThat(cors.gatewayResponses()).hasSize(1);
        GatewayResponse g = cors.gatewayResponses().get(0);
        assertThat(g.statusCode()).isEqualTo("418");
        assertThat(g.responseTemplates()).isEqualTo(Map.of("text/plain", "nope"));
        assertThat(g.responseParameters()).containsEntry("gatewayresponse.header.X-Team", "'core'")
                .containsEntry("gatewayresponse.header.Access-Control-Allow-Origin", "'https://app.example.com'");
    }

    @Test
    void explicitMethodsHeadersAndOriginAreQuotedOnceAndAnyStandsForEveryMethod() {
        ApiDefinition api = EnableCors.apply(petsApi(), "pets01", List.of("any"), "'Content-Type'", "'*'", Set.of());

        Map<String, String> mapped = api.requireResource("pets01").method("OPTIONS").methodIntegration()
                .integrationResponses().get("200").responseParameters();
        assertThat(mapped).containsEntry("method.response.header.Access-Control-Allow-Methods",
                "'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'");
        assertThat(mapped).containsEntry("method.response.header.Access-Control-Allow-Headers", "'Content-Type'");
        assertThat(mapped).containsEntry("method.response.header.Access-Control-Allow-Origin", "'*'");
        assertThat(api.gatewayResponses()).isEmpty();
    }

    @Test
    void enablingCorsTwiceGivesTheSameDefinitionAsOnce() {
        ApiDefinition once = EnableCors.apply(petsApi(), "pets01");
        assertThat(EnableCors.apply(once, "pets01")).isEqualTo(once);
    }

    @Test
    void anUnknownResourceOrMethodNameIsRefusedWithAwsErrors() {
        assertThatThrownBy(() -> EnableCors.apply(petsApi(), "nosuch"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("Invalid Resource identifier specified");
        assertThatThrownBy(() -> EnableCors.apply(petsApi(), "pets01", List.of("FETCH"), null, null, null))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("FETCH");
        Resource pets = petsApi().requireResource("pets01");
        assertThat(pets.method("OPTIONS")).isNull();
    }
}

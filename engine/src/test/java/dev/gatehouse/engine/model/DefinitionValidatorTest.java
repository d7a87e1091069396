package dev.gatehouse.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {

    private final ApiDefinition api = ApiDefinition.create("abcdefghij", "Demo", Instant.EPOCH);
    private final String root = api.root().id();

    @Test
    void pathPartWithIllegalCharactersIsRefusedWithAwsMessage() {
        assertThatThrownBy(() -> api.addResource(root, "pets*", null))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end "
                        + "and an optional plus sign before the closing brace.")
                .extracting(e -> ((DefinitionException) e).kind()).isEqualTo(DefinitionException.Kind.BAD_REQUEST);
    }

    @Test
    void variableAndGreedyPathPartsAreAccepted() {
        ApiDefinition a = api.addResource(root, "{id}", null);
        a = a.addResource(a.resourceByPath("/{id}").orElseThrow().id(), "{proxy+}", null);
        assertThat(a.resourceByPath("/{id}/{proxy+}")).isPresent();
    }

    @Test
    void duplicateSiblingIsAConflictWithAwsMessage() {
        ApiDefinition a = api.addResource(root, "pets", null);
        assertThatThrownBy(() -> a.addResource(root, "pets", null))
                .hasMessage("Another resource with the same parent already has this name: pets")
                .extracting(e -> ((DefinitionException) e).kind()).isEqualTo(DefinitionException.Kind.CONFLICT);
    }

    @Test
    void secondVariableSiblingIsRefused() {
        ApiDefinition a = api.addResource(root, "{id}", null);
        assertThatThrownBy(() -> a.addResource(root, "{name}", null))
                .hasMessageContaining("A sibling ({id}) of this resource already has a variable path part");
    }

    @Test
    void greedyResourceCannotHaveChildren() {
        ApiDefinition a = api.addResource(root, "{proxy+}", null);
        String proxy = a.resourceByPath("/{proxy+}").orElseThrow().id();
        assertThatThrownBy(() -> a.addResource(proxy, "x", null))
                .hasMessage("Cannot create a child of a resource with a greedy path variable: {proxy+}");
    }

    @Test
    void httpIntegrationWithoutHttpMethodIsRefusedWithAwsMessage() {
        assertThatThrownBy(() -> DefinitionValidator.checkIntegration(Integration.of(IntegrationType.HTTP, null, "http://x.org")))
                .hasMessage("Enumeration value for HttpMethod must be non-empty");
    }

    @Test
    void httpIntegrationWithBadUriIsRefusedWithAwsMessage() {
        assertThatThrownBy(() -> DefinitionValidator.checkIntegration(Integration.of(IntegrationType.HTTP, "GET", "not a url")))
                .hasMessage("Invalid HTTP endpoint specified for URI");
    }

    @Test
    void httpUriWithStageVariablesAndPlaceholdersIsAccepted() {
        ApiDefinition a = api.addResource(root, "{proxy+}", null);
        String proxy = a.resourceByPath("/{proxy+}").orElseThrow().id();
        a = a.updateResource(proxy, r -> r
                .withMethod(Method.of("ANY").withIntegration(Integration.of(IntegrationType.HTTP_PROXY, "ANY",
                        "http://${stageVariables.host}/pets/{proxy}")))
                .withMethod(Method.of("GET").withIntegration(Integration.of(IntegrationType.HTTP, "GET",
                        "https://example.com/${stageVariables.base}/pets/{id}"))));
        assertThat(DefinitionValidator.validate(a)).isEmpty();
        // the same placeholders without a scheme and host are still refused: the check looks around them
        assertThatThrownBy(() -> DefinitionValidator.checkIntegration(Integration.of(IntegrationType.HTTP, "GET",
                "${stageVariables.base}/pets/{id}")))
                .hasMessage("Invalid HTTP endpoint specified for URI");
    }

    @Test
    void awsIntegrationUriRulesFollowAws() {
        assertThatThrownBy(() -> DefinitionValidator.checkIntegration(Integration.of(IntegrationType.AWS, "POST", "http://x")))
                .hasMessage("Invalid ARN specified in the request");
        assertThatThrownBy(() -> DefinitionValidator.checkIntegration(Integration.of(IntegrationType.AWS, "POST",
                "arn:aws:apigateway:us-east-1:lambda:functions/f")))
                .hasMessage("AWS ARN for integration must contain path or action");
        assertThatThrownBy(() -> DefinitionValidator.checkIntegration(Integration.of(IntegrationType.AWS_PROXY, "POST",
                "arn:aws:apigateway:us-east-1:s3:path/bucket")))
                .hasMessageStartingWith("Integrations of type 'AWS_PROXY' currently only supports Lambda function");
    }

    @Test
    void timeoutOutsideFiftyTo29000MillisIsRefused() {
        assertThatThrownBy(() -> DefinitionValidator.checkIntegration(Integration.mock().withTimeoutInMillis(30_000)))
                .hasMessage("Timeout should be between 50 ms and 29000 ms");
    }

    @Test
    void integrationResponseForMissingMethodResponseIsReportedWithItsPointer() {
        ApiDefinition a = api.addResource(root, "pets", null);
        String pets = a.resourceByPath("/pets").orElseThrow().id();
        a = a.updateResource(pets, r -> r.withMethod(Method.of("GET").withIntegration(
                Integration.mock().withIntegrationResponses(Map.of("200", IntegrationResponse.of("200"))))));
        assertThat(DefinitionValidator.validate(a)).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("Invalid Response status code specified");
            assertThat(p.pointer()).isEqualTo("/resources/1/resourceMethods/GET/methodIntegration/integrationResponses/200");
        });
    }

    @Test
    void unknownModelAndValidatorReferencesAreReported() {
        ApiDefinition a = api.updateResource(root, r -> r.withMethod(Method.of("POST")
                .withRequestModels(Map.of("application/json", "Nope")).withRequestValidatorId("zzz")));
        assertThat(DefinitionValidator.validate(a)).extracting(Problem::message)
                .containsExactlyInAnyOrder("Invalid model identifier specified: Nope", "Invalid Request Validator identifier specified");
    }

    @Test
    void aValidDefinitionHasNoProblems() {
        assertThat(DefinitionValidator.validate(api.addResource(root, "pets", null))).isEmpty();
    }

    @Test
    void movingAResourceRewritesDescendantPaths() {
        ApiDefinition a = api.addResource(root, "pets", null);
        String pets = a.resourceByPath("/pets").orElseThrow().id();
        a = a.addResource(pets, "{petId}", null);
        a = a.moveResource(pets, root, "animals");
        assertThat(a.resourceByPath("/animals/{petId}")).isPresent();
        assertThat(a.resourceByPath("/pets")).isEmpty();
    }

    @Test
    void removingAResourceRemovesItsSubtree() {
        ApiDefinition a = api.addResource(root, "pets", null);
        String pets = a.resourceByPath("/pets").orElseThrow().id();
        a = a.addResource(pets, "{petId}", null).removeResource(pets);
        assertThat(a.resources()).hasSize(1);
    }

    @Test
    void stageVariableValuesFollowAwsCharacterRules() {
        DefinitionValidator.checkStageVariables(Map.of("host", "example.com:8080/v1"));
        assertThatThrownBy(() -> DefinitionValidator.checkStageVariables(Map.of("host", "has space")))
                .hasMessageContaining("Stage variable value has space for host is invalid");
        assertThatThrownBy(() -> DefinitionValidator.checkStageVariables(Map.of("bad-name", "x")))
                .hasMessageContaining("Stage variable name bad-name is invalid");
    }
}

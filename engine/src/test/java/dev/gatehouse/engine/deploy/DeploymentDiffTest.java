package dev.gatehouse.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.deploy.DeploymentDiff.Entry;
import dev.gatehouse.engine.deploy.DeploymentDiff.Kind;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Model;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DeploymentDiffTest {

    /** / and /pets, GET /pets as MOCK answering 200 with a template. */
    private static ApiDefinition base() {
        ApiDefinition api = ApiDefinition.create("api0000001", "Demo", Instant.EPOCH);
        api = api.addResource(api.root().id(), "pets", "r-pets");
        return api.updateResource("r-pets", r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock()
                .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                        .withResponseTemplates(Map.of("application/json", "{\"v\": 1}")))))));
    }

    private static ApiDefinition changeGetPets(ApiDefinition api, UnaryOperator<Method> change) {
        return api.updateResource("r-pets", r -> r.withMethod(change.apply(r.method("GET"))));
    }

    @Test
    void identicalDefinitionsHaveNoDifferences() {
        assertThat(DeploymentDiff.between(base(), base()).isEmpty()).isTrue();
    }

    @Test
    void addedResourceAndMethodAreListedAndNotBreaking() {
        ApiDefinition after = base().addResource("r-pets", "toys", "r-toys")
                .updateResource("r-toys", r -> r.withMethod(Method.of("POST").withIntegration(Integration.mock())));

        DeploymentDiff diff = DeploymentDiff.between(base(), after);

        assertThat(diff.entries()).extracting(Entry::kind, Entry::subject, Entry::breaking).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "/pets/toys", false),
                org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "POST /pets/toys", false));
    }

    @Test
    void removedResourceAndItsMethodsAreBreaking() {
        DeploymentDiff diff = DeploymentDiff.between(base(), base().removeResource("r-pets"));

        assertThat(diff.entries()).extracting(Entry::kind, Entry::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, "/pets"),
                org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, "GET /pets"));
        assertThat(diff.breaking()).hasSize(2);
    }

    @Test
    void changedResponseTemplateShowsBothTextsAndIsNotBreaking() {
        ApiDefinition after = changeGetPets(base(), m -> m.withIntegration(m.methodIntegration().withIntegrationResponses(
                Map.of("200", IntegrationResponse.of("200").withResponseTemplates(Map.of("application/json", "{\"v\": 2}"))))));

        Entry entry = DeploymentDiff.between(base(), after).entries().getFirst();

        assertThat(entry).isEqualTo(new Entry(Kind.CHANGED, "GET /pets", "integration response 200: template application/json",
                "{\"v\": 1}", "{\"v\": 2}", false));
    }

    @Test
    void newRequiredParameterIsBreakingButANewOptionalOneIsNot() {
        ApiDefinition after = changeGetPets(base(), m -> m.withRequestParameters(Map.of(
                "method.request.querystring.limit", true, "method.request.header.x-trace", false)));

        List<Entry> entries = DeploymentDiff.between(base(), after).entries();

        assertThat(entries).extracting(Entry::detail, Entry::after, Entry::breaking).containsExactly(
                org.assertj.core.groups.Tuple.tuple("request parameter method.request.header.x-trace", "optional", false),
                org.assertj.core.groups.Tuple.tuple("request parameter method.request.querystring.limit", "required", true));
    }

    @Test
    void optionalParameterMadeRequiredIsBreaking() {
        ApiDefinition before = changeGetPets(base(), m -> m.withRequestParameters(Map.of("method.request.querystring.limit", false)));
        ApiDefinition after = changeGetPets(base(), m -> m.withRequestParameters(Map.of("method.request.querystring.limit", true)));

        assertThat(DeploymentDiff.between(before, after).breaking()).singleElement()
                .extracting(Entry::kind, Entry::before, Entry::after)
                .containsExactly(Kind.CHANGED, "optional", "required");
    }

    @Test
    void changedIntegrationTypeIsBreakingAndItsEndpointIsListed() {
        ApiDefinition after = changeGetPets(base(), m -> m.withIntegration(
                Integration.of(IntegrationType.HTTP_PROXY, "GET", "http://backend.local/pets")));

        DeploymentDiff diff = DeploymentDiff.between(base(), after);

        assertThat(diff.breaking()).singleElement().extracting(Entry::detail, Entry::before, Entry::after)
                .containsExactly("integration type", "MOCK", "HTTP_PROXY");
        assertThat(diff.entries()).extracting(Entry::detail)
                .contains("endpoint URL", "integration response 200");
    }

    @Test
    void timeoutAndApiKeyAndModelChangesAreReported() {
        ApiDefinition before = base();
        ApiDefinition after = changeGetPets(base(), m -> m.withApiKeyRequired(true)
                .withIntegration(m.methodIntegration().withTimeoutInMillis(5000)))
                .withModels(List.of(new Model("m1", "Pet", null, "{\"type\":\"object\"}", "application/json")));

        DeploymentDiff diff = DeploymentDiff.between(before, after);

        assertThat(diff.entries()).extracting(Entry::subject, Entry::detail).contains(
                org.assertj.core.groups.Tuple.tuple("GET /pets", "API key required"),
                org.assertj.core.groups.Tuple.tuple("GET /pets", "integration timeoutInMillis"),
                org.assertj.core.groups.Tuple.tuple("Model Pet", ""),
                org.assertj.core.groups.Tuple.tuple("Model Empty", ""));
        assertThat(diff.breaking()).extracting(Entry::detail).containsExactly("API key required");
    }

    @Test
    void apiSettingsChangesNameTheSetting() {
        ApiDefinition after = base().withRestApi(base().restApi().withBinaryMediaTypes(List.of("image/png")));

        assertThat(DeploymentDiff.between(base(), after).entries()).singleElement()
                .extracting(Entry::subject, Entry::detail).containsExactly("API settings", "binaryMediaTypes");
    }
}

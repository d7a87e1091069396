package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An API edit is named after the API Gateway call that makes it on AWS (the names CloudTrail records, as in the
 * API Gateway API reference): CreateResource, PutMethod, PutIntegration, UpdateIntegration, PutMethodResponse...
 */
class AuditEventNamesTest {

    private static final ApiDefinition API = ApiDefinition.create("audnames01", "Names", Instant.EPOCH);

    @Test
    void eachSingleEditIsNamedAfterItsCall() {
        ApiDefinition withResource = API.addResource(API.root().id(), "pets", "petsres001");
        assertThat(AuditEventNames.of(null, API)).isEqualTo("CreateRestApi");
        assertThat(AuditEventNames.of(API, null)).isEqualTo("DeleteRestApi");
        assertThat(AuditEventNames.of(API, withResource)).isEqualTo("CreateResource");
        assertThat(AuditEventNames.of(withResource, API)).isEqualTo("DeleteResource");

        ApiDefinition withMethod = withResource.updateResource("petsres001", r -> r.withMethod(Method.of("GET")));
        assertThat(AuditEventNames.of(withResource, withMethod)).isEqualTo("PutMethod");
        assertThat(AuditEventNames.of(withMethod, withResource)).isEqualTo("DeleteMethod");

        ApiDefinition withIntegration = withMethod.updateResource("petsres001", r -> r.withMethod(
                Method.of("GET").withIntegration(Integration.of(IntegrationType.HTTP_PROXY, "GET", "http://backend/pets"))));
        assertThat(AuditEventNames.of(withMethod, withIntegration)).isEqualTo("PutIntegration");
        assertThat(AuditEventNames.of(withIntegration, withMethod)).isEqualTo("DeleteIntegration");

        ApiDefinition newUri = withIntegration.updateResource("petsres001", r -> r.withMethod(
                Method.of("GET").withIntegration(Integration.of(IntegrationType.HTTP_PROXY, "GET", "http://backend/v2/pets"))));
        assertThat(AuditEventNames.of(withIntegration, newUri)).isEqualTo("UpdateIntegration");

        ApiDefinition keyed = withIntegration.updateResource("petsres001", r -> r.withMethod(
                r.resourceMethods().get("GET").withApiKeyRequired(true)));
        assertThat(AuditEventNames.of(withIntegration, keyed)).isEqualTo("UpdateMethod");

        ApiDefinition with200 = withIntegration.updateResource("petsres001", r -> r.withMethod(
                r.resourceMethods().get("GET").withMethodResponses(Map.of("200", MethodResponse.of("200")))));
        assertThat(AuditEventNames.of(withIntegration, with200)).isEqualTo("PutMethodResponse");
        assertThat(AuditEventNames.of(with200, withIntegration)).isEqualTo("DeleteMethodResponse");

        ApiDefinition described = API.withRestApi(API.restApi().withDescription("changed"));
        assertThat(AuditEventNames.of(API, described)).isEqualTo("UpdateRestApi");
        assertThat(AuditEventNames.of(API, API)).as("nothing recognisable").isEqualTo("UpdateRestApi");
    }

    @Test
    void anEditOfSeveralKindsIsNamedAfterItsMostStructuralChange() {
        ApiDefinition after = API.addResource(API.root().id(), "pets", "petsres001")
                .updateResource("petsres001", r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock())))
                .withRestApi(API.restApi().withDescription("with pets"));
        assertThat(AuditEventNames.ops(API, after)).containsExactly(AuditEventNames.Op.CreateResource,
                AuditEventNames.Op.UpdateRestApi);
        assertThat(AuditEventNames.of(API, after)).isEqualTo("CreateResource");
    }
}

package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/**
 * DeleteDeployment ({@code DELETE /restapis/{id}/deployments/{deployment_id}}, 202) as AWS answers it: a deployment
 * a stage still serves is refused with "Active stages pointing to this deployment must be moved or deleted", an
 * unknown one is "Invalid Deployment identifier specified", any other is removed from the workspace.
 */
class ControlPlaneDeleteDeploymentTest {

    @TempDir Path dir;

    @Test
    void aDeploymentNoStageServesIsDeletedAndOneAStageServesIsRefused() {
        Path ws = dir.resolve("ws");
        try (ControlPlaneHarness engine = new ControlPlaneHarness(ws, ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String api = ControlPlaneDomainsTest.mockApi(aws, "pets", "{\"from\": \"pets\"}");
            String first = aws.getStage(b -> b.restApiId(api).stageName("prod")).deploymentId();
            String second = aws.createDeployment(b -> b.restApiId(api).stageName("prod").description("second")).id();

            BadRequestException active = catchThrowableOfType(BadRequestException.class,
                    () -> aws.deleteDeployment(b -> b.restApiId(api).deploymentId(second)));
            assertThat(active.awsErrorDetails().errorMessage())
                    .isEqualTo("Active stages pointing to this deployment must be moved or deleted");

            aws.deleteDeployment(b -> b.restApiId(api).deploymentId(first));
            assertThat(aws.getDeployments(b -> b.restApiId(api)).items()).extracting(d -> d.id()).containsExactly(second);
            assertThat(ws.resolve("apis/" + api + "/deployments/" + first + ".json")).doesNotExist();
            NotFoundException gone = catchThrowableOfType(NotFoundException.class,
                    () -> aws.getDeployment(b -> b.restApiId(api).deploymentId(first)));
            assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Invalid Deployment identifier specified");
            NotFoundException unknown = catchThrowableOfType(NotFoundException.class,
                    () -> aws.deleteDeployment(b -> b.restApiId(api).deploymentId(first)));
            assertThat(unknown.statusCode()).isEqualTo(404);

            // the stage still serves what it served
            assertThat(aws.getStage(b -> b.restApiId(api).stageName("prod")).deploymentId()).isEqualTo(second);
        }
    }
}

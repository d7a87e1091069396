package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.GetAccountResponse;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * UpdateAccount's settings outlive the engine process, as an AWS account's do: they are kept in the workspace's
 * {@code .gatehouse/account.json} and a restarted engine on the same workspace answers GetAccount with them.
 */
class ControlPlaneAccountPersistenceTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/apigateway-cloudwatch";

    @TempDir Path dir;

    @Test
    void aCloudWatchRoleAndARemovedFeatureSetByUpdateAccountAreStillThereAfterTheEngineRestarts() {
        Path ws = dir.resolve("ws");
        try (ControlPlaneHarness engine = new ControlPlaneHarness(ws, ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            // a new account: no role, the UsagePlans feature (AWS's GetAccount for an account today)
            GetAccountResponse fresh = aws.getAccount(b -> { });
            assertThat(fresh.cloudwatchRoleArn()).isNull();
            assertThat(fresh.features()).containsExactly("UsagePlans");
            aws.updateAccount(b -> b.patchOperations(
                    p -> p.op(Op.REPLACE).path("/cloudwatchRoleArn").value(ROLE),
                    p -> p.op(Op.REMOVE).path("/features").value("UsagePlans")));
        }
        assertThat(ws.resolve(".gatehouse/account.json")).exists();

        try (ControlPlaneHarness restarted = ControlPlaneHarness.reopen(ws, ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = restarted.client()) {
            GetAccountResponse account = aws.getAccount(b -> { });
            assertThat(account.cloudwatchRoleArn()).isEqualTo(ROLE);
            assertThat(account.features()).isEmpty();
            assertThat(account.throttleSettings().rateLimit()).isEqualTo(10000.0);
            assertThat(account.throttleSettings().burstLimit()).isEqualTo(5000);

            // clearing the role (an empty replace) is kept too
            aws.updateAccount(b -> b.patchOperations(p -> p.op(Op.REPLACE).path("/cloudwatchRoleArn").value("")));
        }
        try (ControlPlaneHarness again = ControlPlaneHarness.reopen(ws, ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = again.client()) {
            assertThat(aws.getAccount(b -> { }).cloudwatchRoleArn()).isNull();
        }
    }

    @Test
    void aHandBrokenAccountFileIsReportedWithItsPathAndNeverOverwritten() throws Exception {
        Path ws = dir.resolve("ws");
        try (ControlPlaneHarness engine = new ControlPlaneHarness(ws, ControlPlaneHarness.testKeys())) {
            Path file = ws.resolve(".gatehouse/account.json");
            Files.writeString(file, "{\"features\": [\"UsagePlans\"");
            try (ApiGatewayClient aws = engine.client()) {
                ApiGatewayException refused = org.assertj.core.api.Assertions.catchThrowableOfType(ApiGatewayException.class,
                        () -> aws.updateAccount(b -> b.patchOperations(
                                p -> p.op(Op.REPLACE).path("/cloudwatchRoleArn").value(ROLE))));
                assertThat(refused.statusCode()).isEqualTo(500);
                assertThat(refused.awsErrorDetails().errorMessage()).contains(file.toString());
            }
            assertThat(Files.readString(file)).isEqualTo("{\"features\": [\"UsagePlans\"");
        }
    }
}

package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.sigv4.AccessKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/** The control plane refuses as AWS does: 403 for bad signatures, 404 for unknown ids, 409 conflicts, 400 bad bodies. */
class ControlPlaneErrorsTest {

    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void wrongCredentialsAre403InAwsShapeAndChangeNothing() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir, ControlPlaneHarness.testKeys());
             ApiGatewayClient wrongSecret = engine.client(ControlPlaneHarness.KEY_ID, "not-the-secret");
             ApiGatewayClient unknownKey = engine.client("AKIDSOMEONEELSE", ControlPlaneHarness.SECRET)) {
            long revision = engine.gateway.workspace().revision();

            ApiGatewayException forged = catchThrowableOfType(ApiGatewayException.class,
                    () -> wrongSecret.createRestApi(b -> b.name("forged")));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(forged.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");

            ApiGatewayException stranger = catchThrowableOfType(ApiGatewayException.class,
                    () -> unknownKey.createRestApi(b -> b.name("stranger")));
            assertThat(stranger.statusCode()).isEqualTo(403);
            assertThat(stranger.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(stranger.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");

            HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(engine.controlPlane.endpoint() + "/restapis"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"unsigned\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
            assertThat(json.readTree(unsigned.body()).path("message").asText()).isEqualTo("Missing Authentication Token");

            assertThat(engine.gateway.workspace().revision()).isEqualTo(revision);
            assertThat(engine.gateway.workspace().apis()).isEmpty();
        }
    }

    @Test
    void unknownIdsAre404WithAwsMessages() {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir, ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            NotFoundException noApi = catchThrowableOfType(NotFoundException.class, () -> aws.getRestApi(b -> b.restApiId("nosuchapi0")));
            assertThat(noApi.statusCode()).isEqualTo(404);
            assertThat(noApi.awsErrorDetails().errorCode()).isEqualTo("NotFoundException");
            assertThat(noApi.awsErrorDetails().errorMessage()).isEqualTo("Invalid API identifier specified 123456789012:nosuchapi0");

            String id = aws.createRestApi(b -> b.name("pets")).id();
            assertThat(catchThrowableOfType(NotFoundException.class,
                    () -> aws.getResource(b -> b.restApiId(id).resourceId("nope00"))).awsErrorDetails().errorMessage())
                    .isEqualTo("Invalid Resource identifier specified");
            String root = aws.getResources(b -> b.restApiId(id)).items().getFirst().id();
            assertThat(catchThrowableOfType(NotFoundException.class,
                    () -> aws.getMethod(b -> b.restApiId(id).resourceId(root).httpMethod("GET"))).awsErrorDetails().errorMessage())
                    .isEqualTo("Invalid Method identifier specified");
            assertThat(catchThrowableOfType(NotFoundException.class,
                    () -> aws.getStage(b -> b.restApiId(id).stageName("prod"))).awsErrorDetails().errorMessage())
                    .isEqualTo("Invalid stage identifier specified");
            assertThat(catchThrowableOfType(NotFoundException.class,
                    () -> aws.getUsagePlan(b -> b.usagePlanId("nosuchplan"))).awsErrorDetails().errorMessage())
                    .isEqualTo("Invalid Usage Plan ID specified");
            assertThat(catchThrowableOfType(NotFoundException.class,
                    () -> aws.deleteRestApi(b -> b.restApiId("nosuchapi0"))).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void conflictingCreatesAre409() {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir, ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String id = aws.createRestApi(b -> b.name("pets")).id();
            String root = aws.getResources(b -> b.restApiId(id)).items().getFirst().id();
            aws.createResource(b -> b.restApiId(id).parentId(root).pathPart("pets"));

            ConflictException sibling = catchThrowableOfType(ConflictException.class,
                    () -> aws.createResource(b -> b.restApiId(id).parentId(root).pathPart("pets")));
            assertThat(sibling.statusCode()).isEqualTo(409);
            assertThat(sibling.awsErrorDetails().errorCode()).isEqualTo("ConflictException");
            assertThat(sibling.awsErrorDetails().errorMessage()).isEqualTo("Another resource with the same parent already has this name: pets");

            aws.putMethod(b -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE"));
            assertThat(catchThrowableOfType(ConflictException.class,
                    () -> aws.putMethod(b -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE")))
                    .awsErrorDetails().errorMessage()).isEqualTo("Method already exists for this resource");
        }
    }

    @Test
    void malformedRequestsAre400AndChangeNothing() throws Exception {
        // no keys configured: any well-formed signature passes, so the body itself is what gets refused
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir, AccessKeys.none())) {
            long revision = engine.gateway.workspace().revision();

            HttpResponse<String> broken = signedPost(engine, "/restapis", "{\"name\": ");
            assertThat(broken.statusCode()).isEqualTo(400);
            assertThat(broken.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");
            JsonNode body = json.readTree(broken.body());
            assertThat(body.path("message").asText()).startsWith("Could not parse request body into json");

            HttpResponse<String> wrongType = signedPost(engine, "/restapis", "{\"name\": 42}");
            assertThat(wrongType.statusCode()).isEqualTo(400);
            assertThat(wrongType.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");

            HttpResponse<String> badPart = signedPost(engine, "/restapis", "{\"name\": \"pets\"}");
            String id = json.readTree(badPart.body()).path("id").asText();
            String root = json.readTree(badPart.body()).path("rootResourceId").asText();
            long afterCreate = engine.gateway.workspace().revision();
            HttpResponse<String> invalidPath = signedPost(engine, "/restapis/" + id + "/resources/" + root, "{\"pathPart\": \"a b\"}");
            assertThat(invalidPath.statusCode()).isEqualTo(400);
            assertThat(json.readTree(invalidPath.body()).path("message").asText())
                    .startsWith("Resource's path part only allow a-zA-Z0-9._-");

            assertThat(afterCreate).isEqualTo(revision + 1);
            assertThat(engine.gateway.workspace().revision()).isEqualTo(afterCreate);
        }
    }

    /** A request with a well-formed (not verified: no keys configured) SigV4 Authorization header. */
    private HttpResponse<String> signedPost(ControlPlaneHarness engine, String path, String body) throws Exception {
        String now = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIDANY/" + now.substring(0, 8)
                + "/us-east-1/apigateway/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
        return http.send(HttpRequest.newBuilder(URI.create(engine.controlPlane.endpoint() + path))
                .header("X-Amz-Date", now).header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

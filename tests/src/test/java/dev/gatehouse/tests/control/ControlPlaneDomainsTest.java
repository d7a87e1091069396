package dev.gatehouse.tests.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.BasePathMapping;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.DomainNameStatus;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.GetAccountResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * Custom domain names, base path mappings and the account through the control plane, with the AWS SDK v2 and the
 * real AWS CLI; the data plane then serves {@code Host: domain} by base path as AWS does
 * ({@code https://domain/basepath/...} → the mapped stage; {@code (none)} takes the rest).
 */
class ControlPlaneDomainsTest {
    private static final String DOMAIN = "api.example.com";
    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789012";

    @TempDir Path dir;
    @TempDir Path home;

    @Test
    void domainNamesAndBasePathMappingsRouteTheDataPlaneByHostAndBasePath() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String pets = mockApi(aws, "pets", "{\"from\": \"pets\"}");
            String shop = mockApi(aws, "shop", "{\"from\": \"shop\"}");

            CreateDomainNameResponse created = aws.createDomainName(b -> b.domainName(DOMAIN).regionalCertificateArn(CERT)
                    .regionalCertificateName("example").securityPolicy("TLS_1_2")
                    .endpointConfiguration(e -> e.types(EndpointType.REGIONAL)));
            assertThat(created.domainName()).isEqualTo(DOMAIN);
            // AWS names a regional domain's target d-<10 chars>.execute-api.<region>.amazonaws.com
            assertThat(created.regionalDomainName()).matches("d-[a-z0-9]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com");
            assertThat(created.regionalCertificateArn()).isEqualTo(CERT);
            assertThat(created.regionalCertificateName()).isEqualTo("example");
            assertThat(created.endpointConfiguration().types()).containsExactly(EndpointType.REGIONAL);
            assertThat(created.domainNameStatus()).isEqualTo(DomainNameStatus.AVAILABLE);
            assertThat(created.securityPolicyAsString()).isEqualTo("TLS_1_2");
            assertThat(dir.resolve("ws/domainnames/" + DOMAIN + ".json")).exists();

            BasePathMapping v1 = mapping(aws.createBasePathMapping(b -> b.domainName(DOMAIN).basePath("v1").restApiId(shop).stage("prod")));
            assertThat(v1).isEqualTo(BasePathMapping.builder().basePath("v1").restApiId(shop).stage("prod").build());
            BasePathMapping root = mapping(aws.createBasePathMapping(b -> b.domainName(DOMAIN).restApiId(pets).stage("prod")));
            assertThat(root.basePath()).isEqualTo("(none)");

            assertThat(get(engine, DOMAIN, "/v1/pets")).isEqualTo("200 {\"from\": \"shop\"}");
            assertThat(get(engine, DOMAIN, "/pets")).isEqualTo("200 {\"from\": \"pets\"}");
            assertThat(get(engine, "API.Example.com:443", "/v1/pets")).as("host names are case-insensitive, the port is ignored")
                    .isEqualTo("200 {\"from\": \"shop\"}");

            assertThat(aws.getBasePathMappings(b -> b.domainName(DOMAIN)).items()).extracting(BasePathMapping::basePath)
                    .containsExactlyInAnyOrder("v1", "(none)");
            assertThat(aws.getBasePathMapping(b -> b.domainName(DOMAIN).basePath("(none)")).restApiId()).isEqualTo(pets);

            // renaming a base path moves the route at once
            var moved = aws.updateBasePathMapping(b -> b.domainName(DOMAIN).basePath("v1")
                    .patchOperations(p -> p.op(Op.REPLACE).path("/basePath").value("v2")));
            assertThat(moved.basePath()).isEqualTo("v2");
            assertThat(moved.restApiId()).isEqualTo(shop);
            assertThat(get(engine, DOMAIN, "/v2/pets")).isEqualTo("200 {\"from\": \"shop\"}");
            assertThat(get(engine, DOMAIN, "/v1/pets")).as("v1 is no base path any more: the (none) API has no /v1/pets")
                    .doesNotStartWith("200");

            // AWS's refusals
            ConflictException again = catchThrowableOfType(ConflictException.class,
                    () -> aws.createBasePathMapping(b -> b.domainName(DOMAIN).basePath("v2").restApiId(pets).stage("prod")));
            assertThat(again.awsErrorDetails().errorMessage()).isEqualTo("Base path already exists for this domain name");
            assertThat(catchThrowableOfType(BadRequestException.class,
                    () -> aws.createBasePathMapping(b -> b.domainName(DOMAIN).basePath("a/b").restApiId(pets)))
                    .awsErrorDetails().errorMessage()).startsWith("API Gateway V1 doesn't support the slash character (/) in base path mappings");
            assertThat(catchThrowableOfType(BadRequestException.class,
                    () -> aws.createBasePathMapping(b -> b.domainName(DOMAIN).basePath("x").restApiId("nosuchapi0")))
                    .awsErrorDetails().errorMessage()).isEqualTo("Invalid REST API identifier specified");
            assertThat(catchThrowableOfType(BadRequestException.class,
                    () -> aws.createBasePathMapping(b -> b.domainName(DOMAIN).basePath("x").restApiId(pets).stage("nostage")))
                    .awsErrorDetails().errorMessage()).isEqualTo("Invalid stage identifier specified");
            NotFoundException noDomain = catchThrowableOfType(NotFoundException.class, () -> aws.getDomainName(b -> b.domainName("nope.example.com")));
            assertThat(noDomain.statusCode()).isEqualTo(404);
            assertThat(noDomain.awsErrorDetails().errorMessage()).isEqualTo("Invalid domain name identifier specified");
            assertThat(catchThrowableOfType(NotFoundException.class, () -> aws.getBasePathMapping(b -> b.domainName(DOMAIN).basePath("v9")))
                    .awsErrorDetails().errorMessage()).isEqualTo("Invalid base path mapping identifier specified");
            assertThat(catchThrowableOfType(ConflictException.class, () -> aws.createDomainName(b -> b.domainName(DOMAIN)))
                    .statusCode()).isEqualTo(409);

            // UpdateDomainName: a new certificate, and the endpoint type changed AWS's way
            var updated = aws.updateDomainName(b -> b.domainName(DOMAIN).patchOperations(
                    p -> p.op(Op.REPLACE).path("/regionalCertificateArn").value(CERT.replace("0f1e", "9999"))));
            assertThat(updated.regionalCertificateArn()).isEqualTo(CERT.replace("0f1e", "9999"));
            assertThat(updated.regionalDomainName()).isEqualTo(created.regionalDomainName());
            assertThat(aws.getDomainNames().items()).extracting(d -> d.domainName()).containsExactly(DOMAIN);

            // deleting the (none) mapping stops the catch-all; deleting the domain stops everything
            aws.deleteBasePathMapping(b -> b.domainName(DOMAIN).basePath("(none)"));
            assertThat(get(engine, DOMAIN, "/pets")).doesNotStartWith("200");
            assertThat(get(engine, DOMAIN, "/v2/pets")).isEqualTo("200 {\"from\": \"shop\"}");
            aws.deleteDomainName(b -> b.domainName(DOMAIN));
            assertThat(catchThrowableOfType(NotFoundException.class, () -> aws.getDomainName(b -> b.domainName(DOMAIN)))).isNotNull();
            assertThat(get(engine, DOMAIN, "/v2/pets")).doesNotStartWith("200");
            assertThat(dir.resolve("ws/domainnames/" + DOMAIN + ".json")).doesNotExist();
        }
    }

    @Test
    void theAwsCliManagesDomainsAndReadsAndPatchesTheAccount() throws Exception {
        try (ControlPlaneHarness engine = new ControlPlaneHarness(dir.resolve("ws"), ControlPlaneHarness.testKeys());
             ApiGatewayClient aws = engine.client()) {
            String pets = mockApi(aws, "pets", "{\"from\": \"pets\"}");
            AwsCli cli = new AwsCli(engine.controlPlane.endpoint(), home);

            JsonNode domain = cli.run("create-domain-name", "--domain-name", "pets.example.org", "--regional-certificate-arn", CERT,
                    "--endpoint-configuration", "types=REGIONAL");
            assertThat(domain.path("domainName").asText()).isEqualTo("pets.example.org");
            assertThat(domain.path("regionalCertificateArn").asText()).isEqualTo(CERT);
            assertThat(domain.path("domainNameStatus").asText()).isEqualTo("AVAILABLE");

            JsonNode mapping = cli.run("create-base-path-mapping", "--domain-name", "pets.example.org", "--rest-api-id", pets,
                    "--stage", "prod", "--base-path", "animals");
            assertThat(mapping.path("basePath").asText()).isEqualTo("animals");
            assertThat(mapping.path("restApiId").asText()).isEqualTo(pets);
            assertThat(get(engine, "pets.example.org", "/animals/pets")).isEqualTo("200 {\"from\": \"pets\"}");
            JsonNode mappings = cli.run("get-base-path-mappings", "--domain-name", "pets.example.org");
            assertThat(mappings.path("items")).hasSize(1);

            // the account: AWS's default account-level throttle is 10,000 rps with a burst of 5,000 (aws-reference §8)
            JsonNode account = cli.run("get-account");
            assertThat(account.path("throttleSettings").path("rateLimit").asDouble()).isEqualTo(10000.0);
            assertThat(account.path("throttleSettings").path("burstLimit").asInt()).isEqualTo(5000);
            assertThat(account.path("apiKeyVersion").asText()).isEqualTo("4");
            assertThat(account.path("features").toString()).contains("UsagePlans");
            String role = "arn:aws:iam::123456789012:role/apigateway-cloudwatch";
            JsonNode patched = cli.run("update-account", "--patch-operations", "op=replace,path=/cloudwatchRoleArn,value=" + role);
            assertThat(patched.path("cloudwatchRoleArn").asText()).isEqualTo(role);
            GetAccountResponse sdkView = aws.getAccount(b -> { });
            assertThat(sdkView.cloudwatchRoleArn()).isEqualTo(role);
            assertThat(sdkView.throttleSettings().burstLimit()).isEqualTo(5000);

            engine.gateway.setEngineThrottle(250, 50);
            assertThat(aws.getAccount(b -> { }).throttleSettings().rateLimit()).as("the throttle the data plane enforces").isEqualTo(250.0);

            AwsCli.Result badArn = cli.attempt("update-account", "--patch-operations", "op=replace,path=/cloudwatchRoleArn,value=not-an-arn");
            assertThat(badArn.exit()).isNotZero();
            assertThat(badArn.stderr()).contains("BadRequestException");
            AwsCli.Result badPath = cli.attempt("update-account", "--patch-operations", "op=replace,path=/throttleSettings/rateLimit,value=1");
            assertThat(badPath.stderr()).contains("BadRequestException").contains("/cloudwatchRoleArn");

            cli.run("delete-base-path-mapping", "--domain-name", "pets.example.org", "--base-path", "animals");
            cli.run("delete-domain-name", "--domain-name", "pets.example.org");
            assertThat(cli.attempt("get-domain-name", "--domain-name", "pets.example.org").stderr()).contains("NotFoundException");
        }
    }

    private static BasePathMapping mapping(software.amazon.awssdk.services.apigateway.model.CreateBasePathMappingResponse r) {
        return BasePathMapping.builder().basePath(r.basePath()).restApiId(r.restApiId()).stage(r.stage()).build();
    }

    /** A MOCK API with GET /pets answering {@code body}, deployed to stage prod; its id. */
    static String mockApi(ApiGatewayClient aws, String name, String body) {
        String id = aws.createRestApi(b -> b.name(name)).id();
        String root = aws.getResources(b -> b.restApiId(id)).items().getFirst().id();
        String res = aws.createResource(b -> b.restApiId(id).parentId(root).pathPart("pets")).id();
        aws.putMethod(b -> b.restApiId(id).resourceId(res).httpMethod("GET").authorizationType("NONE"));
        aws.putIntegration(b -> b.restApiId(id).resourceId(res).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        aws.putMethodResponse(b -> b.restApiId(id).resourceId(res).httpMethod("GET").statusCode("200"));
        aws.putIntegrationResponse(b -> b.restApiId(id).resourceId(res).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", body)));
        aws.createDeployment(b -> b.restApiId(id).stageName("prod"));
        return id;
    }

    /**
     * GET {@code path} on the data plane with this Host header (java.net.http refuses to set Host), as
     * {@code "STATUS BODY"}.
     */
    static String get(ControlPlaneHarness engine, String host, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", engine.dataPlane.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            String status = text.substring(text.indexOf(' ') + 1, text.indexOf(' ') + 4);
            int bodyAt = text.indexOf("\r\n\r\n");
            String head = text.substring(0, bodyAt).toLowerCase(java.util.Locale.ROOT);
            String body = text.substring(bodyAt + 4);
            if (head.contains("transfer-encoding: chunked")) body = dechunk(body);
            return status + " " + body;
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) return out.toString();
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}

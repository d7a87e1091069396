package dev.gatehouse.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.integration.aws.AwsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS endpoints page's data, on the engine's resolver: the order is the AWS SDKs' service-specific endpoint
 * settings (docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html) after the workspace's own override;
 * the default endpoint is {@code https://{service}.{region}.amazonaws.com}.
 */
class AwsEndpointSettingsTest {
    @TempDir Path root;
    @TempDir Path home;

    private AwsEnvironment environment(Map<String, String> env) {
        return new AwsEnvironment(env::get, p -> null, home);
    }

    @Test
    void eachServiceShowsTheEndpointUsedAndWhereItComesFrom() throws Exception {
        Files.writeString(root.resolve("aws.json"), "{\"endpoints\":{\"dynamodb\":\"http://127.0.0.1:8000\"}}");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nservices = local\n\n[services local]\nsns =\n"
                + "  endpoint_url = http://127.0.0.1:4566\n");
        List<AwsEndpoint> rows = AwsEndpointSettings.resolve(root,
                environment(Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9000")),
                Map.of("s3", "eu-west-2"), List.of("dynamodb", "sqs", "sns", "s3"));

        assertThat(rows).extracting(AwsEndpoint::service, AwsEndpoint::url, AwsEndpoint::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dynamodb", "http://127.0.0.1:8000", AwsEndpoint.Source.WORKSPACE),
                org.assertj.core.groups.Tuple.tuple("sqs", "http://127.0.0.1:9324", AwsEndpoint.Source.ENVIRONMENT),
                org.assertj.core.groups.Tuple.tuple("sns", "http://127.0.0.1:4566", AwsEndpoint.Source.SHARED_CONFIG),
                org.assertj.core.groups.Tuple.tuple("s3", "https://s3.eu-west-2.amazonaws.com", AwsEndpoint.Source.DEFAULT));
        assertThat(rows.get(0).where()).isEqualTo("aws.json endpoints.dynamodb");
        assertThat(rows.get(0).otherwise()).isEqualTo("http://127.0.0.1:9000 (environment variable AWS_ENDPOINT_URL_DYNAMODB)");
        assertThat(rows.get(1).where()).isEqualTo("AWS_ENDPOINT_URL_SQS");
        assertThat(rows.get(2).where()).endsWith("[services local] sns.endpoint_url");
        assertThat(rows.get(3).otherwise()).isEmpty();
    }

    @Test
    void aBadEnvironmentVariableIsShownOnItsRowNotThrown() {
        List<AwsEndpoint> rows = AwsEndpointSettings.resolve(root, environment(Map.of("AWS_ENDPOINT_URL_SQS", "localhost:9324")),
                Map.of(), List.of("sqs"));
        assertThat(rows.getFirst().source()).isEqualTo(AwsEndpoint.Source.UNRESOLVED);
        assertThat(rows.getFirst().problem()).startsWith("AWS_ENDPOINT_URL_SQS must be an http:// or https:// URL");
    }

    @Test
    void savingReplacesTheEndpointsAndKeepsTheCredentialProfiles() throws Exception {
        Files.writeString(root.resolve("aws.json"), "{\"credentialProfiles\":{\"arn:aws:iam::123456789012:role/R\":\"dev\"},"
                + "\"endpoints\":{\"s3\":\"http://127.0.0.1:9000\"}}");
        AwsEndpointSettings.save(root, Map.of("dynamodb", "http://127.0.0.1:8000/"));
        String text = Files.readString(root.resolve("aws.json"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        assertThat(json.get("endpoints").toString()).isEqualTo("{\"dynamodb\":\"http://127.0.0.1:8000/\"}");
        assertThat(json.get("credentialProfiles").toString()).isEqualTo("{\"arn:aws:iam::123456789012:role/R\":\"dev\"}");
        // the engine reads it back without the trailing slash, as the SDKs do
        assertThat(AwsEndpointSettings.overrides(root)).containsExactly(Map.entry("dynamodb", "http://127.0.0.1:8000"));
    }

    @Test
    void aBadUrlIsRefusedWithTheSettingsNameAndNothingIsWritten() throws Exception {
        Files.writeString(root.resolve("aws.json"), "{\"endpoints\":{\"s3\":\"http://127.0.0.1:9000\"}}");
        assertThatThrownBy(() -> AwsEndpointSettings.save(root, Map.of("dynamodb", "127.0.0.1:8000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endpoints.dynamodb is not a URL: 127.0.0.1:8000");
        assertThatThrownBy(() -> AwsEndpointSettings.save(root, Map.of("dynamodb", "ftp://127.0.0.1:8000")))
                .hasMessageStartingWith("endpoints.dynamodb must be an http:// or https:// URL with a host and no query");
        assertThat(Files.readString(root.resolve("aws.json"))).isEqualTo("{\"endpoints\":{\"s3\":\"http://127.0.0.1:9000\"}}");
    }

    @Test
    void anInvalidAwsJsonIsNotOverwritten() throws Exception {
        Files.writeString(root.resolve("aws.json"), "{\"endpoints\": [");
        assertThatThrownBy(() -> AwsEndpointSettings.save(root, Map.of("dynamodb", "http://127.0.0.1:8000")))
                .hasMessageStartingWith("aws.json is not valid JSON");
        assertThat(Files.readString(root.resolve("aws.json"))).isEqualTo("{\"endpoints\": [");
    }
}

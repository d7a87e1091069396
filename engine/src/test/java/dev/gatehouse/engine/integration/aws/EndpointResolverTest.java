package dev.gatehouse.engine.integration.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointResolverTest {

    @TempDir Path home;
    private final Map<String, String> env = new HashMap<>();
    private final AwsServiceArn dynamo = AwsServiceArn.parse("arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem");

    private EndpointResolver.Endpoint resolve(AwsSettings settings) {
        return new EndpointResolver(new AwsEnvironment(env::get, k -> null, home)).resolve(dynamo, settings);
    }

    @Test
    void withoutOverridesTheRealRegionalEndpointIsUsed() {
        assertThat(resolve(AwsSettings.NONE)).isEqualTo(
                new EndpointResolver.Endpoint("https://dynamodb.eu-west-1.amazonaws.com", false, "default"));
    }

    @Test
    void overridesApplyInTheSdksOrderWithTheWorkspaceFirst() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [default]
                endpoint_url = http://127.0.0.1:4000
                services = local

                [services local]
                dynamodb =
                  endpoint_url = http://127.0.0.1:4001
                """);
        assertThat(resolve(AwsSettings.NONE).baseUrl()).isEqualTo("http://127.0.0.1:4001");

        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:4002/");
        assertThat(resolve(AwsSettings.NONE).baseUrl()).isEqualTo("http://127.0.0.1:4002");

        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4003");
        assertThat(resolve(AwsSettings.NONE)).isEqualTo(
                new EndpointResolver.Endpoint("http://127.0.0.1:4003", true, "AWS_ENDPOINT_URL_DYNAMODB"));

        AwsSettings workspace = AwsSettings.parse("{\"endpoints\": {\"dynamodb\": \"http://127.0.0.1:4004\"}}");
        assertThat(resolve(workspace)).isEqualTo(new EndpointResolver.Endpoint("http://127.0.0.1:4004", true, "aws.json"));

        env.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertThat(resolve(AwsSettings.NONE).overridden()).isFalse();
    }

    @Test
    void aProfilesOwnEndpointUrlAppliesToServicesWithoutTheirOwnSection() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile offline]
                endpoint_url = http://127.0.0.1:4566
                """);
        env.put("AWS_PROFILE", "offline");
        assertThat(resolve(AwsSettings.NONE).baseUrl()).isEqualTo("http://127.0.0.1:4566");
    }

    @Test
    void aBadOverrideSaysWhereItCameFrom() {
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000");
        assertThatThrownBy(() -> resolve(AwsSettings.NONE)).hasMessageStartingWith("AWS_ENDPOINT_URL_DYNAMODB must be an "
                + "http:// or https:// URL");
    }
}

package dev.gatehouse.engine.integration.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    @Test
    void endpointsFallBackToTheStarEntry() {
        AwsSettings s = AwsSettings.parse("{\"endpoints\": {\"DynamoDB\": \"http://127.0.0.1:8000/\", \"*\": \"http://127.0.0.1:5000\"}}");
        assertThat(s.endpoint("dynamodb")).isEqualTo("http://127.0.0.1:8000");
        assertThat(s.endpoint("sqs")).isEqualTo("http://127.0.0.1:5000");
    }

    @Test
    void mistakesNameTheFileAndTheField() {
        assertThatThrownBy(() -> AwsSettings.parse("{\"endpoints\": {\"sqs\": \"ftp://x\"}}"))
                .hasMessageStartingWith("endpoints.sqs must be an http:// or https:// URL");
        assertThatThrownBy(() -> AwsSettings.parse("{\"endpoints\": [1]}"))
                .hasMessage("aws.json: endpoints must be an object");
        assertThatThrownBy(() -> AwsSettings.parse("{\"credentialProfiles\": {\"TableWriter\": \"p\"}}"))
                .hasMessage("aws.json: credentialProfiles key TableWriter is not a role ARN");
        assertThatThrownBy(() -> AwsSettings.parse("{"))
                .hasMessageStartingWith("aws.json is not valid JSON");
    }
}

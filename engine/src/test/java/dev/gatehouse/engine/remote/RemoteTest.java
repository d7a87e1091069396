package dev.gatehouse.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemoteTest {

    @Test
    void aRemoteWithoutUrlIsAmazonApiGatewayAndNeedsARegion() {
        assertThat(Remote.of("aws", null, "eu-central-1", null, null).describe())
                .isEqualTo("Amazon API Gateway eu-central-1 (AWS default credential chain)");
        assertThatThrownBy(() -> Remote.of("aws", null, null, null, null)).hasMessageContaining("give --url");
    }

    @Test
    void badUrlsRegionsNamesAndHalfCredentialsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> Remote.of("b", "ftp://host", null, null, null)).hasMessageContaining("--url 'ftp://host'");
        assertThatThrownBy(() -> Remote.of("b", "http://h:1/?x=1", null, null, null)).hasMessageContaining("query");
        assertThatThrownBy(() -> Remote.of("b", null, "Europe", null, null)).hasMessageContaining("--region 'Europe'");
        assertThatThrownBy(() -> Remote.of("no spaces", "http://h:1", null, null, null)).hasMessageContaining("remote name");
        assertThatThrownBy(() -> Remote.of("b", "http://h:1", null, "AKID", null)).hasMessageContaining("--access-key and --secret-key");
    }

    @Test
    void describeNeverShowsTheSecret() {
        Remote r = Remote.of("b", "http://127.0.0.1:4011", null, "AKIDX", "very-secret");
        assertThat(r.describe()).isEqualTo("Gatehouse http://127.0.0.1:4011 (access key AKIDX)").doesNotContain("very-secret");
    }

    @Test
    void thePushHistoryKeepsTheLatestFifty() {
        Remote r = Remote.of("b", "http://127.0.0.1:4011", null, null, null);
        for (int i = 0; i < 60; i++) r = r.withPush(new Remote.PushRecord(i, "a", "r", "prod", "d" + i, 0));
        assertThat(r.history()).hasSize(50);
        assertThat(r.history().getFirst().deploymentId()).isEqualTo("d10");
        assertThat(r.history().getLast().deploymentId()).isEqualTo("d59");
    }
}

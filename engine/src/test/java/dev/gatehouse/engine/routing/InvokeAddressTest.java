package dev.gatehouse.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeAddressTest {

    @Test
    void hostStyleNamesTheApiAndThePathStartsWithTheStage() {
        InvokeAddress a = InvokeAddress.parse("abc123.execute-api.localhost:8080", "/prod/pets/1");
        assertThat(a).isEqualTo(new InvokeAddress("abc123", "prod", "/pets/1", "/prod/pets/1"));
    }

    @Test
    void pathStyleUsesTheUserRequestMarker() {
        InvokeAddress a = InvokeAddress.parse("127.0.0.1:8080", "/restapis/abc123/dev/_user_request_/pets");
        assertThat(a).isEqualTo(new InvokeAddress("abc123", "dev", "/pets", "/dev/pets"));
        assertThat(InvokeAddress.parse("localhost", "/restapis/abc123/dev/_user_request_").path()).isEqualTo("/");
    }

    @Test
    void plainStylePointsAtTheDefaultApi() {
        InvokeAddress a = InvokeAddress.parse("localhost:1234", "/prod");
        assertThat(a).isEqualTo(new InvokeAddress(null, "prod", "/", "/prod"));
        assertThat(InvokeAddress.parse("localhost", "/")).isNull();
        assertThat(InvokeAddress.parse(null, "//x")).isNull();
    }

    @Test
    void customDomainsMapBasePathsAndTheEmptyBasePathCatchesTheRest() {
        DomainMappings domains = DomainMappings.of(Map.of("API.example.test", Map.of(
                "v1", new DomainMappings.ApiStage("a1", "prod"),
                "(none)", new DomainMappings.ApiStage("a2", "beta"))));
        assertThat(domains.resolve("api.example.test:8080", "/v1/pets"))
                .isEqualTo(new InvokeAddress("a1", "prod", "/pets", "/v1/pets"));
        assertThat(domains.resolve("api.example.test", "/v1"))
                .isEqualTo(new InvokeAddress("a1", "prod", "/", "/v1"));
        assertThat(domains.resolve("api.example.test", "/other/x"))
                .isEqualTo(new InvokeAddress("a2", "beta", "/other/x", "/other/x"));
        assertThat(domains.resolve("elsewhere.test", "/v1/pets")).isNull();
    }
}

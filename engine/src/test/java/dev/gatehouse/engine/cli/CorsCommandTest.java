package dev.gatehouse.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.GatewayResponseType;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.EditHistory;
import dev.gatehouse.engine.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorsCommandTest {

    @TempDir Path dir;

    @Test
    void corsCommandEnablesCorsOnTheNamedResourceWithTheGivenOrigin() {
        try (Workspace ws = Workspace.create(dir, "cors")) {
            ApiDefinition api = ApiDefinition.create("corsapi001", "shop", Instant.EPOCH);
            api = api.addResource(api.root().id(), "pets", "pets01")
                    .updateResource("pets01", r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock())));
            new EditHistory(ws).apply(Edit.createApi(api));
        }

        int code = GatehouseCli.execute("cors", "shop", "/pets", "--origin", "https://app.example.com",
                "--gateway-responses", "DEFAULT_4XX", "-w", dir.toString());

        assertThat(code).isZero();
        try (Workspace ws = Workspace.open(dir)) {
            ApiDefinition api = ws.api("corsapi001").orElseThrow();
            assertThat(api.requireResource("pets01").method("OPTIONS").methodIntegration().integrationResponses()
                    .get("200").responseParameters())
                    .containsEntry("method.response.header.Access-Control-Allow-Origin", "'https://app.example.com'")
                    .containsEntry("method.response.header.Access-Control-Allow-Methods", "'GET,OPTIONS'");
            assertThat(api.gatewayResponses()).singleElement()
                    .satisfies(g -> assertThat(g.responseType()).isEqualTo(GatewayResponseType.DEFAULT_4XX));
        }
    }

    @Test
    void anUnknownResourcePathFailsWithoutChangingTheWorkspace() {
        try (Workspace ws = Workspace.create(dir, "cors")) {
            ApiDefinition api = ApiDefinition.create("corsapi002", "shop", Instant.EPOCH);
            new EditHistory(ws).apply(Edit.createApi(api));
        }
        assertThat(GatehouseCli.execute("cors", "shop", "/nothing", "-w", dir.toString())).isNotZero();
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.api("corsapi002").orElseThrow().gatewayResponses()).isEmpty();
        }
    }
}

package dev.gatehouse.app.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.deploy.DeployViewModel;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataPlaneViewModelTest {
    private final Harness ws = Harness.empty();

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void servesOnLoopbackWhenTheWorkspaceIsOpen() {
        DataPlaneViewModel vm = new DataPlaneViewModel(ws.workbench, ws.preferences);

        assertThat(vm.stateProperty().get()).isEqualTo(DataPlaneViewModel.State.SERVING);
        assertThat(vm.portProperty().get()).isPositive();
        assertThat(vm.statusTextProperty().get()).isEqualTo("Serving on http://127.0.0.1:" + vm.portProperty().get());
    }

    @Test
    void fallsBackToAnyFreePortWhenThePreferredOneIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            // given the preferred port in use by someone else
            ws.preferences.port = taken.getLocalPort();

            // when the data plane starts
            DataPlaneViewModel vm = new DataPlaneViewModel(ws.workbench, ws.preferences);

            // then it serves elsewhere and says why
            assertThat(vm.stateProperty().get()).isEqualTo(DataPlaneViewModel.State.SERVING);
            assertThat(vm.portProperty().get()).isPositive().isNotEqualTo(taken.getLocalPort());
            assertThat(vm.statusTextProperty().get()).isEqualTo("Serving on http://127.0.0.1:" + vm.portProperty().get());
            assertThat(vm.detailProperty().get()).isEqualTo("Port " + taken.getLocalPort() + " was taken, so the data plane took a free one");
        }
    }

    @Test
    void invokeUrlOfTheStageInViewAnswersOverHttp() throws Exception {
        // given a deployed stage dev
        ws.createMockApi("Shop", "{\"v\": 1}");
        DataPlaneViewModel vm = new DataPlaneViewModel(ws.workbench, ws.preferences);
        DeployViewModel deploy = new DeployViewModel(ws.workbench, d -> {});
        deploy.prepare(null);
        deploy.deploy();

        // when the stage is in view
        vm.stageProperty().set("dev");

        // then its invoke URL is on the running server and answers with the mock's body
        String url = vm.invokeUrlProperty().get();
        assertThat(url).startsWith("http://127.0.0.1:" + vm.portProperty().get() + "/");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"v\": 1}");
    }

    @Test
    void stopsWhenTheWorkspaceCloses() {
        // given a serving data plane
        DataPlaneViewModel vm = new DataPlaneViewModel(ws.workbench, ws.preferences);
        int port = vm.portProperty().get();

        // when the workspace closes
        ws.workbench.close();

        // then the state says so and the port no longer accepts connections
        assertThat(vm.stateProperty().get()).isEqualTo(DataPlaneViewModel.State.STOPPED);
        assertThat(vm.statusTextProperty().get()).isEqualTo("Data plane stopped");
        assertThat(vm.invokeUrlProperty().get()).isNull();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(java.io.IOException.class);
    }
}

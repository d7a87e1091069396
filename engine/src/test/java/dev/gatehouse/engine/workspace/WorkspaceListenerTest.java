package dev.gatehouse.engine.workspace;

import static dev.gatehouse.engine.workspace.WorkspaceFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Deployment;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.workspace.WorkspaceEvent.ApiChanged;
import dev.gatehouse.engine.workspace.WorkspaceEvent.DeploymentCreated;
import dev.gatehouse.engine.workspace.WorkspaceEvent.StageChanged;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceListenerTest {
    @TempDir Path dir;
    Workspace ws;
    List<WorkspaceEvent> events = new ArrayList<>();
    ApiDefinition api = WorkspaceFixtures.api("petstore01", "PetStore", 2);

    @BeforeEach
    void open() {
        ws = Workspace.create(dir, "demo");
        ws.addListener(events::add);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void listenersHearTypedEventsWithBeforeAndAfter() {
        ws.apply(Edit.createApi(api));
        ApiDefinition renamed = api.withRestApi(api.restApi().withName("Pets"));
        ws.apply(Edit.replaceApi(renamed));
        ws.apply(Edit.deployDraft(api.id(), new Deployment("dep001", null, 1L), "prod", NOW));

        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isEqualTo(new ApiChanged(1, api.id(), null, api));
        assertThat(events.get(1)).isEqualTo(new ApiChanged(2, api.id(), api, renamed));
        assertThat(events.get(2)).isInstanceOfSatisfying(DeploymentCreated.class, e -> {
            assertThat(e.revision()).isEqualTo(3);
            assertThat(e.deployment().api()).isEqualTo(renamed);
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(StageChanged.class, e -> {
            assertThat(e.before()).isNull();
            assertThat(e.after().deploymentId()).isEqualTo("dep001");
        });
    }

    @Test
    void aListenerSeesTheChangeOnDiskAndInTheState() {
        AtomicReference<String> onDisk = new AtomicReference<>();
        AtomicReference<WorkspaceState> state = new AtomicReference<>();
        ws.addListener(e -> {
            onDisk.set(WorkspaceFixtures.read(dir.resolve("apis/petstore01/api.json")));
            state.set(ws.state());
        });

        ws.apply(Edit.createApi(api));

        assertThat(onDisk.get()).isEqualTo(Json.pretty(api));
        assertThat(state.get().api(api.id())).contains(api);
    }

    @Test
    void aFailingListenerBreaksNeitherTheStoreNorTheOtherListeners() {
        List<WorkspaceEvent> afterTheFailingOne = new ArrayList<>();
        ws.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        ws.addListener(afterTheFailingOne::add);

        AppliedEdit applied = ws.apply(Edit.createApi(api));

        assertThat(applied.isEmpty()).isFalse();
        assertThat(ws.api(api.id())).contains(api);
        assertThat(afterTheFailingOne).hasSize(1);
        ws.apply(Edit.setDefaultApi(api.id()));
        assertThat(afterTheFailingOne).hasSize(2);
    }

    @Test
    void aListenerCannotApplyAnEdit() {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        ws.addListener(e -> {
            try {
                ws.apply(Edit.setDefaultApi(null));
            } catch (IllegalStateException ex) {
                refused.set(ex);
            }
        });

        ws.apply(Edit.createApi(api));

        assertThat(refused.get()).hasMessageContaining("called from a WorkspaceListener");
    }

    @Test
    void anEditThatChangesNothingSendsNoEvents() {
        ws.apply(Edit.createApi(api));
        events.clear();

        ws.apply(Edit.replaceApi(api));
        ws.apply(Edit.setDefaultApi(null));

        assertThat(events).isEmpty();
    }

    @Test
    void removedListenersHearNothing() {
        WorkspaceListener listener = events::add;
        ws.addListener(listener);
        ws.removeListener(listener);
        ws.apply(Edit.createApi(api));

        assertThat(events).hasSize(1);
    }
}

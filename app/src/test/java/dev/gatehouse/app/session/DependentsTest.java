package dev.gatehouse.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.model.ApiDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DependentsTest {
    private final Harness h = Harness.sample();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aResourceOrMethodServedByADeployedStageNamesThatStage() {
        WorkspaceSession session = h.workbench.session().orElseThrow();
        ApiDefinition petStore = session.api("petstore01").orElseThrow();
        String petsId = petStore.resourceByPath("/pets").orElseThrow().id();

        assertThat(Dependents.ofResource(session, "petstore01", petsId))
                .contains("Child resource /pets/{petId}")
                .anySatisfy(line -> assertThat(line).startsWith("Methods ").contains("GET /pets"))
                .anySatisfy(line -> assertThat(line).startsWith("Stage prod serves it (deployment "));
        assertThat(Dependents.ofMethod(session, "petstore01", petsId, "GET"))
                .singleElement().asString().startsWith("Stage prod serves it");
        assertThat(Dependents.ofMethod(session, "petstore01", petsId, "PATCH")).isEmpty();
    }
}

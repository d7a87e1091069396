package dev.gatehouse.app.stages;

import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.workspace.Change;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.WorkspaceState;
import java.util.List;
import java.util.function.UnaryOperator;

/** Stage edits planned against the newest stored stage, so an edit never overwrites a rollback made meanwhile. */
final class StageEdits {
    private StageEdits() {}

    /** Applies {@code change} to the stored stage as one undoable {@link Edit#putStage} named {@code description}. */
    static Edit update(String apiId, String stageName, String description, UnaryOperator<Stage> change) {
        return new Edit() {
            @Override public String description() {
                return description;
            }

            @Override public List<Change<?>> plan(WorkspaceState state) {
                Stage current = state.stage(apiId, stageName)
                        .orElseThrow(() -> DefinitionException.notFound("Invalid stage identifier specified"));
                return Edit.putStage(apiId, change.apply(current)).plan(state);
            }
        };
    }
}

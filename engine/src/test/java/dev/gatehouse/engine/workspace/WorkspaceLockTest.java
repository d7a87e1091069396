package dev.gatehouse.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One editor per folder. In-process, a second {@link Workspace} opens its own channel on {@code .gatehouse/lock}
 * and the JVM reports the overlap; across processes, a child JVM gets the OS lock refused and reads who holds it.
 */
class WorkspaceLockTest {
    @TempDir Path dir;

    @Test
    void aSecondInstanceInThisProcessIsToldTheWorkspaceIsAlreadyOpen() {
        try (Workspace first = Workspace.create(dir, "demo")) {
            assertThatThrownBy(() -> Workspace.open(dir))
                    .isInstanceOf(WorkspaceLockedException.class)
                    .hasMessageContaining("already open for editing in this process");
            assertThat(first.isReadOnly()).isFalse();
        }
    }

    @Test
    void aSecondProcessIsToldWhichProcessIsEditingTheWorkspace() throws Exception {
        try (Workspace ignored = Workspace.create(dir, "demo")) {
            String output = runProbe();
            assertThat(output).startsWith("locked: ")
                    .contains("is open for editing by another process")
                    .contains("pid " + ProcessHandle.current().pid())
                    .contains("open this workspace read-only");
        }
        assertThat(runProbe()).isEqualTo("opened");
    }

    @Test
    void theWorkspaceCanBeOpenedAgainOnceClosed() {
        Workspace.create(dir, "demo").close();
        try (Workspace again = Workspace.open(dir)) {
            assertThat(again.name()).isEqualTo("demo");
        }
    }

    @Test
    void aReadOnlyOpenIgnoresTheLock() {
        try (Workspace editor = Workspace.create(dir, "demo"); Workspace viewer = Workspace.openReadOnly(dir)) {
            assertThat(viewer.name()).isEqualTo(editor.name());
        }
    }

    private String runProbe() throws Exception {
        Process child = WorkspaceChildJvm.start(WorkspaceLockProbeMain.class, dir.toString());
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
            return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("locked") || l.equals("opened")).findFirst().orElse("(no answer)");
        } finally {
            child.destroyForcibly();
        }
    }
}

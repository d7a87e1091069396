package dev.gatehouse.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers coordinate per write, not per open. This replaced "one editor per folder" (issue 10, item 7): the
 * console held the folder's OS lock while open, so {@code gatehouse deploy} and even read-only commands failed
 * beside it. Now the lock on {@code .gatehouse/lock} is held only around each edit: two instances in this process
 * and a second process all edit one folder; an edit that would overwrite a file another writer changed is refused
 * and the change loaded; a writer stuck holding the lock makes others fail after a bounded wait, naming it.
 */
class WorkspaceLockTest {
    @TempDir Path dir;

    @Test
    void twoInstancesInThisProcessEditOneFolderAndEachSeesTheOthersChangesOnRefresh() {
        try (Workspace first = Workspace.create(dir, "demo"); Workspace second = Workspace.open(dir)) {
            first.apply(Edit.createApi(WorkspaceFixtures.api("firstapi01", "First", 1)));
            second.apply(Edit.createApi(WorkspaceFixtures.api("secondapi1", "Second", 1)));

            assertThat(second.refreshIfChangedOnDisk()).isTrue();
            assertThat(first.refreshIfChangedOnDisk()).isTrue();
            assertThat(first.apis()).extracting(a -> a.id()).containsExactly("firstapi01", "secondapi1");
            assertThat(second.apis()).extracting(a -> a.id()).containsExactly("firstapi01", "secondapi1");
            assertThat(first.refreshIfChangedOnDisk()).as("nothing new").isFalse();
        }
    }

    @Test
    void anEditOverAFileAnotherWriterChangedIsRefusedAndTheChangeIsLoaded() {
        try (Workspace first = Workspace.create(dir, "demo"); Workspace second = Workspace.open(dir)) {
            first.apply(Edit.createApi(WorkspaceFixtures.api("sharedapi1", "Theirs", 1)));
            second.refreshIfChangedOnDisk();
            first.apply(Edit.replaceApi(first.api("sharedapi1").orElseThrow().withRestApi(
                    first.api("sharedapi1").orElseThrow().restApi().withDescription("changed by the first"))));

            var mine = second.api("sharedapi1").orElseThrow();
            assertThatThrownBy(() -> second.apply(Edit.replaceApi(mine.withRestApi(mine.restApi().withDescription("mine")))))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("was changed on disk since this workspace read it")
                    .hasMessageContaining("try again");
            assertThat(second.api("sharedapi1").orElseThrow().restApi().description()).isEqualTo("changed by the first");

            var fresh = second.api("sharedapi1").orElseThrow();
            second.apply(Edit.replaceApi(fresh.withRestApi(fresh.restApi().withDescription("mine, after looking"))));
            first.refreshIfChangedOnDisk();
            assertThat(first.api("sharedapi1").orElseThrow().restApi().description()).isEqualTo("mine, after looking");
        }
    }

    @Test
    void aSecondProcessEditsWhileThisOneHasTheWorkspaceOpenAndAFollowerSeesItWithinASecond() throws Exception {
        try (Workspace open = Workspace.create(dir, "demo")) {
            java.util.concurrent.CopyOnWriteArrayList<WorkspaceEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            open.addListener(heard::add);
            open.followDisk(Duration.ofMillis(100));

            assertThat(runProbe("probeapi01")).isEqualTo("edited");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (open.api("probeapi01").isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(open.api("probeapi01")).as("the other process's API, followed from disk").isPresent();
            assertThat(heard).anySatisfy(e -> assertThat(e).isInstanceOf(WorkspaceEvent.ApiChanged.class));
            open.apply(Edit.createApi(WorkspaceFixtures.api("mineapi001", "Mine", 1)));
        }
        try (Workspace reopened = Workspace.open(dir)) {
            assertThat(reopened.apis()).extracting(a -> a.id()).contains("probeapi01", "mineapi001");
        }
    }

    @Test
    void aWriterStuckHoldingTheLockMakesAnotherProcessFailAfterABoundedWaitNamingIt() throws Exception {
        Workspace.create(dir, "demo").close();
        try (WorkspaceLock stuck = WorkspaceLock.acquire(dir.toAbsolutePath().normalize(), Duration.ofSeconds(1))) {
            String output = runProbe("probeapi02", "300");
            assertThat(output).startsWith("locked: ")
                    .contains("is being written by another process")
                    .contains("pid " + ProcessHandle.current().pid());
        }
        assertThat(runProbe("probeapi02")).isEqualTo("edited");
    }

    @Test
    void aReadOnlyOpenNeverTakesTheLock() throws Exception {
        Workspace.create(dir, "demo").close();
        try (WorkspaceLock held = WorkspaceLock.acquire(dir.toAbsolutePath().normalize(), Duration.ofSeconds(1));
             Workspace viewer = Workspace.openReadOnly(dir)) {
            assertThat(viewer.name()).isEqualTo("demo");
        }
    }

    private String runProbe(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = dir.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        Process child = WorkspaceChildJvm.start(WorkspaceLockProbeMain.class, all);
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
            return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("locked") || l.equals("edited")).findFirst()
                    .orElse("(no answer)");
        } finally {
            child.destroyForcibly();
        }
    }
}

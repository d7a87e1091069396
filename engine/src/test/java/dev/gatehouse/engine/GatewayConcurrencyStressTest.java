package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.routing.StagePlan;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.EditHistory;
import dev.gatehouse.engine.workspace.Workspace;
import dev.gatehouse.engine.workspace.WorkspaceException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys, rollbacks, draft edits with undo, and close, all at once from several threads, round after round on
 * one workspace. A watchdog fails the test (with every thread's stack and any deadlock the JVM finds) if a round
 * does not finish; after each deploy or rollback the served plan must point the stage at the deployment the
 * workspace stores for it. Each thread owns its stage, so nobody else moves it between the call and the check.
 */
class GatewayConcurrencyStressTest {

    private static final int ROUNDS = 30;
    private static final int OPS_PER_THREAD = 25;
    private static final String API = "stressapi1";

    @TempDir Path temp;

    @Test
    void deploysRollbacksEditsUndoAndCloseFromManyThreadsNeverDeadlockAndServeWhatIsStored() throws Exception {
        Path dir = workspaceDir();
        String first;
        String second;
        try (Gateway setup = Gateway.of(Workspace.create(dir, "stress"))) {
            ApiDefinition api = ApiDefinition.create(API, "Stress", Instant.EPOCH);
            api = api.updateResource(api.root().id(), r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock())));
            setup.history().apply(Edit.createApi(api));
            first = setup.deploy(API, "rolling", "first").deployment().id();
            second = setup.deploy(API, "rolling", "second").deployment().id();
        }
        AtomicInteger operations = new AtomicInteger();
        ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Gateway gateway = Gateway.open(dir);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> work = new java.util.concurrent.CopyOnWriteArrayList<>();
                for (String stage : List.of("alpha", "beta")) {
                    work.add(pool.submit(() -> untilClosed(start, () -> {
                        DeploymentSnapshot d = gateway.deploy(API, stage, null);
                        check(gateway, stage, d.deployment().id(), mismatches);
                        operations.incrementAndGet();
                    })));
                }
                work.add(pool.submit(() -> untilClosed(start, () -> {
                    String target = operations.get() % 2 == 0 ? first : second;
                    gateway.rollback(API, "rolling", target);
                    check(gateway, "rolling", target, mismatches);
                    operations.incrementAndGet();
                })));
                EditHistory ownHistory = new EditHistory(gateway.workspace());
                work.add(pool.submit(() -> untilClosed(start, () -> {
                    ApiDefinition draft = gateway.workspace().api(API).orElseThrow();
                    ownHistory.apply(Edit.replaceApi(draft.withRestApi(draft.restApi()
                            .withDescription("edit " + operations.get()))).describedAs("Edit description"));
                    ownHistory.undo();
                    operations.addAndGet(2);
                })));
                work.add(pool.submit(() -> untilClosed(start, () -> {
                    gateway.history().canUndo();
                    gateway.plan();
                    gateway.planProblems();
                    operations.incrementAndGet();
                })));
                // close mid-round after a varying amount of work (or when the work is done): deploys, rollbacks
                // and edits are then in flight on the other threads
                int closeAfter = operations.get() + java.util.concurrent.ThreadLocalRandom.current().nextInt(20, 160);
                Future<?> closer = pool.submit(() -> {
                    await(start);
                    while (operations.get() < closeAfter && !work.stream().allMatch(Future::isDone)) Thread.sleep(1);
                    gateway.close();
                    return null;
                });
                start.countDown();
                watch(closer, round);
                for (Future<?> f : work) watch(f, round);
                gateway.close(); // idempotent
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mismatches).as("served plan vs stored stage").isEmpty();
        assertThat(operations.get()).as("operations done").isGreaterThan(1_000);
    }

    @Test
    void aDeployOrARollbackRebuildsTheServedPlanOnce() {
        try (Gateway gateway = Gateway.of(Workspace.create(workspaceDir(), "once"))) {
            ApiDefinition api = ApiDefinition.create(API, "Once", Instant.EPOCH);
            api = api.updateResource(api.root().id(), r -> r.withMethod(Method.of("GET").withIntegration(Integration.mock())));
            gateway.history().apply(Edit.createApi(api));
            String first = gateway.deploy(API, "prod", null).deployment().id();

            long before = gateway.planRebuilds();
            gateway.deploy(API, "prod", null, java.util.Map.of("color", "blue"));
            assertThat(gateway.planRebuilds() - before).as("rebuilds for one deploy with variables").isEqualTo(1);

            before = gateway.planRebuilds();
            gateway.rollback(API, "prod", first);
            assertThat(gateway.planRebuilds() - before).as("rebuilds for one rollback").isEqualTo(1);
            assertThat(gateway.plan().apis().get(API).stages().get("prod").deploymentId()).isEqualTo(first);
        }
    }

    private Path workspaceDir() {
        // tmpfs when there is one: thousands of fsyncs on a disk would only test the disk
        Path shm = Path.of("/dev/shm");
        try {
            return Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "gatehouse-stress") : Files.createTempDirectory(temp, "ws");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(Gateway gateway, String stage, String expected, ConcurrentLinkedQueue<String> mismatches) {
        var apiPlan = gateway.plan().apis().get(API);
        StagePlan served = apiPlan == null ? null : apiPlan.stages().get(stage);
        String stored = gateway.workspace().stage(API, stage).orElseThrow().deploymentId();
        if (served == null || !expected.equals(served.deploymentId()) || !expected.equals(stored)) {
            mismatches.add(stage + ": expected " + expected + ", stored " + stored + ", served "
                    + (served == null ? null : served.deploymentId()));
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Repeats {@code step} until the gateway is closed under it (or the thread's share of work is done). */
    private static Void untilClosed(CountDownLatch start, Step step) throws Exception {
        await(start);
        for (int i = 0; i < OPS_PER_THREAD; i++) {
            try {
                step.run();
            } catch (IllegalStateException | WorkspaceException e) {
                return null; // closed while working: the expected end of a round
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof IllegalStateException) return null;
                throw e;
            }
        }
        return null;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The watchdog: a round that does not end in time is a deadlock or a hang; report every thread. */
    private static void watch(Future<?> future, int round) throws Exception {
        try {
            future.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            StringBuilder dump = new StringBuilder("round " + round + " hung; deadlocked threads: ");
            long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
            dump.append(deadlocked == null ? "none found" : java.util.Arrays.toString(deadlocked)).append('\n');
            for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) dump.append(info);
            throw new AssertionError(dump.toString());
        }
    }
}

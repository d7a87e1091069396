package dev.gatehouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LoopWorkers} on a one-thread executor standing in for an event loop: tasks reuse idle workers, a task
 * that parks never holds up the next one, and an interrupted task does not leave its worker interrupted.
 */
class LoopWorkersTest {

    private ExecutorService loop;
    private LoopWorkers workers;

    @BeforeEach
    void start() {
        loop = Executors.newSingleThreadExecutor();
        Thread.Builder.OfVirtual b = LoopThreads.builder(loop);
        assertThat(b).as("needs --add-opens java.base/java.lang (the surefire argLine passes it)").isNotNull();
        workers = new LoopWorkers(b.name("test-worker-", 0).factory());
    }

    @AfterEach
    void stop() {
        loop.shutdownNow();
    }

    @Test
    void tasksOneAfterAnotherReuseOneWorker() throws Exception {
        for (int i = 0; i < 100; i++) {
            CountDownLatch done = new CountDownLatch(1);
            loop.execute(() -> workers.execute(done::countDown));
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(onLoop(() -> workers.started())).isEqualTo(1);
    }

    @Test
    void tasksThatParkEachGetAWorkerSoNoneWaitsForAnother() throws Exception {
        int n = 20;
        CountDownLatch allStarted = new CountDownLatch(n);
        CountDownLatch allDone = new CountDownLatch(n);
        List<String> names = new CopyOnWriteArrayList<>();
        for (int i = 0; i < n; i++) {
            loop.execute(() -> workers.execute(() -> {
                names.add(Thread.currentThread().getName());
                allStarted.countDown();
                try {
                    // parks (unmounting from the loop) until every task runs: only possible with a worker each
                    allStarted.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                allDone.countDown();
            }));
        }
        assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(names).hasSize(n).doesNotHaveDuplicates().allMatch(s -> s.startsWith("test-worker-"));
    }

    @Test
    void anInterruptedTaskDoesNotLeaveItsWorkerInterrupted() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        loop.execute(() -> workers.execute(() -> {
            Thread.currentThread().interrupt();
            first.countDown();
        }));
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50); // the worker goes idle
        boolean[] interrupted = {true};
        CountDownLatch second = new CountDownLatch(1);
        loop.execute(() -> workers.execute(() -> {
            interrupted[0] = Thread.currentThread().isInterrupted();
            second.countDown();
        }));
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted[0]).isFalse();
        assertThat(onLoop(() -> workers.started())).isEqualTo(1);
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> read) throws Exception {
        return loop.submit(read).get(5, TimeUnit.SECONDS);
    }
}

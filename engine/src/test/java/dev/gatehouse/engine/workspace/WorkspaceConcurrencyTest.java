package dev.gatehouse.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceConcurrencyTest {
    @TempDir Path dir;

    @Test
    void editsFromManyThreadsAreSerialisedAndAllLandWhileReadersSeeOnlyWholeStates() throws Exception {
        int threads = 4;
        int editsEach = 15;
        List<Long> revisions = new CopyOnWriteArrayList<>();
        try (Workspace ws = Workspace.create(dir, "demo")) {
            ws.addListener(e -> revisions.add(e.revision()));
            AtomicBoolean writing = new AtomicBoolean(true);
            List<String> readerFailures = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                int last = 0;
                while (writing.get()) {
                    WorkspaceState state = ws.state();
                    int keys = state.apiKeys().size();
                    if (keys < last) readerFailures.add("key count went back from " + last + " to " + keys);
                    last = keys;
                }
            });
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < editsEach; i++) {
                        String id = "key" + thread + "x" + i;
                        ws.apply(Edit.putApiKey(WorkspaceFixtures.apiKey(id, id)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get();
            pool.shutdown();
            writing.set(false);
            reader.join();

            assertThat(readerFailures).isEmpty();
            assertThat(ws.apiKeys()).hasSize(threads * editsEach);
            assertThat(ws.revision()).isEqualTo(threads * editsEach);
            assertThat(revisions).hasSize(threads * editsEach).isSorted().doesNotHaveDuplicates();
        }
        try (Workspace reopened = Workspace.open(dir)) {
            assertThat(reopened.apiKeys()).hasSize(threads * editsEach);
        }
    }
}

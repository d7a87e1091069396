package dev.gatehouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.integration.LoopTasks;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LoopTasks} on a real Netty NIO event loop: a virtual thread the loop carries hands tasks over without a
 * wake-up, and they still run although the loop has nothing else to do (it must not block in its select with the
 * task queued); any other thread is told apart and gets Netty's ordinary execute.
 */
class LoopTasksTest {

    private EventLoopGroup group;
    private EventLoop loop;

    @BeforeEach
    void start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Thread carried(Runnable body) {
        Thread.Builder.OfVirtual b = LoopThreads.builder(loop);
        assertThat(b).as("needs --add-opens java.base/java.lang (the surefire argLine passes it)").isNotNull();
        return b.unstarted(body);
    }

    @Test
    void aVirtualThreadTheLoopCarriesIsToldApartFromOtherThreads() throws Exception {
        CompletableFuture<Boolean> onCarried = new CompletableFuture<>();
        carried(() -> onCarried.complete(LoopTasks.carriedBy(loop))).start();
        CompletableFuture<Boolean> onOrdinaryVirtual = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> onOrdinaryVirtual.complete(LoopTasks.carriedBy(loop)));
        CompletableFuture<Boolean> onLoopItself = new CompletableFuture<>();
        loop.execute(() -> onLoopItself.complete(LoopTasks.carriedBy(loop)));

        assertThat(onCarried.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(onOrdinaryVirtual.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(onLoopItself.get(5, TimeUnit.SECONDS)).as("the loop's own thread is no virtual thread").isFalse();
        assertThat(LoopTasks.carriedBy(loop)).as("a platform thread").isFalse();
    }

    @Test
    void aTaskHandedOverByACarriedThreadRunsOnTheLoopThoughNothingElseWakesIt() throws Exception {
        // each round the carried thread queues a task and ends; the loop then has no I/O and no other task, so a
        // task it did not see before selecting would wait for the select's timeout (Netty's purge interval, 1 s)
        for (int i = 0; i < 2_000; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            AtomicBoolean onLoop = new AtomicBoolean();
            carried(() -> LoopTasks.execute(loop, () -> {
                onLoop.set(loop.inEventLoop());
                ran.countDown();
            })).start();
            assertThat(ran.await(300, TimeUnit.MILLISECONDS)).as("round %d", i).isTrue();
            assertThat(onLoop).isTrue();
        }
    }

    @Test
    void aTaskHandedOverByAnyOtherThreadWakesTheLoop() throws Exception {
        for (int i = 0; i < 20; i++) {
            Thread.sleep(20); // the loop is idle in its select
            CountDownLatch ran = new CountDownLatch(2);
            Thread.ofVirtual().start(() -> LoopTasks.execute(loop, ran::countDown));
            Thread.ofPlatform().start(() -> LoopTasks.execute(loop, ran::countDown));
            assertThat(ran.await(300, TimeUnit.MILLISECONDS)).as("round %d", i).isTrue();
        }
    }
}

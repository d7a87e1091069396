package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One loop's exchange deadlines: each expires once, in deadline order, unless it left first. */
class ExchangeDeadlinesTest {

    private final Vertx vertx = Vertx.vertx();
    private final Context loop = vertx.getOrCreateContext();
    private final List<String> expired = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private final class Named extends ExchangeDeadlines.Entry {
        private final String name;
        private final long startedNanos = System.nanoTime();
        long expiredAfterMillis = -1;

        Named(String name) {
            this.name = name;
        }

        @Override void expire() {
            expiredAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            expired.add(name);
        }
    }

    private void onLoop(Consumer<ExchangeDeadlines> work, ExchangeDeadlines deadlines) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.runOnContext(v -> {
            work.accept(deadlines);
            done.complete(null);
        });
        done.get(5, TimeUnit.SECONDS);
    }

    @Test
    void entriesExpireInDeadlineOrderWhateverOrderTheyJoinedIn() throws Exception {
        ExchangeDeadlines deadlines = new ExchangeDeadlines(vertx);
        Named slow = new Named("slow 300 ms");
        Named fast = new Named("fast 50 ms");
        Named middle = new Named("middle 150 ms");
        onLoop(d -> {
            d.add(slow, 300);
            d.add(fast, 50);
            d.add(middle, 150);
        }, deadlines);
        Thread.sleep(600);
        assertThat(expired).containsExactly("fast 50 ms", "middle 150 ms", "slow 300 ms");
        assertThat(fast.expiredAfterMillis).isBetween(50L, 250L);
        assertThat(slow.expiredAfterMillis).isGreaterThanOrEqualTo(300L);
        onLoop(d -> assertThat(d.size()).isZero(), deadlines);
    }

    @Test
    void anEntryThatLeftNeverExpiresAndTheOthersStillDo() throws Exception {
        ExchangeDeadlines deadlines = new ExchangeDeadlines(vertx);
        Named left = new Named("left");
        Named stays = new Named("stays");
        onLoop(d -> {
            d.add(left, 50);
            d.add(stays, 100);
            d.remove(left);
            d.remove(left); // twice: no effect
        }, deadlines);
        Thread.sleep(400);
        assertThat(expired).containsExactly("stays");
    }

    @Test
    void aShorterDeadlineJoiningLaterFiresBeforeTheArmedOne() throws Exception {
        ExchangeDeadlines deadlines = new ExchangeDeadlines(vertx);
        Named longWait = new Named("29 s");
        Named shortWait = new Named("80 ms");
        onLoop(d -> d.add(longWait, 29_000), deadlines);
        onLoop(d -> d.add(shortWait, 80), deadlines);
        Thread.sleep(500);
        assertThat(expired).containsExactly("80 ms");
        assertThat(shortWait.expiredAfterMillis).isBetween(80L, 400L);
        onLoop(d -> assertThat(d.size()).isEqualTo(1), deadlines);
    }

    @Test
    void manyEntriesThatLeaveInTimeLeaveNothingBehind() throws Exception {
        ExchangeDeadlines deadlines = new ExchangeDeadlines(vertx);
        onLoop(d -> {
            List<Named> all = new java.util.ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                Named n = new Named("n" + i);
                d.add(n, 29_000);
                all.add(n);
                if (i % 2 == 1) d.remove(n); // the newest leaves at once
            }
            for (int i = 0; i < all.size(); i += 2) if (i % 3 != 0) d.remove(all.get(i)); // older ones from the middle
        }, deadlines);
        onLoop(d -> assertThat(d.size()).isEqualTo(1667), deadlines);
        assertThat(expired).isEmpty();
    }
}

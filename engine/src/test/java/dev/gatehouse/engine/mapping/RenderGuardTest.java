package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RenderGuardTest {

    private static final Duration LIMIT = Duration.ofMillis(50);
    private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withRenderTimeout(LIMIT);

    @Test
    void aRenderWhoseThreadDidNotRunIsNotFailedWhenTheWallClockDeadlinePasses() throws Exception {
        RenderGuard guard = new RenderGuard(LIMITS, false);

        Thread.sleep(120); // past the deadline without using the CPU: a stalled machine, as far as the render knows
        guard.checkDeadline();
        Thread.sleep(120); // and past the moved deadline, still without running
        guard.checkDeadline();

        assertThat(guard.expired()).isFalse();
    }

    @Test
    void aRenderThatKeepsItsThreadBusyIsStoppedOnceItHasRunForAtLeastTwiceTheLimit() {
        RenderGuard guard = new RenderGuard(LIMITS, false);
        long start = System.nanoTime();

        assertThatThrownBy(() -> {
            while (true) guard.checkDeadline();
        }).isInstanceOf(MappingException.class).hasMessageContaining("exceeded the time limit of 50 ms");

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        // the first passing moves the deadline by one limit; the second ends the render if it ran half of that
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(2 * LIMIT.toMillis())
                .isLessThan((RenderGuard.MAX_EXTENSIONS + 1) * LIMIT.toMillis() + 1000);
        assertThat(guard.expired()).isTrue();
    }

    @Test
    void theDeadlineMovesAFewTimesAtMost() throws Exception {
        RenderGuard guard = new RenderGuard(LIMITS, false);

        for (int i = 0; i < RenderGuard.MAX_EXTENSIONS; i++) {
            Thread.sleep(LIMIT.toMillis() + 20);
            guard.checkDeadline();
        }
        Thread.sleep(LIMIT.toMillis() + 20);

        assertThatThrownBy(guard::checkDeadline).isInstanceOf(MappingException.class);
    }

    @Test
    void onAVirtualThreadWhoseCpuTimeCannotBeReadTheWallClockDecides() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            RenderGuard guard = new RenderGuard(LIMITS, false);
            try {
                Thread.sleep(LIMIT.toMillis() + 20);
                guard.checkDeadline();
            } catch (Throwable t) {
                failure.set(t);
            }
        }).join();

        assertThat(failure.get()).isInstanceOf(MappingException.class)
                .hasMessageContaining("exceeded the time limit of 50 ms");
    }
}

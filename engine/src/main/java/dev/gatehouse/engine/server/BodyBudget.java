package dev.gatehouse.engine.server;

import java.util.concurrent.atomic.AtomicLong;

/** Bounds the request-body bytes held by all in-flight requests together. Lock-free; thread-safe. */
final class BodyBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** Reserves {@code bytes}; false (and nothing reserved) when that would exceed the limit. */
    boolean tryReserve(long bytes) {
        if (bytes <= 0) return true;
        while (true) {
            long u = used.get();
            if (u + bytes > limit) return false;
            if (used.compareAndSet(u, u + bytes)) return true;
        }
    }

    void release(long bytes) {
        if (bytes > 0) used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }
}

package dev.gatehouse.engine.server;

import dev.gatehouse.engine.pipeline.RequestHandler;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The current plan the data plane serves, swapped atomically by deploys. The server calls {@link #get()} once
 * at the start of each request, so a request finishes on the plan it started with. Thread-safe.
 */
public final class PlanHolder implements Supplier<RequestHandler> {

    private final AtomicReference<RequestHandler> current;

    public PlanHolder(RequestHandler initial) {
        current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    @Override public RequestHandler get() {
        return current.get();
    }

    /** Installs {@code next} and returns the plan it replaced. */
    public RequestHandler swap(RequestHandler next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }
}

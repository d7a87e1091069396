package dev.gatehouse.app.core;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The app's {@link TaskRunner}: one background thread (edits must apply in order), results posted with
 * {@link Platform#runLater}.
 *
 * <p>{@link #close()} never blocks the FX thread. A runner made {@link #finishingWork} keeps its thread alive
 * (non-daemon) until the queued work is done, so closing the workspace — its writer lock, the data plane's
 * graceful stop — completes even after the window has gone. A {@link #droppingWork} runner (test invokes, SDK
 * generation) is interrupted instead: nothing it does must outlive the console.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService executor;
    private final boolean finishOnClose;

    private FxTaskRunner(String name, boolean finishOnClose) {
        this.finishOnClose = finishOnClose;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(!finishOnClose);
            return t;
        });
    }

    /** For workspace work: what is queued when the console closes still runs to the end. */
    public static FxTaskRunner finishingWork(String name) {
        return new FxTaskRunner(name, true);
    }

    /** For work that may be abandoned when the console closes. */
    public static FxTaskRunner droppingWork(String name) {
        return new FxTaskRunner(name, false);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) action.run();
        else Platform.runLater(action);
    }

    /** After {@link #close()}: waits up to {@code timeout} for the queued work to end; false when it has not. */
    public boolean awaitTermination(java.time.Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Accepts no more work; returns at once (see the class comment for what happens to queued work). */
    @Override
    public void close() {
        if (finishOnClose) executor.shutdown();
        else executor.shutdownNow();
    }
}

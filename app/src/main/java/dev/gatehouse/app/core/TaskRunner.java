package dev.gatehouse.app.core;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs engine and I/O work off the FX thread and delivers the outcome on the FX thread (JabRef's
 * {@code TaskExecutor}). ViewModels get one injected; tests pass {@link #sameThread()}.
 *
 * <p>Contract: {@code work} runs on a background thread (never the FX thread in the app); exactly one of
 * {@code onSuccess} or {@code onFailure} is then called on the UI thread. Work submitted by one ViewModel runs in
 * submission order, so a later edit plans against the state an earlier one left.
 */
public interface TaskRunner {

    /** Runs {@code work} in the background; hands its result or failure to the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (later, if the caller is not on it). */
    void onUiThread(Runnable action);

    /** A runner that does everything on the calling thread: for tests without a toolkit. */
    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public void onUiThread(Runnable action) {
                action.run();
            }
        };
    }
}

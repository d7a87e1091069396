package dev.gatehouse.engine.observe;

import dev.gatehouse.engine.model.LoggingLevel;
import dev.gatehouse.engine.model.Stage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Child JVM of {@link KilledWriterStoreTest}: observes requests without end until it is killed. */
public final class KilledWriterChild {

    private KilledWriterChild() { }

    public static void main(String[] args) throws InterruptedException {
        Observability o = new Observability(Path.of(args[0]), ObserveOptions.DEFAULTS, Clock.systemUTC());
        o.settings().put(new StageObserveSettings("api1", "Api", "prod",
                Map.of("*/*", new Stage.MethodSetting(true, LoggingLevel.INFO, true, null, null, null, null, null, null, null)),
                null, false));
        o.start();
        System.out.println("started");
        System.out.flush();
        for (long i = 0; ; i++) {
            o.queue().offer(Records.at("api1", "prod", "GET", "/m" + (i % 7), System.currentTimeMillis(), 200, 1000 + i % 500, -1));
            if (i % 200 == 0) Thread.sleep(1);
        }
    }
}

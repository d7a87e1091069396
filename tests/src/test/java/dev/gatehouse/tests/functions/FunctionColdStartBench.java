package dev.gatehouse.tests.functions;

import dev.gatehouse.engine.functions.FunctionConfig;
import dev.gatehouse.engine.functions.FunctionRuntime;
import dev.gatehouse.engine.functions.InvokeResult;
import dev.gatehouse.engine.functions.LocalFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark harness (not a test): the cold start of a Node.js and of a Java worker, {@code rounds} times each on a
 * fresh {@link LocalFunctions} (so every first invocation starts a new process): the caller's wall time of the
 * first invocation, and the REPORT line's {@code Init Duration} (process start to the worker's first
 * {@code /next}). Prints medians and maxima. Run by {@code bench/functions.sh}, or
 * {@code java -cp tests/target/test-classes:<tests class path> dev.gatehouse.tests.functions.FunctionColdStartBench [rounds]}.
 */
public final class FunctionColdStartBench {
    private static final Pattern INIT = Pattern.compile("Init Duration: ([0-9.]+) ms");

    private FunctionColdStartBench() { }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path dir = Files.createTempDirectory("gatehouse-fn-cold");
        new LocalFunctions(dir, LocalFunctions.DEFAULT_IDLE_TIMEOUT, LocalFunctions.DEFAULT_RELOAD_INTERVAL).store()
                .create(FunctionConfig.of("node", FunctionRuntime.NODEJS, null), null);
        new LocalFunctions(dir, LocalFunctions.DEFAULT_IDLE_TIMEOUT, LocalFunctions.DEFAULT_RELOAD_INTERVAL).store()
                .create(FunctionConfig.of("java", FunctionRuntime.JAVA, null), null);
        for (String fn : new String[] {"node", "java"}) {
            double[] wall = new double[rounds];
            double[] init = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                try (LocalFunctions functions = LocalFunctions.open(dir)) {
                    long t0 = System.nanoTime();
                    InvokeResult r = functions.invoke(fn, "{}".getBytes(StandardCharsets.UTF_8), null, null);
                    wall[i] = (System.nanoTime() - t0) / 1e6;
                    if (r.failed()) throw new IllegalStateException(fn + " failed: " + r.payloadText() + "\n" + r.log());
                    Matcher m = INIT.matcher(r.log());
                    init[i] = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
                }
            }
            Arrays.sort(wall);
            Arrays.sort(init);
            System.out.printf(Locale.ROOT, "%-4s cold start over %d rounds: first invocation median %.0f ms (max %.0f ms); "
                    + "Init Duration median %.0f ms (max %.0f ms)%n", fn, rounds, wall[rounds / 2], wall[rounds - 1],
                    init[rounds / 2], init[rounds - 1]);
        }
    }
}

package dev.gatehouse.engine.mapping;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Setup;

/**
 * Runs one JMH benchmark method in a plain loop and reports the calling thread's CPU time per call beside the
 * wall time: on the shared build machines (load average 8+ on 2 cores) JMH's wall-clock scores include the
 * time the thread waits for a core, CPU time much less so; and the bytes the thread allocated per call. Not run
 * by surefire.
 *
 * <p>{@code java -cp <test classpath> dev.gatehouse.engine.mapping.CpuTimeRunner
 * dev.gatehouse.engine.mapping.VtlBenchmarks renderAwsPassthroughExample [warmupSeconds=15] [rounds=10] [roundSeconds=1]}
 */
public final class CpuTimeRunner {

    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        Method op = type.getMethod(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        double roundSeconds = args.length > 4 ? Double.parseDouble(args[4]) : 1;
        Object bench = type.getDeclaredConstructor().newInstance();
        for (Method m : type.getMethods()) if (m.isAnnotationPresent(Setup.class)) m.invoke(bench);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + warmup * 1_000_000_000L;
        while (System.nanoTime() < end) for (int i = 0; i < 100; i++) sink = op.invoke(bench);
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        double[] bytes = new double[rounds];
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        for (int r = 0; r < rounds; r++) {
            long n = 0;
            long a0 = allocation.getCurrentThreadAllocatedBytes();
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            long stop = w0 + (long) (roundSeconds * 1e9);
            while (System.nanoTime() < stop) {
                for (int i = 0; i < 100; i++) sink = op.invoke(bench);
                n += 100;
            }
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1000.0 / n;
            wall[r] = (System.nanoTime() - w0) / 1000.0 / n;
            bytes[r] = (double) (allocation.getCurrentThreadAllocatedBytes() - a0) / n;
        }
        System.out.printf("%s.%s: CPU %s us/op, wall %s us/op, allocated %.0f B/op (median) (%d rounds of %.1f s after"
                        + " %d s warm-up; load average %s)%n",
                type.getSimpleName(), args[1], stats(cpu), stats(wall), median(bytes), rounds, roundSeconds, warmup,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String stats(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        return String.format("median %.2f (min %.2f, mean %.2f)", s[s.length / 2], s[0], mean);
    }
}

package dev.gatehouse.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The figures an invocation reports, computed without the general-purpose (slower) library calls. */
class InvocationFiguresTest {

    @Test
    void durationsHaveTwoDecimalsRoundedHalfUpAsPercentPointTwoF() {
        assertThat(WorkerPool.twoDecimals(0)).isEqualTo("0.00");
        assertThat(WorkerPool.twoDecimals(0.004)).isEqualTo("0.00");
        assertThat(WorkerPool.twoDecimals(0.005)).isEqualTo("0.01");
        assertThat(WorkerPool.twoDecimals(1.5)).isEqualTo("1.50");
        assertThat(WorkerPool.twoDecimals(12.345678)).isEqualTo("12.35");
        assertThat(WorkerPool.twoDecimals(999.999)).isEqualTo("1000.00");
        assertThat(WorkerPool.report("id", 2.716, 128, 41, 77.0)).isEqualTo("REPORT RequestId: id\tDuration: 2.72 ms"
                + "\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 41 MB\tInit Duration: 77.00 ms\t");
    }

    @Test
    void requestIdsAreVersion4UuidsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = WorkerPool.requestId();
            // 8-4-4-4-12 hex digits, version nibble 4, variant 10xx (8, 9, a or b): RFC 9562 §5.4
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void maxMemoryUsedIsThePeakResidentSetInMegabytesRoundedUp() {
        String status = "Name:\tnode\nVmPeak:\t  999999 kB\nVmHWM:\t   40961 kB\nVmRSS:\t   30000 kB\n";
        byte[] b = status.getBytes(StandardCharsets.US_ASCII);
        assertThat(Worker.vmHwmMb(b, b.length)).isEqualTo(41); // 40961 kB = 40.0009... MB, rounded up
        byte[] exact = "VmHWM:\t 2048 kB\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(Worker.vmHwmMb(exact, exact.length)).isEqualTo(2);
        byte[] none = "Name:\tx\nXVmHWM: 5 kB\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(Worker.vmHwmMb(none, none.length)).isZero();
    }

    @Test
    void theBootstrapsMarkerCountIsReadOnlyAsZeroToTwo() {
        assertThat(RuntimeApiEndpoint.outputMarkers("0")).isZero();
        assertThat(RuntimeApiEndpoint.outputMarkers(" 2 ")).isEqualTo(2);
        assertThat(RuntimeApiEndpoint.outputMarkers(null)).isEqualTo(-1);
        assertThat(RuntimeApiEndpoint.outputMarkers("3")).isEqualTo(-1);
        assertThat(RuntimeApiEndpoint.outputMarkers("many")).isEqualTo(-1);
    }
}

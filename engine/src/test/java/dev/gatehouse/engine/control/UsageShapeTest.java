package dev.gatehouse.engine.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.access.UsageReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageShapeTest {

    @Test
    void usageIsAwsUsageShapeWithOnePairPerDayAndTheKeysInIdOrder() {
        UsageReport report = new UsageReport("plan01", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), Map.of(
                "zkey", List.of(List.of(1L, 9L), List.of(3L, 6L)),
                "akey", List.of(List.of(0L, 10L), List.of(10L, 0L))));

        // GetUsage's shape (aws-reference §1.11): values: {keyId: [[used, remaining] per day, oldest first]}
        assertThat(UsageShape.json(report).toString()).isEqualTo("{\"usagePlanId\":\"plan01\",\"startDate\":\"2026-12-01\","
                + "\"endDate\":\"2026-12-02\",\"values\":{\"akey\":[[0,10],[10,0]],\"zkey\":[[1,9],[3,6]]}}");
    }

    @Test
    void aPlanWithoutKeysHasEmptyValues() {
        UsageReport report = new UsageReport("plan02", LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3), Map.of());

        assertThat(UsageShape.json(report).path("values").isObject()).isTrue();
        assertThat(UsageShape.json(report).path("values").size()).isZero();
    }
}

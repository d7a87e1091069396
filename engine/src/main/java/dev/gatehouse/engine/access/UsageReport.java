package dev.gatehouse.engine.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A usage plan's usage in AWS's GetUsage shape: per API key, one {@code [used, remaining]} pair per day from
 * {@code startDate} to {@code endDate}, oldest first (aws-reference §1.11; {@code remaining} is what the plan's
 * quota had left at the end of that day, 0 without a quota — [verify] against a recording).
 */
public record UsageReport(String usagePlanId, LocalDate startDate, LocalDate endDate, Map<String, List<List<Long>>> values) {
    public UsageReport {
        values = Map.copyOf(values);
    }
}

package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.access.UsageReport;
import java.util.List;
import java.util.TreeMap;

/**
 * AWS's Usage shape, the one place it is built: {@code usagePlanId, startDate, endDate, values: {keyId: [[used,
 * remaining], …]}} with one pair per day, oldest first, and the keys in id order (so the same usage prints the same
 * text). GetUsage and UpdateUsage answer with it, and the CLI's {@code usage-plan usage} and {@code reset-usage}
 * print it, so {@code gatehouse} and {@code aws apigateway get-usage} show one shape. Stateless; any thread.
 */
public final class UsageShape {
    private UsageShape() {}

    public static ObjectNode json(UsageReport report) {
        ObjectNode out = Call.READER.createObjectNode();
        out.put("usagePlanId", report.usagePlanId());
        out.put("startDate", report.startDate().toString());
        out.put("endDate", report.endDate().toString());
        ObjectNode values = out.putObject("values");
        new TreeMap<>(report.values()).forEach((key, days) -> {
            ArrayNode perDay = values.putArray(key);
            for (List<Long> pair : days) {
                ArrayNode p = perDay.addArray();
                pair.forEach(p::add);
            }
        });
        return out;
    }
}

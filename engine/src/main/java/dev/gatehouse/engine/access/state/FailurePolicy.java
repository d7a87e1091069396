package dev.gatehouse.engine.access.state;

import java.util.Locale;

/**
 * What the engine does with a request while its shared state store cannot be reached: for throttles and for
 * quotas separately, admit it (open) or refuse it (closed). The default is throttles open, quotas closed: a
 * throttle protects the backend from bursts, and letting requests through for the length of an outage is the
 * smaller harm than refusing every caller; a quota is a contract (what a key may use per period), and admitting
 * uncounted requests would silently break it.
 *
 * <p>Refusals use the responses AWS defines for a refused request: a throttle refused by policy answers 429
 * {@code {"message":"Too Many Requests"}} and a quota refused by policy 429 {@code {"message":"Limit Exceeded"}}
 * (aws-reference §1.11), each with an execution-log line that says the state store was unavailable. AWS has no
 * outage of its own counters to copy; a 429 keeps the answer within what clients of a usage plan already handle
 * (back off and retry), where a 5xx would read as a broken integration.
 */
public record FailurePolicy(boolean throttleOpen, boolean quotaOpen) {

    public static final FailurePolicy DEFAULT = new FailurePolicy(true, false);

    /**
     * Parses {@code throttle=open|closed,quota=open|closed} (either part may be left out: it keeps its default).
     *
     * @throws IllegalArgumentException saying which part is wrong
     */
    public static FailurePolicy parse(String text) {
        boolean throttle = DEFAULT.throttleOpen;
        boolean quota = DEFAULT.quotaOpen;
        if (text == null || text.isBlank()) throw new IllegalArgumentException(
                "The state failure policy is empty; expected throttle=open|closed,quota=open|closed");
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("State failure policy part '" + part.trim()
                    + "' is not NAME=open|closed (expected throttle=open|closed,quota=open|closed)");
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            String value = kv[1].trim().toLowerCase(Locale.ROOT);
            if (!value.equals("open") && !value.equals("closed")) throw new IllegalArgumentException(
                    "State failure policy for " + name + " is '" + kv[1].trim() + "'; expected open or closed");
            switch (name) {
                case "throttle" -> throttle = value.equals("open");
                case "quota" -> quota = value.equals("open");
                default -> throw new IllegalArgumentException("State failure policy names '" + kv[0].trim()
                        + "'; expected throttle or quota");
            }
        }
        return new FailurePolicy(throttle, quota);
    }

    @Override public String toString() {
        return "throttle=" + (throttleOpen ? "open" : "closed") + ",quota=" + (quotaOpen ? "open" : "closed");
    }
}

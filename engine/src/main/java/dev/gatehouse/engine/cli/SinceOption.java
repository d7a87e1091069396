package dev.gatehouse.engine.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --since}: a duration back from now ({@code 30s}, {@code 10m}, {@code 1h}, {@code 7d}) or an ISO instant. */
final class SinceOption {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    private SinceOption() { }

    static Instant parse(String text, Instant now) {
        String t = text.trim();
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(d);
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw CliErrors.of("--since must be a duration such as 30s, 10m, 1h or 7d, or a time such as "
                    + "2026-12-02T14:00:00Z, not '" + text + "'");
        }
    }
}

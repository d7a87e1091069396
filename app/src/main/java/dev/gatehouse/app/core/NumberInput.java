package dev.gatehouse.app.core;

/**
 * Reads numbers typed into forms (throttle rates and bursts, quotas, TTLs) and says what is wrong in the product's
 * words, naming the field. Pure functions; any thread.
 */
public final class NumberInput {
    private NumberInput() {}

    /** True when the text is null or blank: the field is left to its default. */
    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A whole number from {@code min} to {@code max}; else why not, e.g. "Burst must be a whole number from 0 to 5000". */
    public static Result<Integer> whole(String field, String text, int min, int max) {
        String t = text == null ? "" : text.trim();
        try {
            int v = Integer.parseInt(t);
            if (v >= min && v <= max) return Result.ok(v);
        } catch (NumberFormatException e) {
            // below
        }
        return Result.problem(field + " must be a whole number from " + min + " to " + max
                + (t.isEmpty() ? "" : " (not \"" + t + "\")"));
    }

    /** A finite number from {@code min} to {@code max}; else why not. */
    public static Result<Double> decimal(String field, String text, double min, double max) {
        String t = text == null ? "" : text.trim();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && v >= min && v <= max) return Result.ok(v);
        } catch (NumberFormatException e) {
            // below
        }
        return Result.problem(field + " must be a number from " + plain(min) + " to " + plain(max)
                + (t.isEmpty() ? "" : " (not \"" + t + "\")"));
    }

    /** {@code 10.0} as "10", {@code 2.5} as "2.5". */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** A parsed value or the reason there is none. */
    public record Result<T>(T value, String problem) {
        static <T> Result<T> ok(T value) {
            return new Result<>(value, null);
        }

        static <T> Result<T> problem(String why) {
            return new Result<>(null, why);
        }

        public boolean ok() {
            return problem == null;
        }
    }
}

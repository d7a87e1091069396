package dev.gatehouse.engine.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Integration-response selection compiled once (aws-reference §4): the first response whose
 * {@code selectionPattern} matches the whole selection value (status code for HTTP/MOCK), else the one without
 * pattern (the default), else null (the caller answers 500 "No match for output mapping and no default output
 * mapping configured"). Whole-string matching is [verify]; patterns are tried in the order given (the deploy
 * step passes them sorted by status code key for determinism). Immutable.
 *
 * @param <T> the compiled integration response
 */
public final class ResponseSelector<T> {

    private record Candidate<T>(Pattern pattern, T target) { }

    private final List<Candidate<T>> candidates;
    private final T fallback;

    private ResponseSelector(List<Candidate<T>> candidates, T fallback) {
        this.candidates = candidates;
        this.fallback = fallback;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The chosen target, or null. */
    public T select(String selectionValue) {
        String v = selectionValue == null ? "" : selectionValue;
        for (Candidate<T> c : candidates) {
            if (c.pattern.matcher(v).matches()) return c.target;
        }
        return fallback;
    }

    /** Collects candidates; single-threaded. */
    public static final class Builder<T> {
        private final List<Candidate<T>> candidates = new ArrayList<>();
        private T fallback;

        /**
         * Adds a response; a null or empty {@code selectionPattern} makes it the default (only one allowed).
         * A bad regex throws IllegalArgumentException (PatternSyntaxException) at deploy time.
         */
        public Builder<T> add(String selectionPattern, T target) {
            Objects.requireNonNull(target, "target");
            if (selectionPattern == null || selectionPattern.isEmpty()) {
                if (fallback != null) throw new IllegalArgumentException("two default integration responses");
                fallback = target;
            } else {
                candidates.add(new Candidate<>(Pattern.compile(selectionPattern, Pattern.DOTALL), target));
            }
            return this;
        }

        public ResponseSelector<T> build() {
            return new ResponseSelector<>(List.copyOf(candidates), fallback);
        }
    }
}

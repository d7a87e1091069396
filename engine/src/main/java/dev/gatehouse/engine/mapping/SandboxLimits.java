package dev.gatehouse.engine.mapping;

import java.time.Duration;

/**
 * The bounds every template render runs within. Exceeding one fails the render with
 * {@link MappingException.Kind#LIMIT_EXCEEDED}; the engine itself is unaffected.
 *
 * @param maxForeachIterations iterations of one {@code #foreach} (AWS documents 1000)
 * @param maxOutputChars       characters a template may write (AWS's payload limit is 10 MB)
 * @param maxStringChars       length of any string a method call may return or receive as a built value
 * @param maxInsertedChars     characters inserted by references in one render, interpolated strings included;
 *                             bounds work and memory for exponential {@code #set($s = "$s$s")} growth
 * @param maxCollectionSize    size of a list or map after a template adds to it
 * @param maxMacroDepth        nesting of {@code #macro} calls
 * @param renderTimeout        wall time of one render, checked at every reference, method call, loop step,
 *                             regex step and output write (no thread is ever stopped); moved, a few times at
 *                             most, for a render whose thread got too little CPU to have used it (a stalled
 *                             machine): see {@code RenderGuard}
 */
public record SandboxLimits(int maxForeachIterations, int maxOutputChars, int maxStringChars, long maxInsertedChars,
                            int maxCollectionSize, int maxMacroDepth, Duration renderTimeout) {

    /** 1000 iterations, 10 MiB output, 10 Mi-char strings, 40 Mi inserted chars, 1M elements, depth 20, 1 s. */
    public static final SandboxLimits DEFAULT = new SandboxLimits(1000, 10 * 1024 * 1024, 10 * 1024 * 1024,
            40L * 1024 * 1024, 1_000_000, 20, Duration.ofSeconds(1));

    public SandboxLimits {
        if (maxForeachIterations < 1 || maxOutputChars < 1 || maxStringChars < 1 || maxInsertedChars < 1
                || maxCollectionSize < 1 || maxMacroDepth < 1) {
            throw new IllegalArgumentException("limits must be positive: " + this);
        }
        if (renderTimeout == null || renderTimeout.isNegative() || renderTimeout.isZero()) {
            throw new IllegalArgumentException("renderTimeout must be positive");
        }
    }

    public SandboxLimits withRenderTimeout(Duration timeout) {
        return new SandboxLimits(maxForeachIterations, maxOutputChars, maxStringChars, maxInsertedChars,
                maxCollectionSize, maxMacroDepth, timeout);
    }

    public SandboxLimits withMaxOutputChars(int chars) {
        return new SandboxLimits(maxForeachIterations, chars, maxStringChars, maxInsertedChars,
                maxCollectionSize, maxMacroDepth, renderTimeout);
    }
}

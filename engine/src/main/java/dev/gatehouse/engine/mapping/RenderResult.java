package dev.gatehouse.engine.mapping;

/**
 * The outcome of one successful render.
 *
 * @param output    the rendered text: the integration request body or the method response body
 * @param overrides what the template set under {@code $context.requestOverride}/{@code responseOverride}
 */
public record RenderResult(String output, ContextOverrides overrides) {
    public RenderResult {
        if (output == null) throw new NullPointerException("output");
        if (overrides == null) overrides = ContextOverrides.NONE;
    }
}

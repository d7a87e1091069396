package dev.gatehouse.engine.mapping;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The console's template playground: compile and render a template against a sample request and report
 * everything the template saw. Never throws for template problems: syntax and render errors come back in
 * {@link Result#error()} with their line and column. Thread-safe; the console calls it from a background
 * executor (rendering is bounded by the sandbox limits, so it returns within the render timeout).
 */
public final class Playground {

    private final TemplateCompiler compiler;

    public Playground(TemplateCompiler compiler) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
    }

    /**
     * What the template saw and produced.
     *
     * @param output         the rendered text, or null on error
     * @param overrides      {@code $context.requestOverride}/{@code responseOverride} values the template set
     * @param input          resolved {@code $input}: {@code body} and {@code params} ({path, querystring, header})
     * @param context        the {@code $context} tree after the render
     * @param stageVariables the {@code $stageVariables} after the render
     * @param references     each reference the template printed, with its printed value, in order (first 500)
     * @param error          the failure (kind, message, line, column), or null
     * @param renderNanos    render time
     */
    public record Result(String output, ContextOverrides overrides, Map<String, Object> input,
                         Map<String, Object> context, Map<String, String> stageVariables,
                         List<Map.Entry<String, String>> references, MappingException error, long renderNanos) {
        public boolean ok() {
            return error == null;
        }
    }

    /** Compiles {@code template} and renders it against {@code request}. */
    public Result render(String template, MappingRequest request) {
        CompiledTemplate compiled;
        try {
            compiled = compiler.compile(template, "playground");
        } catch (MappingException e) {
            return new Result(null, ContextOverrides.NONE, Map.of(), request.context().asMap(),
                    request.stageVariables(), List.of(), e, 0);
        }
        return render(compiled, request);
    }

    /** Renders an already compiled template against {@code request}. */
    public Result render(CompiledTemplate template, MappingRequest request) {
        CompiledTemplate.Rendering r = template.render(request, true);
        RenderResult result = r.result();
        return new Result(result == null ? null : result.output(),
                result == null ? ContextOverrides.NONE : result.overrides(), r.input(), r.context(),
                r.stageVariables(), List.copyOf(r.references()), r.failure(), r.nanos());
    }
}

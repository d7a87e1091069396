package dev.gatehouse.engine.mapping;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.exception.MacroOverflowException;
import org.apache.velocity.exception.MethodInvocationException;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.VelocityException;

/**
 * A parsed mapping template, ready to render many times. Immutable and thread-safe: each render has its own
 * context, output and budget ({@link SandboxLimits}).
 *
 * <p>Called by the data plane's request and response mapping filters on the request's (virtual) thread, and by
 * {@link Playground}. A render either returns a {@link RenderResult} or throws a {@link MappingException}:
 * {@code INVALID_PAYLOAD} (400, AWS's "Could not process payload…") when the body starts like JSON and does not
 * parse, {@code SANDBOX_VIOLATION}/{@code LIMIT_EXCEEDED}/{@code TEMPLATE_ERROR} (500) otherwise — each with the
 * template line and column when known. A failed render leaves nothing behind.
 */
public final class CompiledTemplate {

    private final String name;
    private final String source;
    private final Template template;
    private final SandboxLimits limits;
    private final Map<String, JsonPath> paths;

    CompiledTemplate(String name, String source, Template template, SandboxLimits limits,
                     Map<String, JsonPath> paths) {
        this.name = name;
        this.source = source;
        this.template = template;
        this.limits = limits;
        this.paths = paths;
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    /** Renders against {@code request}: {@code $input} reads its body and parameters. */
    public RenderResult render(MappingRequest request) {
        Rendering r = render(request, false);
        if (r.failure() != null) throw r.failure();
        return r.result();
    }

    /** Everything one render saw; the playground shows it. Exactly one of result/failure is set. */
    record Rendering(RenderResult result, MappingException failure, Map<String, Object> context,
                     Map<String, Object> input, Map<String, String> stageVariables,
                     List<Map.Entry<String, String>> references, long nanos) {}

    Rendering render(MappingRequest request, boolean trace) {
        long start = System.nanoTime();
        RenderGuard guard = new RenderGuard(limits, trace);
        InputVariable input = new InputVariable(request, paths);
        Map<String, Object> context = request.context().mutableCopy();
        prepareOverrides(context);
        Map<String, String> stageVariables = new LinkedHashMap<>(request.stageVariables());

        VelocityContext vc = new VelocityContext();
        vc.put("input", input);
        vc.put("util", UtilVariable.INSTANCE);
        vc.put("context", context);
        vc.put("stageVariables", stageVariables);
        EventCartridge events = new EventCartridge();
        events.addEventHandler(guard);
        events.attachToContext(vc);

        BoundedWriter out = new BoundedWriter(guard);
        RenderGuard previous = RenderGuard.current();
        guard.install();
        RenderResult result = null;
        MappingException failure = null;
        try {
            template.merge(vc, out);
            result = new RenderResult(out.toString(), ContextOverrides.from(context));
        } catch (RuntimeException e) {
            failure = translate(e);
        } catch (StackOverflowError e) {
            failure = MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                    "Template recursion too deep (stack exhausted)");
        } finally {
            if (previous != null) previous.install();
            else guard.uninstall();
        }
        Map<String, Object> inputSnapshot = trace ? safeSnapshot(input) : Map.of();
        return new Rendering(result, failure, context, inputSnapshot, stageVariables, guard.trace(),
                System.nanoTime() - start);
    }

    private static Map<String, Object> safeSnapshot(InputVariable input) {
        try {
            return input.snapshot();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static void prepareOverrides(Map<String, Object> context) {
        Map<String, Object> request = (Map<String, Object>) context.computeIfAbsent("requestOverride",
                k -> new LinkedHashMap<String, Object>());
        request.putIfAbsent("header", new LinkedHashMap<String, Object>());
        request.putIfAbsent("path", new LinkedHashMap<String, Object>());
        request.putIfAbsent("querystring", new LinkedHashMap<String, Object>());
        Map<String, Object> response = (Map<String, Object>) context.computeIfAbsent("responseOverride",
                k -> new LinkedHashMap<String, Object>());
        response.putIfAbsent("header", new LinkedHashMap<String, Object>());
    }

    private MappingException translate(RuntimeException e) {
        int line = 0;
        int column = 0;
        if (e instanceof MethodInvocationException mie) {
            line = mie.getLineNumber();
            column = mie.getColumnNumber();
        } else if (e instanceof ParseErrorException pe) {
            line = pe.getLineNumber();
            column = pe.getColumnNumber();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MappingException me) return line > 0 ? me.withPosition(name, line, column) : me;
            if (c.getCause() == c) break;
        }
        if (e instanceof MacroOverflowException) {
            return MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                    "Macro recursion exceeded the depth limit of " + limits.maxMacroDepth());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String detail = root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": "
                + root.getMessage();
        if (e instanceof VelocityException || root != e) {
            return MappingException.at(MappingException.Kind.TEMPLATE_ERROR, "Template error: " + detail, name,
                    line, column);
        }
        return MappingException.at(MappingException.Kind.TEMPLATE_ERROR, "Template error: " + e, name, line, column);
    }

    @Override
    public String toString() {
        return "CompiledTemplate{" + name + ", " + source.length() + " chars}";
    }
}

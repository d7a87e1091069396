package dev.gatehouse.engine.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.exception.MacroOverflowException;
import org.apache.velocity.exception.MethodInvocationException;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.util.introspection.IntrospectionCacheData;

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
    private final Map<String, JsonSupport.Path> paths;
    /**
     * False when the source never names {@code context}: VTL reaches a variable only by writing its name (no
     * {@code #evaluate}, no shared macros), so such a template cannot read or set {@code $context}, and its renders
     * skip building the per-render {@code $context} copy (the request's lazy values are then never built at all).
     */
    private final boolean readsContext;
    /** As {@link #readsContext}, for {@code $stageVariables} (its per-render copy). */
    private final boolean readsStageVariables;
    /**
     * Velocity's introspection cache (node or method key → receiver class and executor), shared by every render
     * of this template instead of rebuilt per render context: the sandbox's checks then run once per node and
     * receiver class, not once per render. Safe to share: entries hold stateless executors
     * ({@link SandboxUberspector}'s guards read the render's budget through {@link RenderGuard#current()}) and are
     * used only when the receiver's class matches; refused calls throw and are never cached. Bounded by the
     * template's size.
     */
    private final Map<Object, IntrospectionCacheData> introspection = new ConcurrentHashMap<>();
    /**
     * The length of a recent render's output, capped at {@link #MAX_OUTPUT_HINT}: the next render's output buffer
     * starts at that size instead of growing (and copying) from 256 characters. A racy hint, never a limit.
     */
    private int outputHint = 256;
    private static final int MAX_OUTPUT_HINT = 64 * 1024;
    /**
     * The template as pre-resolved Java steps when every node of it is of a kind {@link TemplatePlan} renders exactly
     * as Velocity does; else null. Renders use it first and fall back to Velocity when it gives up.
     */
    private final TemplatePlan plan;

    CompiledTemplate(String name, String source, Template template, SandboxLimits limits,
                     Map<String, JsonSupport.Path> paths, TemplatePlan plan) {
        this.name = name;
        this.source = source;
        this.template = template;
        this.limits = limits;
        this.paths = paths;
        this.plan = plan;
        this.readsContext = source.contains("context");
        this.readsStageVariables = source.contains("stageVariables");
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
        if (plan != null && !trace) {
            long start = System.nanoTime();
            Rendering planned = renderPlan(request);
            if (planned != null) {
                return planned.failure() != null ? planned : new Rendering(planned.result(), null, Map.of(), Map.of(),
                        Map.of(), List.of(), System.nanoTime() - start);
            }
        }
        return renderVelocity(request, trace);
    }

    /** True when renders try the template's {@link TemplatePlan} first. */
    boolean planned() {
        return plan != null;
    }

    /**
     * Renders with the plan: its result, or its failure when the render ran out of time (Velocity would fail the same
     * way, with no position: the deadline falls where it falls), or null when the plan gave up and Velocity must
     * render the request (from the start: the plan's variables, output and budget are dropped).
     */
    Rendering renderPlan(MappingRequest request) {
        RenderGuard guard = new RenderGuard(limits, false);
        InputVariable input = new InputVariable(request, paths);
        Map<String, Object> context = readsContext ? request.context().mutableCopy() : null;
        boolean overrides = context != null && !plan.overridesUntouched();
        if (overrides) prepareOverrides(context);
        java.util.HashMap<String, Object> vars = new java.util.HashMap<>();
        vars.put("input", input);
        vars.put("util", UtilVariable.INSTANCE);
        if (context != null) vars.put("context", context);
        if (readsStageVariables) vars.put("stageVariables", new LinkedHashMap<>(request.stageVariables()));
        BoundedWriter out = new BoundedWriter(guard, outputHint);
        RenderGuard previous = RenderGuard.current();
        guard.install();
        try {
            plan.render(new TemplatePlan.Frame(vars, out, guard));
            outputHint = Math.min(out.length() + 16, MAX_OUTPUT_HINT);
            return new Rendering(new RenderResult(out.toString(),
                    overrides ? ContextOverrides.from(context) : ContextOverrides.NONE), null, Map.of(), Map.of(),
                    Map.of(), List.of(), 0);
        } catch (MappingException e) {
            if (e.kind() == MappingException.Kind.LIMIT_EXCEEDED && guard.expired()) {
                return new Rendering(null, e, Map.of(), Map.of(), Map.of(), List.of(), 0);
            }
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        } finally {
            if (previous != null) previous.install();
            else guard.uninstall();
        }
    }

    /** Renders with Velocity (the plan, if any, not tried). */
    Rendering renderVelocity(MappingRequest request, boolean trace) {
        long start = System.nanoTime();
        RenderGuard guard = new RenderGuard(limits, trace);
        InputVariable input = new InputVariable(request, paths);
        boolean withContext = readsContext || trace;
        Map<String, Object> context = withContext ? request.context().mutableCopy() : Map.of();
        if (withContext) prepareOverrides(context);
        boolean withStageVariables = readsStageVariables || trace;
        Map<String, String> stageVariables = withStageVariables ? new LinkedHashMap<>(request.stageVariables())
                : Map.of();

        VelocityContext vc = new RenderContext(introspection);
        vc.put("input", input);
        vc.put("util", UtilVariable.INSTANCE);
        if (withContext) vc.put("context", context);
        if (withStageVariables) vc.put("stageVariables", stageVariables);
        // no event cartridge of its own: the runtime's RenderGuard.Events hands the events to `guard` (installed below)

        BoundedWriter out = new BoundedWriter(guard, outputHint);
        RenderGuard previous = RenderGuard.current();
        guard.install();
        RenderResult result = null;
        MappingException failure = null;
        try {
            template.merge(vc, out);
            outputHint = Math.min(out.length() + 16, MAX_OUTPUT_HINT);
            result = new RenderResult(out.toString(), withContext ? ContextOverrides.from(context) : ContextOverrides.NONE);
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

    /**
     * A render's variables, with the template's shared introspection cache. Only entries that hold an executor are
     * shared. Velocity's per-node markers (an empty entry an {@code ASTMethod} puts when its method was found, and
     * removes with a null put when it was not) are not kept at all: Velocity reads them only to decide whether a
     * null result goes to an invalid-reference event handler, and these renders have none (the runtime's event
     * cartridge holds {@link RenderGuard.Events} only, the context none), so such a result is null either way. Not
     * keeping them saves a map and a put per method call site per render.
     */
    private static final class RenderContext extends VelocityContext {
        private final Map<Object, IntrospectionCacheData> shared;
        private Map<Object, IntrospectionCacheData> local;

        RenderContext(Map<Object, IntrospectionCacheData> shared) {
            this.shared = shared;
        }

        @Override
        public IntrospectionCacheData icacheGet(Object key) {
            // an ASTMethod node is only ever a marker's key, and markers are not kept: nothing to look up
            if (key instanceof org.apache.velocity.runtime.parser.node.ASTMethod) return null;
            IntrospectionCacheData value = shared.get(key);
            return value == null && local != null ? local.get(key) : value;
        }

        @Override
        public void icachePut(Object key, IntrospectionCacheData value) {
            if (value != null && value.thingy != null && value.contextData != null) {
                shared.put(key, value);
            } else if (value != null && value.thingy != null) {
                if (local == null) local = new java.util.HashMap<>();
                local.put(key, value);
            } else if (local != null) {
                local.remove(key); // a marker's removal (null), or a marker: neither is kept
            }
        }
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

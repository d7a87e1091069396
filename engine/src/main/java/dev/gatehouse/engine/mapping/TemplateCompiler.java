package dev.gatehouse.engine.mapping;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.velocity.Template;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.TemplateInitException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.slf4j.helpers.NOPLogger;

/**
 * Parses VTL mapping templates once, at deploy time, into {@link CompiledTemplate}s that render many times.
 * Owns one sandboxed Velocity runtime: {@link SandboxUberspector} for every Java access, template-local macros,
 * no resource loading ({@code #parse}, {@code #include} and {@code #evaluate} are refused), Velocity 1.7
 * whitespace, {@code #if} and hyphenated-identifier semantics (the engine generation AWS runs), and Velocity's own log silenced
 * (failures surface as {@link MappingException}).
 *
 * <p>Thread-safe: deploys may compile concurrently, and compiled templates render concurrently.
 */
public final class TemplateCompiler {

    /** AWS's limit on a mapping template's size. */
    public static final int MAX_TEMPLATE_CHARS = 300 * 1024;

    private static final Set<String> REFUSED_DIRECTIVES = Set.of("parse", "include", "evaluate");
    private static final Pattern LITERAL_PATHS =
            Pattern.compile("\\$!?\\{?input\\.(?:path|json)\\(\\s*(['\"])(.*?)\\1\\s*\\)");

    private final RuntimeInstance runtime;
    private final SandboxLimits limits;
    /** False only for tests and benchmarks that render with Velocity alone ({@link TemplatePlan} off). */
    private final boolean plans;

    /** A compiler with {@link SandboxLimits#DEFAULT}. */
    public TemplateCompiler() {
        this(SandboxLimits.DEFAULT);
    }

    public TemplateCompiler(SandboxLimits limits) {
        this(limits, true);
    }

    /** A compiler whose templates call methods only by reflection when {@code directCalls} is false (tests). */
    TemplateCompiler(SandboxLimits limits, boolean directCalls) {
        this(limits, directCalls, true);
    }

    /** A compiler whose templates never render through a {@link TemplatePlan} when {@code plans} is false (tests). */
    TemplateCompiler(SandboxLimits limits, boolean directCalls, boolean plans) {
        this.plans = plans;
        this.limits = Objects.requireNonNull(limits, "limits");
        RuntimeInstance ri = new RuntimeInstance();
        ri.setProperty(RuntimeConstants.RUNTIME_LOG_INSTANCE, NOPLogger.NOP_LOGGER);
        ri.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SandboxUberspector.class.getName());
        ri.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
        ri.setProperty("resource.loader.string.class",
                "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
        ri.setProperty(RuntimeConstants.VM_MAX_DEPTH, limits.maxMacroDepth());
        ri.setProperty(RuntimeConstants.DEFINE_DIRECTIVE_MAXDEPTH, 2);
        ri.setProperty(RuntimeConstants.VM_PERM_INLINE_LOCAL, true);
        ri.setProperty(RuntimeConstants.SPACE_GOBBLING, "bc");
        ri.setProperty(RuntimeConstants.CHECK_EMPTY_OBJECTS, false);
        ri.setProperty(RuntimeConstants.PARSER_HYPHEN_ALLOWED, true); // $context.responseOverride.header.X-Foo
        ri.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, false);
        ri.init();
        ri.getApplicationEventCartridge().addEventHandler(new RenderGuard.Events());
        ((SandboxUberspector) ri.getUberspect()).directCalls(directCalls);
        this.runtime = ri;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /**
     * Parses {@code source}. {@code name} appears in errors (e.g. {@code "POST /pets application/json"}).
     *
     * @throws MappingException kind {@link MappingException.Kind#SYNTAX} with the 1-based line and column of the
     *                          problem, or {@link MappingException.Kind#SANDBOX_VIOLATION} for a refused directive
     */
    public CompiledTemplate compile(String source, String name) {
        Objects.requireNonNull(source, "source");
        String templateName = name == null ? "template" : name;
        if (source.length() > MAX_TEMPLATE_CHARS) {
            throw MappingException.of(MappingException.Kind.SYNTAX, "Mapping template is " + source.length()
                    + " characters; the limit is " + MAX_TEMPLATE_CHARS);
        }
        Template template = new Template();
        template.setName(templateName);
        template.setRuntimeServices(runtime);
        try {
            SimpleNode root = runtime.parse(new StringReader(source), template);
            secure(root, templateName);
            template.setData(root);
            template.initDocument();
        } catch (ParseException e) {
            ParseErrorException pe = new ParseErrorException(e, templateName);
            throw MappingException.at(MappingException.Kind.SYNTAX, syntaxMessage(pe.getMessage()), templateName,
                    pe.getLineNumber(), pe.getColumnNumber());
        } catch (ParseErrorException e) {
            throw MappingException.at(MappingException.Kind.SYNTAX, syntaxMessage(e.getMessage()), templateName,
                    e.getLineNumber(), e.getColumnNumber());
        } catch (TemplateInitException e) {
            throw MappingException.at(MappingException.Kind.SYNTAX, syntaxMessage(e.getMessage()), templateName,
                    e.getLineNumber(), e.getColumnNumber());
        } catch (VelocityException e) {
            throw MappingException.of(MappingException.Kind.SYNTAX, syntaxMessage(e.getMessage()));
        } catch (StackOverflowError e) {
            throw MappingException.of(MappingException.Kind.SYNTAX, "Template nests too deeply to parse");
        }
        TemplatePlan plan = plans ? TemplatePlan.of((Node) template.getData(), runtime) : null;
        return new CompiledTemplate(templateName, source, template, limits, literalPaths(source), plan);
    }

    /** Swaps in bounded ranges and refuses directives that load or evaluate other templates. */
    private static void secure(Node node, String templateName) {
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            Node child = node.jjtGetChild(i);
            if (child instanceof ASTIntegerRange range && !(child instanceof BoundedIntegerRange)) {
                BoundedIntegerRange bounded = new BoundedIntegerRange(range);
                node.jjtAddChild(bounded, i);
                child = bounded;
            }
            if (child instanceof ASTDirective d && REFUSED_DIRECTIVES.contains(d.getDirectiveName())) {
                throw MappingException.at(MappingException.Kind.SANDBOX_VIOLATION,
                        "#" + d.getDirectiveName() + " is not allowed in mapping templates", templateName,
                        d.getLine(), d.getColumn());
            }
            secure(child, templateName);
        }
    }

    private static Map<String, JsonSupport.Path> literalPaths(String source) {
        Map<String, JsonSupport.Path> paths = new LinkedHashMap<>();
        Matcher m = LITERAL_PATHS.matcher(source);
        while (m.find()) {
            String expression = m.group(2);
            try {
                if (!paths.containsKey(expression)) paths.put(expression, JsonSupport.Path.of(JsonPath.compile(expression)));
            } catch (RuntimeException ignored) {
                // an invalid path fails when (and if) the template reaches it, as on AWS
            }
        }
        return Map.copyOf(paths);
    }

    private static String syntaxMessage(String velocityMessage) {
        if (velocityMessage == null) return "Invalid mapping template";
        String first = velocityMessage.strip();
        int nl = first.indexOf('\n');
        String head = nl > 0 ? first.substring(0, nl) : first;
        return "Invalid mapping template: " + head.replaceAll("\\s+", " ");
    }
}

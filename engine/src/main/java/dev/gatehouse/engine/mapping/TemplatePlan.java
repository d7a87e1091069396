package dev.gatehouse.engine.mapping;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeServices;
import org.apache.velocity.runtime.parser.node.ASTBlock;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTElseIfStatement;
import org.apache.velocity.runtime.parser.node.ASTElseStatement;
import org.apache.velocity.runtime.parser.node.ASTExpression;
import org.apache.velocity.runtime.parser.node.ASTIdentifier;
import org.apache.velocity.runtime.parser.node.ASTIfStatement;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTSetDirective;
import org.apache.velocity.runtime.parser.node.ASTStringLiteral;
import org.apache.velocity.runtime.parser.node.ASTText;
import org.apache.velocity.runtime.parser.node.ASTprocess;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * A parsed template's Velocity tree as a tree of pre-resolved Java steps, for the common forms of mapping templates
 * only: text, references ({@code $a}, {@code $!a}, {@code ${a}}) whose parts are map properties ({@code $a.b}),
 * {@code $foreach.hasNext/index/count/first/last} and calls of {@code $input.path/json/params}, {@code $util.*} and
 * the reading methods of maps with string-literal or reference arguments, {@code #set($x = reference or literal)},
 * {@code #foreach($x in reference)} without {@code #else}, and {@code #if/#elseif/#else} on a reference. A template
 * with any other node (operators, literals of other kinds, macros, ranges, escapes, {@code #break}, ...) has no plan
 * and always renders with Velocity.
 *
 * <p>A plan renders exactly as Velocity renders the same tree with {@link TemplateCompiler}'s runtime: the same text
 * (the whitespace Velocity's "bc" space gobbling moved into directives' prefixes and postfixes is written where
 * Velocity writes it), the same null handling ({@link RenderGuard}'s insertion turns null into ""), the same
 * {@code $foreach} scope, the same limits. Wherever it meets a value or a call it does not handle exactly as the
 * sandboxed Velocity would (an unexpected receiver class, a null or non-string argument, a failing call, a limit),
 * it stops by throwing, and {@link CompiledTemplate} renders the request again with Velocity from the start — a
 * render has no effect outside its own variables, so nothing of the abandoned attempt remains. {@code
 * TemplatePlanTest} renders every template of the template tests both ways and compares.
 *
 * <p>Immutable and thread-safe; each render has its own {@link Frame}.
 */
final class TemplatePlan {

    /** The plan met something it does not render exactly as Velocity: render with Velocity instead. */
    static final class Bail extends RuntimeException {
        static final Bail INSTANCE = new Bail();

        private Bail() {
            super("not planned", null, false, false);
        }
    }

    /** One render's state: the variables (as Velocity's context holds them), the output and the budget. */
    static final class Frame {
        final Map<String, Object> vars;
        final BoundedWriter out;
        final RenderGuard guard;

        Frame(Map<String, Object> vars, BoundedWriter out, RenderGuard guard) {
            this.vars = vars;
            this.out = out;
            this.guard = guard;
        }
    }

    private static final String FOREACH = "foreach";
    private static final String CONTEXT = "context";
    private static final Set<String> SCOPE_PROPERTIES = Set.of("hasNext", "index", "count", "first", "last");
    private static final Set<String> BLOCKED_PROPERTIES = Set.of("class", "declaringClass", "classLoader");

    private final Step[] steps;
    private final boolean overridesUntouched;

    private TemplatePlan(Step[] steps, boolean overridesUntouched) {
        this.steps = steps;
        this.overridesUntouched = overridesUntouched;
    }

    /**
     * True when the template reads {@code $context} only as property chains ({@code $context.a.b}) that do not start
     * at {@code requestOverride} or {@code responseOverride}, and never assigns {@code $context}: it can then neither
     * see nor change the override maps a render prepares, so its overrides are always none and the render need not
     * prepare them.
     */
    boolean overridesUntouched() {
        return overridesUntouched;
    }

    /** Writes the template's output for {@code frame}; throws {@link Bail} (or what a step threw) to give up. */
    void render(Frame frame) {
        for (Step s : steps) s.run(frame);
    }

    /**
     * The plan of {@code root} (an initialised template tree) under {@code runtime}'s settings, or null when the tree
     * holds anything the plan does not do, or the runtime is not configured as {@link TemplateCompiler} configures it.
     */
    static TemplatePlan of(Node root, RuntimeServices runtime) {
        if (!(root instanceof ASTprocess)) return null;
        if (runtime.getSpaceGobbling() != RuntimeConstants.SpaceGobbling.BC
                || !runtime.isScopeControlEnabled(FOREACH) || runtime.isScopeControlEnabled("template")
                || runtime.getBoolean(RuntimeConstants.RUNTIME_REFERENCES_STRICT, false)) {
            return null;
        }
        int maxLoops = runtime.getInt(RuntimeConstants.MAX_NUMBER_LOOPS, Integer.MAX_VALUE);
        try {
            Builder builder = new Builder(maxLoops < 1 ? Integer.MAX_VALUE : maxLoops);
            Step[] steps = builder.children(root);
            return new TemplatePlan(steps, !builder.overridesReachable);
        } catch (Unsupported | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- building

    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final class Builder {
        private final int maxLoops;
        /** See {@link TemplatePlan#overridesUntouched()}: false until a use of $context could reach the overrides. */
        boolean overridesReachable;

        Builder(int maxLoops) {
            this.maxLoops = maxLoops;
        }

        Step[] children(Node parent) throws Unsupported {
            List<Step> out = new ArrayList<>();
            for (int i = 0; i < parent.jjtGetNumChildren(); i++) add(out, parent.jjtGetChild(i));
            return merge(out);
        }

        /** Adjacent texts joined into one write. */
        private static Step[] merge(List<Step> steps) {
            List<Step> out = new ArrayList<>();
            for (Step s : steps) {
                if (s instanceof Text t && !out.isEmpty() && out.get(out.size() - 1) instanceof Text prev) {
                    out.set(out.size() - 1, new Text(prev.text + t.text));
                } else {
                    out.add(s);
                }
            }
            return out.toArray(Step[]::new);
        }

        private static void text(List<Step> out, String text) {
            if (text != null && !text.isEmpty()) out.add(new Text(text));
        }

        private void add(List<Step> out, Node n) throws Unsupported {
            Class<?> c = n.getClass();
            if (c == ASTText.class) {
                text(out, ((ASTText) n).getCtext());
            } else if (c == ASTReference.class) {
                ASTReference ref = (ASTReference) n;
                out.add(new Insert(reference(ref), ref.literal()));
            } else if (c == ASTSetDirective.class) {
                set(out, (ASTSetDirective) n);
            } else if (c == ASTIfStatement.class) {
                ifStatement(out, (ASTIfStatement) n);
            } else if (c == ASTDirective.class && FOREACH.equals(((ASTDirective) n).getDirectiveName())) {
                foreach(out, (ASTDirective) n);
            } else {
                throw new Unsupported();
            }
        }

        /** As ASTSetDirective.render in "bc" mode: prefix, morePrefix, the assignment, postfix only with morePrefix. */
        private void set(List<Step> out, ASTSetDirective n) throws Unsupported {
            String morePrefix = field(ASTSetDirective.class, n, "morePrefix");
            if (n.jjtGetNumChildren() != 2) throw new Unsupported();
            if (!(n.jjtGetChild(0) instanceof ASTReference left) || left.getClass() != ASTReference.class
                    || left.jjtGetNumChildren() != 0 || !plainReference(left)) {
                throw new Unsupported();
            }
            String name = left.getRootString();
            if (name == null || FOREACH.equals(name)) throw new Unsupported();
            if (CONTEXT.equals(name)) overridesReachable = true;
            Expr value = expression(n.jjtGetChild(1));
            text(out, n.getPrefix());
            text(out, morePrefix);
            out.add(new Assign(name, value));
            if (!morePrefix.isEmpty()) text(out, n.getPostfix());
        }

        /** As ASTIfStatement.render in "bc" mode, its branches as ASTElseIfStatement and ASTElseStatement render. */
        private void ifStatement(List<Step> out, ASTIfStatement n) throws Unsupported {
            String morePrefix = field(ASTIfStatement.class, n, "morePrefix");
            int count = n.jjtGetNumChildren();
            if (count < 2) throw new Unsupported();
            List<Expr> conditions = new ArrayList<>();
            List<Step[]> blocks = new ArrayList<>();
            conditions.add(expression(n.jjtGetChild(0)));
            blocks.add(block(n.jjtGetChild(1)));
            for (int i = 2; i < count; i++) {
                Node branch = n.jjtGetChild(i);
                if (branch.getClass() == ASTElseIfStatement.class && branch.jjtGetNumChildren() == 2) {
                    conditions.add(expression(branch.jjtGetChild(0)));
                    blocks.add(block(branch.jjtGetChild(1)));
                } else if (branch.getClass() == ASTElseStatement.class && branch.jjtGetNumChildren() == 1) {
                    conditions.add(null);
                    blocks.add(block(branch.jjtGetChild(0)));
                } else {
                    throw new Unsupported();
                }
            }
            text(out, n.getPrefix());
            text(out, morePrefix);
            out.add(new If(conditions.toArray(Expr[]::new), blocks.toArray(Step[][]::new)));
            if (!morePrefix.isEmpty()) text(out, n.getPostfix());
        }

        /** As ASTDirective.render and Foreach.render: {@code #foreach($x in $ref)} with its block, no #else. */
        private void foreach(List<Step> out, ASTDirective n) throws Unsupported {
            if (n.jjtGetNumChildren() != 4 || !(n.jjtGetChild(0) instanceof ASTReference element)
                    || element.getClass() != ASTReference.class || element.jjtGetNumChildren() != 0
                    || n.jjtGetChild(3).getClass() != ASTBlock.class
                    || n.jjtGetChild(2).getClass() != ASTReference.class) {
                throw new Unsupported();
            }
            String key = element.getRootString();
            if (key == null || FOREACH.equals(key)) throw new Unsupported();
            if (CONTEXT.equals(key)) overridesReachable = true;
            Expr iterable = reference((ASTReference) n.jjtGetChild(2));
            Step[] body = block(n.jjtGetChild(3));
            String morePrefix = n.getMorePrefix();
            text(out, n.getPrefix());
            text(out, morePrefix);
            out.add(new Foreach(key, iterable, body, maxLoops));
            if (!morePrefix.isEmpty()) text(out, n.getPostfix());
        }

        /** As ASTBlock.render in "bc" mode: its children, postfix, morePostfix (no prefix). */
        private Step[] block(Node n) throws Unsupported {
            if (n.getClass() != ASTBlock.class) throw new Unsupported();
            ASTBlock block = (ASTBlock) n;
            List<Step> out = new ArrayList<>();
            for (int i = 0; i < block.jjtGetNumChildren(); i++) add(out, block.jjtGetChild(i));
            text(out, block.getPostfix());
            text(out, field(ASTBlock.class, block, "morePostfix"));
            return merge(out);
        }

        /** A #set right-hand side, #if condition or call argument: a reference or a constant string. */
        private Expr expression(Node n) throws Unsupported {
            if (n.getClass() == ASTExpression.class) {
                if (n.jjtGetNumChildren() != 1) throw new Unsupported();
                return expression(n.jjtGetChild(0));
            }
            if (n.getClass() == ASTReference.class) return reference((ASTReference) n);
            if (n.getClass() == ASTStringLiteral.class && ((ASTStringLiteral) n).isConstant()) {
                Object value = ((ASTStringLiteral) n).value(null);
                if (!(value instanceof String s)) throw new Unsupported();
                return new Constant(s);
            }
            throw new Unsupported();
        }

        /** A reference Velocity renders without prefixes, escapes, alternates or indexes. */
        private static boolean plainReference(ASTReference ref) throws Unsupported {
            if (ref.strictRef || ref.strictEscape) return false;
            int type = intField(ref, "referenceType");
            if (type != 1 && type != 2 && type != 3) return false; // normal, formal, quiet: not a runt
            return !booleanField(ref, "escaped")
                    && field(ASTReference.class, ref, "escPrefix").isEmpty()
                    && field(ASTReference.class, ref, "morePrefix").isEmpty()
                    && objectField(ref, "astAlternateValue") == null
                    && objectField(ref, "astIndex") == null
                    && intField(ref, "numChildren") == ref.jjtGetNumChildren();
        }

        private Expr reference(ASTReference ref) throws Unsupported {
            if (!plainReference(ref)) throw new Unsupported();
            String root = ref.getRootString();
            if (root == null) throw new Unsupported();
            int count = ref.jjtGetNumChildren();
            if (FOREACH.equals(root)) {
                // only the scope's own properties: the scope object itself never reaches the template
                if (count != 1 || ref.jjtGetChild(0).getClass() != ASTIdentifier.class) throw new Unsupported();
                String property = ((ASTIdentifier) ref.jjtGetChild(0)).getIdentifier();
                if (!SCOPE_PROPERTIES.contains(property)) throw new Unsupported();
                return new ScopeProperty(property);
            }
            if (CONTEXT.equals(root)) {
                boolean properties = count > 0;
                for (int i = 0; i < count; i++) properties &= ref.jjtGetChild(i).getClass() == ASTIdentifier.class;
                String first = count > 0 && properties ? ((ASTIdentifier) ref.jjtGetChild(0)).getIdentifier() : null;
                if (!properties || first == null || first.equals("requestOverride") || first.equals("responseOverride")) {
                    overridesReachable = true;
                }
            }
            Part[] parts = new Part[count];
            for (int i = 0; i < count; i++) {
                Node child = ref.jjtGetChild(i);
                if (child.getClass() == ASTIdentifier.class) {
                    String property = ((ASTIdentifier) child).getIdentifier();
                    if (property == null) throw new Unsupported();
                    parts[i] = new Property(property);
                } else if (child.getClass() == ASTMethod.class) {
                    ASTMethod m = (ASTMethod) child;
                    int arity = m.jjtGetNumChildren() - 1;
                    if (arity < 0 || arity > 1) throw new Unsupported();
                    Expr[] args = new Expr[arity];
                    for (int a = 0; a < arity; a++) args[a] = expression(m.jjtGetChild(a + 1));
                    parts[i] = new Call(m.getMethodName(), args);
                } else {
                    throw new Unsupported();
                }
            }
            return new Reference(root, parts);
        }

        private static String field(Class<?> owner, Object node, String name) throws Unsupported {
            Object v = read(owner, node, name);
            if (!(v instanceof String s)) throw new Unsupported();
            return s;
        }

        private static int intField(ASTReference ref, String name) throws Unsupported {
            Object v = read(ASTReference.class, ref, name);
            if (!(v instanceof Integer i)) throw new Unsupported();
            return i;
        }

        private static boolean booleanField(ASTReference ref, String name) throws Unsupported {
            Object v = read(ASTReference.class, ref, name);
            if (!(v instanceof Boolean b)) throw new Unsupported();
            return b;
        }

        private static Object objectField(ASTReference ref, String name) throws Unsupported {
            return read(ASTReference.class, ref, name);
        }

        private static Object read(Class<?> owner, Object node, String name) throws Unsupported {
            try {
                Field f = owner.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new Unsupported(); // another Velocity version: no plan
            }
        }
    }

    // ---------------------------------------------------------------- steps and expressions

    private interface Step {
        void run(Frame f);
    }

    private interface Expr {
        Object eval(Frame f);
    }

    private record Text(String text) implements Step {
        @Override
        public void run(Frame f) {
            f.out.write(text, 0, text.length());
        }
    }

    /** A reference's value written as RenderGuard's insertion handler gives it to Velocity ("" for null). */
    private record Insert(Expr value, String literal) implements Step {
        @Override
        public void run(Frame f) {
            String text = f.guard.inserted(literal, value.eval(f));
            f.out.write(text, 0, text.length());
        }
    }

    private record Assign(String name, Expr value) implements Step {
        @Override
        public void run(Frame f) {
            f.vars.put(name, value.eval(f));
        }
    }

    private record If(Expr[] conditions, Step[][] blocks) implements Step {
        @Override
        public void run(Frame f) {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i] == null || truth(conditions[i].eval(f))) {
                    for (Step s : blocks[i]) s.run(f);
                    return;
                }
            }
        }

        /** DuckType.asBoolean without empty checks, for the values whose classes have no getAsBoolean(). */
        private static boolean truth(Object v) {
            if (v == null) return false;
            if (v instanceof Boolean b) return b;
            Class<?> c = v.getClass();
            if (c == String.class || c == Integer.class || c == Long.class || c == Double.class
                    || c == java.math.BigDecimal.class || c == java.math.BigInteger.class) {
                return true;
            }
            throw Bail.INSTANCE;
        }
    }

    /** {@code $foreach} while a loop runs; Velocity's ForeachScope as far as templates can read it here. */
    private static final class LoopScope {
        int index = -1;
        boolean hasNext;
    }

    private record Foreach(String key, Expr iterable, Step[] body, int maxLoops) implements Step {
        @Override
        public void run(Frame f) {
            Object source = iterable.eval(f);
            if (source == null) return; // Velocity renders nothing for a null iterable (no #else here)
            Iterator<?> it = iterator(source);
            if (!it.hasNext()) return;
            Map<String, Object> vars = f.vars;
            Object saved = vars.get(key);
            Object outer = vars.get(FOREACH);
            LoopScope scope = new LoopScope();
            vars.put(FOREACH, scope);
            int max = f.guard.limits().maxForeachIterations();
            int taken = 0;
            int count = 1;
            while (count <= maxLoops && it.hasNext()) {
                count++;
                f.guard.checkDeadline();
                if (++taken > max) throw Bail.INSTANCE; // Velocity fails the render with its message and position
                vars.put(key, it.next());
                scope.index++;
                scope.hasNext = it.hasNext();
                for (Step s : body) s.run(f);
            }
            if (saved != null) vars.put(key, saved);
            else vars.remove(key);
            if (outer != null) vars.put(FOREACH, outer);
            else vars.remove(FOREACH);
        }

        /** What SandboxUberspector.getIterator returns, for java.util collections and maps and the JSON views. */
        private static Iterator<?> iterator(Object source) {
            boolean plain = source.getClass().getPackageName().equals("java.util") || source instanceof JsonMapView
                    || source instanceof JsonListView;
            if (plain && source instanceof Iterable<?> iterable) return iterable.iterator();
            if (plain && source instanceof Map<?, ?> map) return map.values().iterator();
            throw Bail.INSTANCE;
        }
    }

    private record Constant(String value) implements Expr {
        @Override
        public Object eval(Frame f) {
            return value;
        }
    }

    private record ScopeProperty(String name) implements Expr {
        @Override
        public Object eval(Frame f) {
            Object v = f.vars.get(FOREACH);
            if (v == null) return null;
            if (!(v instanceof LoopScope s)) throw Bail.INSTANCE;
            f.guard.tick();
            return switch (name) {
                case "hasNext" -> s.hasNext;
                case "index" -> s.index;
                case "count" -> s.index + 1;
                case "first" -> s.index == 0;
                case "last" -> !s.hasNext;
                default -> throw Bail.INSTANCE;
            };
        }
    }

    private interface Part {
        Object apply(Object receiver, Frame f);
    }

    private record Reference(String root, Part[] parts) implements Expr {
        @Override
        public Object eval(Frame f) {
            Object v = f.vars.get(root);
            for (Part p : parts) {
                if (v == null) return null;
                v = p.apply(v, f);
            }
            return v;
        }
    }

    private static boolean plainMap(Object o) {
        return o instanceof Map<?, ?> && (o.getClass().getPackageName().equals("java.util") || o instanceof JsonMapView);
    }

    /** {@code $m.key} on a plain map (SandboxUberspector's MapGet), and {@code $input.body}. */
    private record Property(String name) implements Part {
        @Override
        public Object apply(Object receiver, Frame f) {
            if (receiver instanceof InputVariable input && name.equals("body")) {
                f.guard.tick(); // Velocity's getter of the property, guarded
                return input.getBody();
            }
            if (!plainMap(receiver)) throw Bail.INSTANCE;
            f.guard.tick();
            Map<?, ?> m = (Map<?, ?>) receiver;
            Object value = m.get(name);
            if (value == null && BLOCKED_PROPERTIES.contains(name) && !m.containsKey(name)) throw Bail.INSTANCE;
            return value;
        }
    }

    /**
     * A call of one of {@link DirectMethods}'s methods, with the arguments DirectMethods accepts (non-null, a String
     * for a String parameter): then the sandboxed Velocity makes the same direct call. The result is checked as
     * SandboxUberspector's guard checks it.
     */
    private record Call(String name, Expr[] args) implements Part {
        @Override
        public Object apply(Object receiver, Frame f) {
            Object a = null;
            if (args.length == 1) {
                a = args[0].eval(f);
                if (a == null) throw Bail.INSTANCE;
            }
            Object result;
            if (receiver instanceof InputVariable input) {
                f.guard.tick();
                result = switch (args.length) {
                    case 0 -> {
                        if (!name.equals("params")) throw Bail.INSTANCE;
                        yield input.params();
                    }
                    default -> {
                        if (!(a instanceof String s)) throw Bail.INSTANCE;
                        yield switch (name) {
                            case "path" -> input.path(s);
                            case "json" -> input.json(s);
                            case "params" -> input.params(s);
                            default -> throw Bail.INSTANCE;
                        };
                    }
                };
            } else if (receiver instanceof UtilVariable util) {
                if (args.length != 1) throw Bail.INSTANCE;
                f.guard.tick();
                result = switch (name) {
                    case "escapeJavaScript" -> util.escapeJavaScript(a);
                    case "parseJson" -> util.parseJson(a);
                    case "urlEncode" -> util.urlEncode(a);
                    case "urlDecode" -> util.urlDecode(a);
                    case "base64Encode" -> util.base64Encode(a);
                    case "base64Decode" -> util.base64Decode(a);
                    default -> throw Bail.INSTANCE;
                };
            } else if (plainMap(receiver)) {
                Map<?, ?> m = (Map<?, ?>) receiver;
                f.guard.tick();
                if (args.length == 1) {
                    result = switch (name) {
                        case "get" -> m.get(a);
                        case "containsKey" -> m.containsKey(a);
                        default -> throw Bail.INSTANCE;
                    };
                } else {
                    result = switch (name) {
                        case "keySet" -> m.keySet();
                        case "values" -> m.values();
                        case "entrySet" -> m.entrySet();
                        case "size" -> m.size();
                        case "isEmpty" -> m.isEmpty();
                        default -> throw Bail.INSTANCE;
                    };
                }
            } else {
                throw Bail.INSTANCE;
            }
            if (result instanceof CharSequence cs && cs.length() > f.guard.limits().maxStringChars()) {
                throw Bail.INSTANCE;
            }
            return result;
        }
    }
}

package dev.gatehouse.engine.mapping;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * The only way a template reaches Java objects. On top of Velocity's {@link SecureUberspector} (which refuses
 * reflection, class loading, threads, files and the runtime), it lets a template call methods only on an allow-list
 * of receivers: strings, boxed numbers and booleans, arrays, {@code java.util} maps, lists, sets, entries and iterators,
 * the {@code $input}/{@code $util} variables and Velocity's {@code $foreach} scope. It refuses {@code getClass}, {@code wait}/{@code notify}, and
 * {@code String.format}-style allocation bombs; runs regex methods against a deadline; checks every call's result
 * against the string and collection limits; and bounds every {@code #foreach}. A refusal throws
 * {@link MappingException} ({@code SANDBOX_VIOLATION}) with the template position.
 *
 * <p>Engine-wide and stateless: the per-render budget comes from {@link RenderGuard#current()}. Velocity caches
 * the returned executors per template node, so these checks run at introspection and the guards at every call.
 * The methods templates call most are called without reflection ({@link DirectMethods}).
 */
public final class SandboxUberspector extends SecureUberspector {

    private static final Set<String> BLOCKED_METHODS = Set.of("getClass", "wait", "notify", "notifyAll",
            "finalize", "format", "formatted", "describeConstable", "resolveConstantDesc", "getDeclaringClass",
            "forName", "newInstance", "getClassLoader", "invoke", "exec");
    private static final Set<String> BLOCKED_PROPERTIES = Set.of("class", "declaringClass", "classLoader");
    private static final Set<String> MUTATORS = Set.of("add", "addAll", "put", "putAll", "addFirst", "addLast",
            "push", "putIfAbsent", "set", "offer");

    /** False only for tests that compare {@link DirectMethods} with the reflective calls. */
    private volatile boolean directCalls = true;

    void directCalls(boolean on) {
        directCalls = on;
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) {
        if (obj == null) return null;
        if (BLOCKED_METHODS.contains(methodName)) {
            throw violation("Method " + methodName + "() is not allowed in mapping templates", info);
        }
        requireAllowedReceiver(obj, methodName + "()", info);
        if (obj instanceof String) {
            VelMethod special = SafeStringMethods.find(methodName, args);
            if (special != null) return special;
        }
        VelMethod method = super.getMethod(obj, methodName, args, info);
        if (method == null) return null;
        Method target = method.getMethod();
        if (target != null) requireAllowedMethod(target, info);
        VelMethod direct = directCalls ? DirectMethods.of(method, obj, args) : null;
        return new GuardedMethod(direct != null ? direct : method, MUTATORS.contains(methodName));
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) {
        if (obj == null) return null;
        if (obj instanceof Map<?, ?> && isPlainMap(obj)) return new MapGet(identifier, info);
        if (BLOCKED_PROPERTIES.contains(identifier)) {
            throw violation("Property '" + identifier + "' is not allowed in mapping templates", info);
        }
        requireAllowedReceiver(obj, "." + identifier, info);
        VelPropertyGet get = super.getPropertyGet(obj, identifier, info);
        if (get == null) return null;
        if (get.getMethodName() != null && BLOCKED_METHODS.contains(get.getMethodName())) {
            throw violation("Method " + get.getMethodName() + "() is not allowed in mapping templates", info);
        }
        return new GuardedGet(get);
    }

    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info info) {
        if (obj == null) return null;
        if (!(obj instanceof Map<?, ?>) || !isPlainMap(obj)) {
            throw violation("Only map entries can be set in mapping templates (#set on ." + identifier + ")", info);
        }
        return super.getPropertySet(obj, identifier, arg, info);
    }

    @Override
    public Iterator getIterator(Object obj, Info info) {
        if (obj == null) return null;
        if (!(obj instanceof Collection<?> || obj instanceof Map<?, ?> || obj instanceof Iterator<?>
                || obj.getClass().isArray())) {
            throw violation("#foreach over " + describe(obj) + " is not allowed", info);
        }
        Iterator<?> it = plainIterator(obj);
        if (it == null) it = super.getIterator(obj, info);
        return it == null ? null : new BoundedIterator<>(it, info);
    }

    /**
     * What Velocity's own {@code getIterator} returns for a {@code java.util} collection, map or iterator, one of
     * our JSON views, or a string array (arrays, then iterables, then maps' values, then iterators, in its order),
     * without the secure introspector's class check, which every {@code #foreach} would otherwise run and which
     * allows all of these; null for anything else, which goes through that check.
     */
    private static Iterator<?> plainIterator(Object obj) {
        Class<?> c = obj.getClass();
        if (c == String[].class) return new org.apache.velocity.util.ArrayIterator(obj);
        if (!(c.getPackageName().equals("java.util") || obj instanceof JsonMapView || obj instanceof JsonListView)) {
            return null;
        }
        if (obj instanceof Iterable<?> iterable) return iterable.iterator();
        if (obj instanceof Map<?, ?> map) return map.values().iterator();
        return obj instanceof Iterator<?> iterator ? iterator : null;
    }

    private static boolean isPlainMap(Object obj) {
        String pkg = obj.getClass().getPackageName();
        return pkg.equals("java.util") || obj instanceof JsonMapView;
    }

    static boolean allowedReceiver(Object obj) {
        if (obj instanceof String || obj instanceof Boolean || obj instanceof Character) return true;
        if (obj instanceof org.apache.velocity.runtime.directive.Scope) return true; // $foreach: checked per call
        Class<?> c = obj.getClass();
        String pkg = c.getPackageName();
        if (obj instanceof Number) return pkg.equals("java.lang") || pkg.equals("java.math");
        if (obj instanceof Map<?, ?> || obj instanceof Collection<?> || obj instanceof Map.Entry<?, ?>
                || obj instanceof Iterator<?>) {
            return pkg.equals("java.util") || obj instanceof JsonMapView || obj instanceof JsonListView;
        }
        // arrays (e.g. from String.split): Velocity presents them as fixed-size lists, so $a[0], $a.get(0),
        // $a.size() and $a.isEmpty() work as in AWS's Velocity (DG mapping-template reference examples split
        // strings); their elements are checked as receivers in their own right
        if (c.isArray()) return true;
        return obj instanceof InputVariable || obj instanceof UtilVariable;
    }

    private static void requireAllowedReceiver(Object obj, String what, Info info) {
        if (!allowedReceiver(obj)) {
            throw violation("Calling " + what + " on " + describe(obj) + " is not allowed in mapping templates", info);
        }
    }

    private static void requireAllowedMethod(Method m, Info info) {
        Class<?> declaring = m.getDeclaringClass();
        if (declaring == Object.class && !Set.of("toString", "equals", "hashCode").contains(m.getName())) {
            throw violation("Method " + m.getName() + "() is not allowed in mapping templates", info);
        }
        Class<?> returns = m.getReturnType();
        if (returns == Class.class || ClassLoader.class.isAssignableFrom(returns)
                || returns.getPackageName().startsWith("java.lang.reflect")
                || returns.getPackageName().startsWith("java.lang.invoke")) {
            throw violation("Method " + m.getName() + "() returns " + returns.getSimpleName()
                    + ", which mapping templates may not use", info);
        }
    }

    private static String describe(Object obj) {
        Class<?> c = obj.getClass();
        return c.isArray() ? "an array" : "a " + c.getSimpleName();
    }

    static MappingException violation(String message, Info info) {
        return info == null ? MappingException.of(MappingException.Kind.SANDBOX_VIOLATION, message)
                : MappingException.at(MappingException.Kind.SANDBOX_VIOLATION, message, info.getTemplateName(),
                        info.getLine(), info.getColumn());
    }

    /** {@code $map.key} on a map is always {@code map.get("key")}, so JSON keys never reach Java getters. */
    private record MapGet(String key, Info info) implements VelPropertyGet {
        @Override
        public Object invoke(Object o) {
            RenderGuard guard = RenderGuard.current();
            if (guard != null) guard.tick();
            if (!(o instanceof Map<?, ?> m)) return null;
            Object value = m.get(key);
            if (value == null && BLOCKED_PROPERTIES.contains(key) && !m.containsKey(key)) {
                throw violation("Property '" + key + "' is not allowed in mapping templates", info);
            }
            return value;
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public String getMethodName() {
            return "get";
        }
    }

    /**
     * Counts the call against the deadline ({@link RenderGuard#tick}: the clock is read every 1024 steps; the methods
     * that can run long, regex and repeat, check it themselves) and checks the limits after it.
     */
    private record GuardedMethod(VelMethod delegate, boolean mutator) implements VelMethod {
        @Override
        public Object invoke(Object o, Object[] params)
                throws IllegalAccessException, java.lang.reflect.InvocationTargetException {
            RenderGuard guard = RenderGuard.current();
            if (guard != null) guard.tick();
            Object result = delegate.invoke(o, params);
            if (guard != null) {
                if (result instanceof CharSequence cs) guard.checkString(cs, getMethodName() + "()");
                if (mutator) {
                    if (o instanceof Collection<?> c) guard.checkSize(c.size(), getMethodName() + "()");
                    if (o instanceof Map<?, ?> m) guard.checkSize(m.size(), getMethodName() + "()");
                }
            }
            return result;
        }

        @Override
        public boolean isCacheable() {
            return delegate.isCacheable();
        }

        @Override
        public String getMethodName() {
            return delegate.getMethodName();
        }

        @Override
        public Method getMethod() {
            return delegate.getMethod();
        }

        @Override
        public Class<?> getReturnType() {
            return delegate.getReturnType();
        }
    }

    private record GuardedGet(VelPropertyGet delegate) implements VelPropertyGet {
        @Override
        public Object invoke(Object o) throws Exception {
            RenderGuard guard = RenderGuard.current();
            if (guard != null) guard.tick();
            return delegate.invoke(o);
        }

        @Override
        public boolean isCacheable() {
            return delegate.isCacheable();
        }

        @Override
        public String getMethodName() {
            return delegate.getMethodName();
        }
    }

    /** Stops a {@code #foreach} at the iteration limit and at the deadline. */
    private static final class BoundedIterator<T> implements Iterator<T> {
        private final Iterator<T> delegate;
        private final Info info;
        private int count;

        BoundedIterator(Iterator<T> delegate, Info info) {
            this.delegate = delegate;
            this.info = info;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public T next() {
            RenderGuard guard = RenderGuard.current();
            if (guard != null) {
                guard.checkDeadline();
                if (++count > guard.limits().maxForeachIterations()) {
                    MappingException e = MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                            "#foreach exceeded " + guard.limits().maxForeachIterations() + " iterations");
                    throw info == null ? e : e.withPosition(info.getTemplateName(), info.getLine(), info.getColumn());
                }
            }
            return delegate.next();
        }
    }
}

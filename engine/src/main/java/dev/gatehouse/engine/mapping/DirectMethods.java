package dev.gatehouse.engine.mapping;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.apache.velocity.util.introspection.VelMethod;

/**
 * Plain calls instead of reflective ones for the methods mapping templates call most: {@code $input.path/json/params},
 * {@code $util.*} and the reading methods of maps ({@code $map.get(k)}, {@code keySet()}, ...). Velocity finds the
 * method as before ({@link SandboxUberspector} checks it as before); only the call differs, and it is made with
 * what Velocity would pass and answered as {@link Method#invoke} answers: the same result, and anything the method
 * throws wrapped in an {@link InvocationTargetException}, which Velocity hands to the method-exception handler.
 * Used only where Velocity would pass the arguments unconverted: no varargs, and every argument non-null and of
 * exactly its parameter's class (or any class for an {@code Object} parameter). Stateless.
 */
final class DirectMethods {

    private DirectMethods() {}

    /** Calls the found method on a receiver with the call's arguments. */
    @FunctionalInterface
    private interface Call {
        Object call(Object receiver, Object[] args);
    }

    /**
     * A direct equivalent of {@code found} (the method Velocity chose for {@code receiver} and {@code args}), or null
     * when it is not one of the methods above or Velocity might convert an argument.
     */
    static VelMethod of(VelMethod found, Object receiver, Object[] args) {
        Method method = found.getMethod();
        if (method == null || method.isVarArgs()) return null;
        Class<?>[] types = method.getParameterTypes();
        int n = args == null ? 0 : args.length;
        if (types.length != n) return null;
        for (int i = 0; i < n; i++) {
            if (args[i] == null || types[i] != Object.class && types[i] != args[i].getClass()) return null;
        }
        Call call = call(receiver, method.getName(), n);
        return call == null ? null : new Direct(found, call);
    }

    private static Call call(Object receiver, String name, int arity) {
        String key = name + "/" + arity;
        if (receiver instanceof InputVariable) {
            return switch (key) {
                case "path/1" -> (o, a) -> ((InputVariable) o).path((String) a[0]);
                case "json/1" -> (o, a) -> ((InputVariable) o).json((String) a[0]);
                case "params/0" -> (o, a) -> ((InputVariable) o).params();
                case "params/1" -> (o, a) -> ((InputVariable) o).params((String) a[0]);
                default -> null;
            };
        }
        if (receiver instanceof UtilVariable) {
            return switch (key) {
                case "escapeJavaScript/1" -> (o, a) -> ((UtilVariable) o).escapeJavaScript(a[0]);
                case "parseJson/1" -> (o, a) -> ((UtilVariable) o).parseJson(a[0]);
                case "urlEncode/1" -> (o, a) -> ((UtilVariable) o).urlEncode(a[0]);
                case "urlDecode/1" -> (o, a) -> ((UtilVariable) o).urlDecode(a[0]);
                case "base64Encode/1" -> (o, a) -> ((UtilVariable) o).base64Encode(a[0]);
                case "base64Decode/1" -> (o, a) -> ((UtilVariable) o).base64Decode(a[0]);
                default -> null;
            };
        }
        if (receiver instanceof Map<?, ?>
                && (receiver.getClass().getPackageName().equals("java.util") || receiver instanceof JsonMapView)) {
            return switch (key) {
                case "get/1" -> (o, a) -> ((Map<?, ?>) o).get(a[0]);
                case "containsKey/1" -> (o, a) -> ((Map<?, ?>) o).containsKey(a[0]);
                case "keySet/0" -> (o, a) -> ((Map<?, ?>) o).keySet();
                case "values/0" -> (o, a) -> ((Map<?, ?>) o).values();
                case "entrySet/0" -> (o, a) -> ((Map<?, ?>) o).entrySet();
                case "size/0" -> (o, a) -> ((Map<?, ?>) o).size();
                case "isEmpty/0" -> (o, a) -> ((Map<?, ?>) o).isEmpty();
                default -> null;
            };
        }
        return null;
    }

    /** The found method, called directly; reports the found method's name, method and return type. */
    private record Direct(VelMethod found, Call call) implements VelMethod {
        @Override
        public Object invoke(Object o, Object[] params) throws InvocationTargetException {
            try {
                return call.call(o, params);
            } catch (Throwable t) { // as Method.invoke reports what the method threw
                throw new InvocationTargetException(t);
            }
        }

        @Override
        public boolean isCacheable() {
            return found.isCacheable();
        }

        @Override
        public String getMethodName() {
            return found.getMethodName();
        }

        @Override
        public Method getMethod() {
            return found.getMethod();
        }

        @Override
        public Class<?> getReturnType() {
            return found.getReturnType();
        }
    }
}

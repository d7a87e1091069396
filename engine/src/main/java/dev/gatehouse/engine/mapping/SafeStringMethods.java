package dev.gatehouse.engine.mapping;

import java.lang.reflect.Method;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.velocity.util.introspection.VelMethod;

/**
 * String methods a template may call but that could hang or exhaust the engine if run as-is: regex methods
 * ({@code replaceAll}, {@code replaceFirst}, {@code matches}, {@code split}) run against a deadline-checking
 * {@link CharSequence} so catastrophic backtracking ends at the render deadline; {@code repeat} and
 * {@code replace} check the size of their result before allocating it. Same results as {@link String}'s methods.
 */
final class SafeStringMethods {
    private SafeStringMethods() {}

    /** The safe implementation of {@code name(args)} on a string, or null to use the ordinary method. */
    static VelMethod find(String name, Object[] args) {
        int n = args == null ? 0 : args.length;
        return switch (name) {
            case "replaceAll", "replaceFirst" -> n == 2 && args[0] instanceof String && args[1] instanceof String
                    ? new Op(name, String.class, String.class, String.class) : null;
            case "matches" -> n == 1 && args[0] instanceof String ? new Op(name, boolean.class, String.class) : null;
            case "split" -> n == 1 && args[0] instanceof String ? new Op(name, String[].class, String.class)
                    : n == 2 && args[0] instanceof String && args[1] instanceof Number
                    ? new Op(name, String[].class, String.class, int.class) : null;
            case "repeat" -> n == 1 && args[0] instanceof Number ? new Op(name, String.class, int.class) : null;
            case "replace" -> n == 2 && args[0] instanceof CharSequence && args[1] instanceof CharSequence
                    && !(args[0] instanceof Character) ? new Op(name, String.class, CharSequence.class,
                    CharSequence.class) : null;
            default -> null;
        };
    }

    private record Op(String name, Class<?> returnType, Class<?>... params) implements VelMethod {

        @Override
        public Object invoke(Object o, Object[] args) {
            RenderGuard guard = RenderGuard.current();
            String s = (String) o;
            if (guard != null) guard.checkDeadline();
            Object result = switch (name) {
                case "replaceAll", "replaceFirst" -> regexReplace(s, (String) args[0], (String) args[1],
                        name.equals("replaceAll"), guard);
                case "matches" -> pattern((String) args[0]).matcher(guarded(s, guard)).matches();
                case "split" -> pattern((String) args[0]).split(guarded(s, guard),
                        args.length > 1 ? ((Number) args[1]).intValue() : 0);
                case "repeat" -> repeat(s, ((Number) args[0]).intValue(), guard);
                case "replace" -> replace(s, args[0].toString(), args[1].toString(), guard);
                default -> throw new IllegalStateException(name);
            };
            if (result instanceof String[] parts) {
                String[] plain = new String[parts.length];
                for (int i = 0; i < parts.length; i++) plain[i] = parts[i].toString();
                return plain;
            }
            return result;
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public String getMethodName() {
            return name;
        }

        @Override
        public Method getMethod() {
            try {
                return String.class.getMethod(name, params);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }

        @Override
        public Class<?> getReturnType() {
            return returnType;
        }
    }

    private static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw MappingException.of(MappingException.Kind.TEMPLATE_ERROR, "Invalid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + " in " + regex);
        }
    }

    private static CharSequence guarded(String s, RenderGuard guard) {
        return guard == null ? s : new DeadlineCharSequence(s, guard);
    }

    private static String regexReplace(String s, String regex, String replacement, boolean all, RenderGuard guard) {
        Matcher m = pattern(regex).matcher(guarded(s, guard));
        StringBuilder out = new StringBuilder(s.length());
        boolean found = false;
        while (m.find()) {
            found = true;
            m.appendReplacement(out, replacement);
            if (guard != null) guard.checkString(out, "replaceAll()");
            if (!all) break;
        }
        if (!found) return s;
        m.appendTail(out);
        if (guard != null) guard.checkString(out, name(all));
        return out.toString();
    }

    private static String name(boolean all) {
        return all ? "replaceAll()" : "replaceFirst()";
    }

    private static String repeat(String s, int count, RenderGuard guard) {
        if (count < 0) throw MappingException.of(MappingException.Kind.TEMPLATE_ERROR, "repeat() count is negative");
        long size = (long) s.length() * count;
        int max = guard == null ? Integer.MAX_VALUE : guard.limits().maxStringChars();
        if (size > max) {
            throw MappingException.of(MappingException.Kind.LIMIT_EXCEEDED,
                    "repeat() would produce " + size + " characters; the limit is " + max);
        }
        return s.repeat(count);
    }

    private static String replace(String s, String target, String replacement, RenderGuard guard) {
        if (guard != null) {
            long occurrences;
            if (target.isEmpty()) {
                occurrences = s.length() + 1L;
            } else {
                occurrences = 0;
                for (int i = s.indexOf(target); i >= 0; i = s.indexOf(target, i + target.length())) occurrences++;
            }
            long size = s.length() + occurrences * (replacement.length() - (long) target.length());
            if (size > guard.limits().maxStringChars()) {
                throw MappingException.of(MappingException.Kind.LIMIT_EXCEEDED, "replace() would produce " + size
                        + " characters; the limit is " + guard.limits().maxStringChars());
            }
        }
        return s.replace(target, replacement);
    }

    /** A string view that checks the render deadline as the regex engine walks it. */
    private record DeadlineCharSequence(String s, RenderGuard guard) implements CharSequence {
        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            guard.tick();
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineCharSequence(s.substring(start, end), guard);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}

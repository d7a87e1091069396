package dev.gatehouse.engine.deploy;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.GatewayResponse;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.RequestValidator;
import dev.gatehouse.engine.model.Resource;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed between two versions of an API definition: two deployments, or a deployment and the draft.
 * Resources are matched by path and methods by path and verb (a renamed resource is a removal and an addition);
 * models, validators and authorizers by name; gateway responses by type. Entries come in a stable order: API
 * settings, then by path, then models and the rest.
 *
 * <p>An entry is <em>breaking</em> when a client that worked against {@code from} may fail against {@code to}:
 * a removed resource or method, a new required request parameter (or an optional one made required), a changed
 * integration type, authorization or an API key newly required.
 *
 * <p>A pure function of its two inputs: no I/O, thread-safe, cheap enough for the FX thread on small APIs (the
 * console still computes it in the background).
 *
 * @param entries every difference, in display order
 */
public record DeploymentDiff(List<Entry> entries) {

    public DeploymentDiff {
        entries = List.copyOf(entries);
    }

    /** Whether something was added, removed or changed. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One difference.
     *
     * @param subject  what it belongs to: {@code "GET /pets"}, {@code "/pets"}, {@code "Model Pet"}, {@code "API settings"}
     * @param detail   which part: {@code "Integration response 200: template application/json"}; empty for the whole subject
     * @param before   the old value as text, null when there was none
     * @param after    the new value as text, null when there is none
     * @param breaking true when clients of {@code from} may break
     */
    public record Entry(Kind kind, String subject, String detail, String before, String after, boolean breaking) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            if (detail == null) detail = "";
        }
    }

    /** The differences from {@code from} to {@code to}. */
    public static DeploymentDiff between(ApiDefinition from, ApiDefinition to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Builder b = new Builder();
        b.components("API settings", "", from.restApi(), to.restApi(), Set.of("id", "createdDate", "rootResourceId", "warnings"));
        resources(b, from, to);
        keyed(b, "Model ", from.models(), to.models(), Model::name, (s, x, y) -> {
            b.field(s, "schema", x.schema(), y.schema(), false);
            b.components(s, "", x, y, Set.of("id", "name", "schema"));
        });
        keyed(b, "Request validator ", from.requestValidators(), to.requestValidators(), RequestValidator::name,
                (s, x, y) -> b.components(s, "", x, y, Set.of("id", "name")));
        keyed(b, "Authorizer ", from.authorizers(), to.authorizers(), Authorizer::name,
                (s, x, y) -> b.components(s, "", x, y, Set.of("id", "name")));
        keyed(b, "Gateway response ", from.gatewayResponses(), to.gatewayResponses(), g -> String.valueOf(g.responseType()),
                (s, x, y) -> gatewayResponse(b, s, x, y));
        return new DeploymentDiff(b.entries);
    }

    /** True when the two definitions serve the same. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The breaking entries only. */
    public List<Entry> breaking() {
        return entries.stream().filter(Entry::breaking).toList();
    }

    // ---- resources and methods -------------------------------------------------------------------------------

    private static void resources(Builder b, ApiDefinition from, ApiDefinition to) {
        Map<String, Resource> before = byKey(from.resources(), Resource::path);
        Map<String, Resource> after = byKey(to.resources(), Resource::path);
        for (String path : union(before.keySet(), after.keySet())) {
            Resource x = before.get(path);
            Resource y = after.get(path);
            if (x == null) {
                b.add(Kind.ADDED, path, "", null, "resource", false);
            } else if (y == null) {
                b.add(Kind.REMOVED, path, "", "resource", null, true);
            }
            Map<String, Method> xm = x == null ? Map.of() : x.resourceMethods();
            Map<String, Method> ym = y == null ? Map.of() : y.resourceMethods();
            for (String verb : union(xm.keySet(), ym.keySet())) {
                String subject = verb + " " + path;
                Method mx = xm.get(verb);
                Method my = ym.get(verb);
                if (mx == null) b.add(Kind.ADDED, subject, "", null, "method", false);
                else if (my == null) b.add(Kind.REMOVED, subject, "", "method", null, true);
                else method(b, subject, mx, my);
            }
        }
    }

    private static void method(Builder b, String s, Method x, Method y) {
        boolean authAdded = x.authorizationType() == AuthorizationType.NONE && y.authorizationType() != AuthorizationType.NONE;
        b.field(s, "authorization", x.authorizationType(), y.authorizationType(), authAdded);
        b.field(s, "authorizer", x.authorizerId(), y.authorizerId(), false);
        b.field(s, "authorization scopes", x.authorizationScopes(), y.authorizationScopes(), false);
        b.field(s, "API key required", x.apiKeyRequired(), y.apiKeyRequired(), Boolean.TRUE.equals(y.apiKeyRequired()));
        b.field(s, "request validator", x.requestValidatorId(), y.requestValidatorId(), false);
        b.field(s, "operation name", x.operationName(), y.operationName(), false);
        for (String name : union(x.requestParameters().keySet(), y.requestParameters().keySet())) {
            Boolean rx = x.requestParameters().get(name);
            Boolean ry = y.requestParameters().get(name);
            boolean newlyRequired = Boolean.TRUE.equals(ry) && !Boolean.TRUE.equals(rx);
            b.keyed(s, "request parameter " + name, rx == null ? null : required(rx), ry == null ? null : required(ry), newlyRequired);
        }
        b.map(s, "request model ", x.requestModels(), y.requestModels(), false);
        for (String status : union(x.methodResponses().keySet(), y.methodResponses().keySet())) {
            MethodResponse rx = x.methodResponses().get(status);
            MethodResponse ry = y.methodResponses().get(status);
            String d = "method response " + status;
            if (rx == null || ry == null) b.keyed(s, d, rx == null ? null : "defined", ry == null ? null : "defined", false);
            else {
                b.map(s, d + ": header ", text(rx.responseParameters()), text(ry.responseParameters()), false);
                b.map(s, d + ": model ", rx.responseModels(), ry.responseModels(), false);
            }
        }
        integration(b, s, x.methodIntegration(), y.methodIntegration());
    }

    private static void integration(Builder b, String s, Integration x, Integration y) {
        if (x == null && y == null) return;
        if (x == null || y == null) {
            b.keyed(s, "integration", x == null ? null : String.valueOf(x.type()), y == null ? null : String.valueOf(y.type()), x != null);
            return;
        }
        b.field(s, "integration type", x.type(), y.type(), true);
        b.field(s, "integration HTTP method", x.httpMethod(), y.httpMethod(), false);
        b.field(s, "endpoint URL", x.uri(), y.uri(), false);
        b.components(s, "integration ", x, y, Set.of("type", "httpMethod", "uri", "requestParameters", "requestTemplates", "integrationResponses"));
        b.map(s, "integration request parameter ", x.requestParameters(), y.requestParameters(), false);
        b.map(s, "request template ", x.requestTemplates(), y.requestTemplates(), false);
        for (String status : union(x.integrationResponses().keySet(), y.integrationResponses().keySet())) {
            IntegrationResponse rx = x.integrationResponses().get(status);
            IntegrationResponse ry = y.integrationResponses().get(status);
            String d = "integration response " + status;
            if (rx == null || ry == null) {
                b.keyed(s, d, rx == null ? null : pattern(rx), ry == null ? null : pattern(ry), false);
                continue;
            }
            b.field(s, d + ": selection pattern", rx.selectionPattern(), ry.selectionPattern(), false);
            b.field(s, d + ": content handling", rx.contentHandling(), ry.contentHandling(), false);
            b.map(s, d + ": header ", rx.responseParameters(), ry.responseParameters(), false);
            b.map(s, d + ": template ", rx.responseTemplates(), ry.responseTemplates(), false);
        }
    }

    private static void gatewayResponse(Builder b, String s, GatewayResponse x, GatewayResponse y) {
        b.field(s, "status", x.statusCode(), y.statusCode(), false);
        b.map(s, "header ", x.responseParameters(), y.responseParameters(), false);
        b.map(s, "template ", x.responseTemplates(), y.responseTemplates(), false);
    }

    private static String required(boolean required) {
        return required ? "required" : "optional";
    }

    private static String pattern(IntegrationResponse r) {
        return r.isDefault() ? "default" : "selection pattern " + r.selectionPattern();
    }

    private static Map<String, String> text(Map<String, Boolean> required) {
        Map<String, String> out = new TreeMap<>();
        required.forEach((k, v) -> out.put(k, required(Boolean.TRUE.equals(v))));
        return out;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private interface Pair<T> {
        void compare(String subject, T before, T after);
    }

    private static <T> void keyed(Builder b, String prefix, List<T> from, List<T> to, Function<T, String> key, Pair<T> pair) {
        Map<String, T> before = byKey(from, key);
        Map<String, T> after = byKey(to, key);
        for (String k : union(before.keySet(), after.keySet())) {
            T x = before.get(k);
            T y = after.get(k);
            String subject = prefix + k;
            if (x == null) b.add(Kind.ADDED, subject, "", null, "defined", false);
            else if (y == null) b.add(Kind.REMOVED, subject, "", "defined", null, false);
            else pair.compare(subject, x, y);
        }
    }

    private static <T> Map<String, T> byKey(List<T> list, Function<T, String> key) {
        Map<String, T> out = new TreeMap<>();
        for (T t : list) out.putIfAbsent(String.valueOf(key.apply(t)), t);
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Collects entries; every comparison ends in {@link #add}. */
    private static final class Builder {
        final List<Entry> entries = new ArrayList<>();

        void add(Kind kind, String subject, String detail, String before, String after, boolean breaking) {
            entries.add(new Entry(kind, subject, detail, before, after, breaking));
        }

        /** A value that may be absent on either side: added, removed or changed. */
        void keyed(String subject, String detail, String before, String after, boolean breaking) {
            if (Objects.equals(before, after)) return;
            Kind kind = before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
            add(kind, subject, detail, before, after, breaking);
        }

        /** A setting that always exists: changed or not. */
        void field(String subject, String detail, Object before, Object after, boolean breakingIfChanged) {
            if (Objects.equals(before, after)) return;
            add(Kind.CHANGED, subject, detail, before == null ? null : String.valueOf(before),
                    after == null ? null : String.valueOf(after), breakingIfChanged);
        }

        void map(String subject, String detailPrefix, Map<String, String> before, Map<String, String> after, boolean breaking) {
            for (String k : union(before.keySet(), after.keySet())) {
                keyed(subject, detailPrefix + k, before.get(k), after.get(k), breaking);
            }
        }

        /** Every record component not in {@code skip}, by its name. */
        void components(String subject, String detailPrefix, Record before, Record after, Set<String> skip) {
            for (RecordComponent c : before.getClass().getRecordComponents()) {
                if (skip.contains(c.getName())) continue;
                try {
                    Object x = c.getAccessor().invoke(before);
                    Object y = c.getAccessor().invoke(after);
                    field(subject, detailPrefix + c.getName(), x, y, false);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c, e);
                }
            }
        }
    }
}

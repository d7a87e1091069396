package dev.gatehouse.engine.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The API Gateway operation an edit of an API amounts to, as the audit trail's {@code eventName}: CloudTrail records
 * the control-plane call ({@code CreateResource}, {@code PutMethod}, {@code UpdateIntegration}, ...), so an edit made
 * in the console or the CLI is named after the call that would have made it on AWS. Worked out from the API before and
 * after by id (resources, models, validators, authorizers), HTTP method, status code and response type. An edit of
 * several kinds at once (an import, Enable CORS) is named after its most structural change, in {@link Op}'s order;
 * one that changes only the API's own settings, or nothing recognisable, is {@code UpdateRestApi}. Stateless.
 */
final class AuditEventNames {

    private static final ObjectMapper MAPPER = Json.mapper();

    /** AWS's operation names, the most structural first: an edit is named after the first that applies. */
    enum Op {
        CreateRestApi, DeleteRestApi,
        CreateResource, DeleteResource, UpdateResource,
        PutMethod, DeleteMethod, PutIntegration, DeleteIntegration, UpdateMethod, UpdateIntegration,
        PutMethodResponse, DeleteMethodResponse, UpdateMethodResponse,
        PutIntegrationResponse, DeleteIntegrationResponse, UpdateIntegrationResponse,
        CreateModel, DeleteModel, UpdateModel,
        CreateRequestValidator, DeleteRequestValidator, UpdateRequestValidator,
        CreateAuthorizer, DeleteAuthorizer, UpdateAuthorizer,
        PutGatewayResponse, DeleteGatewayResponse, UpdateGatewayResponse,
        UpdateRestApi
    }

    private AuditEventNames() { }

    /** The operation name of the edit from {@code before} to {@code after} (either null: created, deleted). */
    static String of(ApiDefinition before, ApiDefinition after) {
        return ops(before, after).stream().findFirst().orElse(Op.UpdateRestApi).name();
    }

    /** Every kind of change the edit makes, in {@link Op}'s order. */
    static Set<Op> ops(ApiDefinition before, ApiDefinition after) {
        Set<Op> ops = EnumSet.noneOf(Op.class);
        if (before == null || after == null) {
            ops.add(before == null ? Op.CreateRestApi : Op.DeleteRestApi);
            return ops;
        }
        compare(byKey(before.resources(), Resource::id), byKey(after.resources(), Resource::id),
                Op.CreateResource, Op.DeleteResource, (a, b) -> {
                    if (!Objects.equals(a.parentId(), b.parentId()) || !Objects.equals(a.pathPart(), b.pathPart())) {
                        ops.add(Op.UpdateResource);
                    }
                    compare(a.resourceMethods(), b.resourceMethods(), Op.PutMethod, Op.DeleteMethod,
                            (m, n) -> method(m, n, ops), ops);
                }, ops);
        compare(byKey(before.models(), m -> m.id()), byKey(after.models(), m -> m.id()),
                Op.CreateModel, Op.DeleteModel, (a, b) -> { if (!a.equals(b)) ops.add(Op.UpdateModel); }, ops);
        compare(byKey(before.requestValidators(), v -> v.id()), byKey(after.requestValidators(), v -> v.id()),
                Op.CreateRequestValidator, Op.DeleteRequestValidator,
                (a, b) -> { if (!a.equals(b)) ops.add(Op.UpdateRequestValidator); }, ops);
        compare(byKey(before.authorizers(), a -> a.id()), byKey(after.authorizers(), a -> a.id()),
                Op.CreateAuthorizer, Op.DeleteAuthorizer, (a, b) -> { if (!a.equals(b)) ops.add(Op.UpdateAuthorizer); }, ops);
        compare(byKey(before.gatewayResponses(), g -> String.valueOf(g.responseType())),
                byKey(after.gatewayResponses(), g -> String.valueOf(g.responseType())),
                Op.PutGatewayResponse, Op.DeleteGatewayResponse,
                (a, b) -> { if (!a.equals(b)) ops.add(Op.UpdateGatewayResponse); }, ops);
        if (!Objects.equals(before.restApi(), after.restApi())) ops.add(Op.UpdateRestApi);
        return ops;
    }

    private static void method(Method a, Method b, Set<Op> ops) {
        if (!without(a, "methodResponses", "methodIntegration").equals(without(b, "methodResponses", "methodIntegration"))) {
            ops.add(Op.UpdateMethod);
        }
        compare(a.methodResponses(), b.methodResponses(), Op.PutMethodResponse, Op.DeleteMethodResponse,
                (x, y) -> { if (!x.equals(y)) ops.add(Op.UpdateMethodResponse); }, ops);
        Integration i = a.methodIntegration();
        Integration j = b.methodIntegration();
        if (i == null && j == null) return;
        if (i == null || j == null) {
            ops.add(i == null ? Op.PutIntegration : Op.DeleteIntegration);
            return;
        }
        if (!without(i, "integrationResponses").equals(without(j, "integrationResponses"))) ops.add(Op.UpdateIntegration);
        compare(i.integrationResponses(), j.integrationResponses(), Op.PutIntegrationResponse,
                Op.DeleteIntegrationResponse, (x, y) -> { if (!x.equals(y)) ops.add(Op.UpdateIntegrationResponse); }, ops);
    }

    /** Adds {@code created} / {@code deleted} for keys on one side only and runs {@code both} on keys on both. */
    private static <T> void compare(Map<String, T> before, Map<String, T> after, Op created, Op deleted,
                                    java.util.function.BiConsumer<T, T> both, Set<Op> ops) {
        Map<String, T> a = before == null ? Map.of() : before;
        Map<String, T> b = after == null ? Map.of() : after;
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            T x = a.get(key);
            T y = b.get(key);
            if (x == null) ops.add(created);
            else if (y == null) ops.add(deleted);
            else both.accept(x, y);
        }
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> m = new LinkedHashMap<>();
        if (items != null) for (T item : items) m.put(key.apply(item), item);
        return m;
    }

    private static JsonNode without(Object value, String... members) {
        JsonNode tree = MAPPER.valueToTree(value);
        if (tree instanceof ObjectNode o) for (String m : members) o.remove(m);
        return tree;
    }
}

package dev.gatehouse.engine.routing;

import java.util.Map;
import java.util.Objects;

/**
 * Everything the data plane serves at one moment: every API's deployed stages, which API plain
 * {@code /{stage}/...} URLs reach, and the custom domains. Immutable; the deploy step builds a new one and swaps
 * it in (see {@code server.PlanHolder}); requests in flight keep the plan they started with.
 *
 * @param apis         api id -> plan
 * @param defaultApiId the API for plain {@code /{stage}/...} addressing, or null (then: the only API, if one)
 * @param domains      custom domains ({@link DomainResolver#NONE} for none)
 */
public record RuntimePlan(Map<String, ApiPlan> apis, String defaultApiId, DomainResolver domains) {

    /** Serves nothing: every request gets 403 Missing Authentication Token. */
    public static final RuntimePlan EMPTY = new RuntimePlan(Map.of(), null, DomainResolver.NONE);

    public RuntimePlan {
        apis = Map.copyOf(apis);
        domains = domains == null ? DomainResolver.NONE : domains;
        if (defaultApiId == null && apis.size() == 1) defaultApiId = apis.keySet().iterator().next();
    }

    /** Where a request goes: custom domain first, then execute-api addressing; null when unaddressable. */
    public InvokeAddress address(String host, String rawPath) {
        InvokeAddress a = domains.resolve(host, rawPath);
        return a != null ? a : InvokeAddress.parse(host, rawPath);
    }

    /** The API an address names (the default API for a null id); null when unknown. */
    public ApiPlan api(InvokeAddress address) {
        Objects.requireNonNull(address, "address");
        String id = address.apiId() != null ? address.apiId() : defaultApiId;
        return id == null ? null : apis.get(id);
    }
}

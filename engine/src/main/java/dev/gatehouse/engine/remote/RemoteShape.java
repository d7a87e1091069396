package dev.gatehouse.engine.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;

/**
 * What a remote API's draft defines, method by method ({@code "GET /pets/{petId}"} → the method with its
 * integration and responses, as the remote returns it from GetResources with {@code embed=methods}), for the
 * semantic diff a push reports. Ids the remote makes up (resource ids, the default cache namespace) are left out, so
 * an unchanged method compares equal whatever ids the remote gave it on overwrite.
 */
record RemoteShape(Map<String, String> methods) {

    /** Reads the draft of a remote API (all pages). */
    static RemoteShape read(ApiGatewayClient client, String restApiId) {
        Map<String, String> out = new TreeMap<>();
        for (Resource r : client.getResourcesPaginator(b -> b.restApiId(restApiId).embed("methods").limit(500)).items()) {
            if (!r.hasResourceMethods()) continue;
            for (Map.Entry<String, Method> e : r.resourceMethods().entrySet()) {
                out.put(e.getKey() + " " + r.path(), signature(e.getValue()));
            }
        }
        return new RemoteShape(out);
    }

    static RemoteShape empty() {
        return new RemoteShape(Map.of());
    }

    private static String signature(Method m) {
        Integration i = m.methodIntegration();
        Integration withoutIds = i == null ? null : i.toBuilder().cacheNamespace(null).build();
        return m.toBuilder().methodIntegration(withoutIds).build().toString();
    }

    /** The changes from this shape to {@code after}: {@code + GET /new}, {@code - DELETE /old}, {@code ~ POST /changed}. */
    List<String> diff(RemoteShape after) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : after.methods.entrySet()) {
            String before = methods.get(e.getKey());
            if (before == null) out.add("+ " + e.getKey());
            else if (!Objects.equals(before, e.getValue())) out.add("~ " + e.getKey());
        }
        for (String k : methods.keySet()) if (!after.methods.containsKey(k)) out.add("- " + k);
        out.sort((a, b) -> a.substring(2).compareTo(b.substring(2)));
        return out;
    }
}

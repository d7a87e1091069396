package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.RequestValidator;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.RestApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies an imported definition to an existing API. Ids are already shared (the import reused the existing
 * ids by path and name), so both modes only decide what survives.
 */
final class ImportModes {
    private ImportModes() {}

    /** The document's definition under the existing API's identity; its name kept when the document has no title. */
    static ApiDefinition overwrite(ApiDefinition existing, ApiDefinition imported, JsonNode documentRoot) {
        RestApi old = existing.restApi();
        RestApi doc = imported.restApi();
        boolean hasTitle = documentRoot.path("info").path("title").isValueNode();
        boolean hasEndpoint = imported.restApi().endpointConfiguration() != null
                && (documentRoot.has(RestApiExtensions.ENDPOINT_CONFIGURATION) || hasServerEndpoint(documentRoot));
        RestApi api = new RestApi(old.id(), hasTitle ? doc.name() : old.name(), doc.description(), old.createdDate(),
                doc.version(), doc.warnings(), doc.binaryMediaTypes(), doc.minimumCompressionSize(), doc.apiKeySource(),
                hasEndpoint ? doc.endpointConfiguration() : old.endpointConfiguration(), doc.policy(), doc.tags(),
                hasEndpoint ? doc.disableExecuteApiEndpoint() : old.disableExecuteApiEndpoint(), old.rootResourceId());
        return imported.withRestApi(api);
    }

    /** AWS merge: the document's parts are added; a method, model, validator, authorizer or gateway response in both is replaced. */
    static ApiDefinition merge(ApiDefinition existing, ApiDefinition imported, JsonNode documentRoot) {
        Map<String, Resource> byPath = new LinkedHashMap<>();
        for (Resource r : existing.resources()) byPath.put(r.path(), r);
        for (Resource r : imported.resources()) {
            Resource old = byPath.get(r.path());
            if (old == null) {
                byPath.put(r.path(), r);
            } else {
                Resource merged = old;
                for (Method m : r.resourceMethods().values()) merged = merged.withMethod(m);
                byPath.put(r.path(), merged);
            }
        }
        RestApi old = existing.restApi();
        RestApi doc = imported.restApi();
        List<String> binary = new ArrayList<>(new LinkedHashSet<>(concat(old.binaryMediaTypes(), doc.binaryMediaTypes())));
        Map<String, String> tags = new LinkedHashMap<>(old.tags());
        tags.putAll(doc.tags());
        boolean setsKeySource = documentRoot.has(RestApiExtensions.API_KEY_SOURCE);
        boolean setsEndpoint = documentRoot.has(RestApiExtensions.ENDPOINT_CONFIGURATION) || hasServerEndpoint(documentRoot);
        RestApi api = new RestApi(old.id(), old.name(), or(doc.description(), old.description()), old.createdDate(),
                or(doc.version(), old.version()), old.warnings(), binary,
                or(doc.minimumCompressionSize(), old.minimumCompressionSize()),
                setsKeySource ? doc.apiKeySource() : old.apiKeySource(),
                setsEndpoint ? doc.endpointConfiguration() : old.endpointConfiguration(), or(doc.policy(), old.policy()), tags,
                setsEndpoint ? doc.disableExecuteApiEndpoint() : old.disableExecuteApiEndpoint(), old.rootResourceId());
        return new ApiDefinition(api, new ArrayList<>(byPath.values()),
                union(existing.models(), imported.models(), Model::name),
                union(existing.requestValidators(), imported.requestValidators(), RequestValidator::name),
                union(existing.authorizers(), imported.authorizers(), Authorizer::name),
                union(existing.gatewayResponses(), imported.gatewayResponses(), g -> g.responseType().name()));
    }

    private static boolean hasServerEndpoint(JsonNode root) {
        for (JsonNode server : root.path("servers")) if (server.has(RestApiExtensions.ENDPOINT_CONFIGURATION)) return true;
        return false;
    }

    private static <T> List<T> union(List<T> existing, List<T> imported, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : existing) out.put(key.apply(t), t);
        for (T t : imported) out.put(key.apply(t), t);
        return new ArrayList<>(out.values());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

}

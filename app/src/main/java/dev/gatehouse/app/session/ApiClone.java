package dev.gatehouse.app.session;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.model.RestApi;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A copy of an API under a new id, as AWS's CreateRestApi with {@code cloneFrom} makes it: the same resources,
 * methods, integrations, models, validators, authorizers and gateway responses, with resource ids of its own
 * (derived from the new API id and the path, as imports derive them) and its own name, description and creation
 * date. Stages and deployments are not part of a definition, so the clone has none: deploy it to a stage of its own.
 */
final class ApiClone {
    private ApiClone() {}

    static ApiDefinition of(ApiDefinition source, String newApiId, String name, String description) {
        Map<String, String> newIds = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Resource r : source.resources()) {
            String id = Ids.resourceId(newApiId, r.path(), taken::contains);
            taken.add(id);
            newIds.put(r.id(), id);
        }
        List<Resource> resources = source.resources().stream()
                .map(r -> new Resource(newIds.get(r.id()), r.parentId() == null ? null : newIds.get(r.parentId()),
                        r.pathPart(), r.path(), r.resourceMethods()))
                .toList();
        RestApi s = source.restApi();
        RestApi api = new RestApi(newApiId, name, description == null || description.isBlank() ? s.description() : description.strip(),
                Instant.now().getEpochSecond(), s.version(), s.warnings(), s.binaryMediaTypes(), s.minimumCompressionSize(),
                s.apiKeySource(), s.endpointConfiguration(), s.policy(), s.tags(), s.disableExecuteApiEndpoint(),
                newIds.get(source.root().id()));
        // model references name the API (https://apigateway.amazonaws.com/restapis/{id}/models/{name}): follow the clone
        String from = "/restapis/" + source.id() + "/models/";
        String to = "/restapis/" + newApiId + "/models/";
        List<Model> models = source.models().stream()
                .map(m -> m.schema() == null ? m : new Model(m.id(), m.name(), m.description(), m.schema().replace(from, to), m.contentType()))
                .toList();
        return source.withRestApi(api).withResources(resources).withModels(models);
    }
}

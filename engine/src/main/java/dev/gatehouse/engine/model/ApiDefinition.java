package dev.gatehouse.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything that defines one REST API: its settings, resource tree (with methods and integrations), models,
 * request validators, authorizers and customised gateway responses. This is what the workspace stores per API
 * and what a deployment freezes. Immutable: every {@code with...} returns a new definition; lists are kept in a
 * deterministic order (resources by path, the rest by name/type) so the JSON diffs cleanly.
 *
 * <p>Tree edits ({@link #addResource}, {@link #moveResource}) apply AWS's rules and throw
 * {@link DefinitionException} with AWS's messages; {@link DefinitionValidator} checks a whole definition.
 */
public record ApiDefinition(RestApi restApi, List<Resource> resources, List<Model> models,
                            List<RequestValidator> requestValidators, List<Authorizer> authorizers,
                            List<GatewayResponse> gatewayResponses) {

    public ApiDefinition {
        java.util.Objects.requireNonNull(restApi, "restApi");
        resources = sorted(resources, Comparator.comparing(Resource::path, Comparator.nullsFirst(Comparator.naturalOrder())));
        models = sorted(models, Comparator.comparing(Model::name, Comparator.nullsFirst(Comparator.naturalOrder())));
        requestValidators = sorted(requestValidators, Comparator.comparing(RequestValidator::name, Comparator.nullsFirst(Comparator.naturalOrder())));
        authorizers = sorted(authorizers, Comparator.comparing(Authorizer::name, Comparator.nullsFirst(Comparator.naturalOrder())));
        gatewayResponses = sorted(gatewayResponses, Comparator.comparing(GatewayResponse::responseType, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static <T> List<T> sorted(List<T> in, Comparator<T> order) {
        if (in == null || in.isEmpty()) return List.of();
        List<T> copy = new ArrayList<>(in);
        copy.sort(order);
        return List.copyOf(copy);
    }

    /**
     * A new, empty API as CreateRestApi makes it: a root resource and the {@code Empty} and {@code Error} models.
     */
    public static ApiDefinition create(String id, String name, Instant now) {
        String rootId = Ids.resourceId(id, "/", x -> false);
        RestApi api = RestApi.named(id, name, now.getEpochSecond(), rootId);
        return new ApiDefinition(api, List.of(Resource.root(rootId)),
                List.of(Model.empty(Ids.shortId()), Model.error(Ids.shortId())), List.of(), List.of(), List.of());
    }

    /** An API with only a root resource (what an import starts from). */
    public static ApiDefinition bare(String id, String name, Instant now) {
        String rootId = Ids.resourceId(id, "/", x -> false);
        return new ApiDefinition(RestApi.named(id, name, now.getEpochSecond(), rootId), List.of(Resource.root(rootId)),
                List.of(), List.of(), List.of(), List.of());
    }

    @JsonIgnore public String id() {
        return restApi.id();
    }

    @JsonIgnore public String name() {
        return restApi.name();
    }

    @JsonIgnore public Resource root() {
        return resources.stream().filter(Resource::isRoot).findFirst()
                .orElseThrow(() -> new IllegalStateException("API " + restApi.id() + " has no root resource"));
    }

    public Optional<Resource> resource(String resourceId) {
        return resources.stream().filter(r -> r.id().equals(resourceId)).findFirst();
    }

    public Optional<Resource> resourceByPath(String path) {
        return resources.stream().filter(r -> path.equals(r.path())).findFirst();
    }

    /** The resource with that id, or AWS's 404 "Invalid Resource identifier specified". */
    public Resource requireResource(String resourceId) {
        return resource(resourceId).orElseThrow(() -> DefinitionException.notFound("Invalid Resource identifier specified"));
    }

    public List<Resource> children(String resourceId) {
        return resources.stream().filter(r -> resourceId.equals(r.parentId())).toList();
    }

    public Optional<Model> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<RequestValidator> requestValidator(String id) {
        return requestValidators.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public Optional<Authorizer> authorizer(String id) {
        return authorizers.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Number of methods over all resources. */
    @JsonIgnore public int methodCount() {
        return resources.stream().mapToInt(r -> r.resourceMethods().size()).sum();
    }

    // ---- edits -----------------------------------------------------------------------------------------------

    public ApiDefinition withRestApi(RestApi api) {
        return new ApiDefinition(api, resources, models, requestValidators, authorizers, gatewayResponses);
    }

    public ApiDefinition withResources(List<Resource> list) {
        return new ApiDefinition(restApi, list, models, requestValidators, authorizers, gatewayResponses);
    }

    public ApiDefinition withModels(List<Model> list) {
        return new ApiDefinition(restApi, resources, list, requestValidators, authorizers, gatewayResponses);
    }

    public ApiDefinition withRequestValidators(List<RequestValidator> list) {
        return new ApiDefinition(restApi, resources, models, list, authorizers, gatewayResponses);
    }

    public ApiDefinition withAuthorizers(List<Authorizer> list) {
        return new ApiDefinition(restApi, resources, models, requestValidators, list, gatewayResponses);
    }

    public ApiDefinition withGatewayResponses(List<GatewayResponse> list) {
        return new ApiDefinition(restApi, resources, models, requestValidators, authorizers, list);
    }

    /** Replaces the resource with the same id (or adds it). */
    public ApiDefinition withResource(Resource resource) {
        List<Resource> list = new ArrayList<>(resources.size() + 1);
        boolean replaced = false;
        for (Resource r : resources) {
            if (r.id().equals(resource.id())) {
                list.add(resource);
                replaced = true;
            } else {
                list.add(r);
            }
        }
        if (!replaced) list.add(resource);
        return withResources(list);
    }

    /** Applies a change to one resource, found by id (404 if unknown). */
    public ApiDefinition updateResource(String resourceId, UnaryOperator<Resource> change) {
        return withResource(change.apply(requireResource(resourceId)));
    }

    /**
     * Creates a child resource with AWS's checks: path-part characters, one greedy variable at the end, at most
     * one variable sibling, no duplicate sibling.
     */
    public ApiDefinition addResource(String parentId, String pathPart, String newId) {
        Resource parent = requireResource(parentId);
        checkNewChild(parent, pathPart, null);
        String path = parent.childPath(pathPart);
        String id = newId != null ? newId : Ids.resourceId(restApi.id(), path, this::hasResourceId);
        if (hasResourceId(id)) throw DefinitionException.conflict("Resource id already exists: " + id);
        return withResource(new Resource(id, parentId, pathPart, path, null));
    }

    /** Renames or moves a resource (AWS UpdateResource of /pathPart or /parentId); descendants' paths follow. */
    public ApiDefinition moveResource(String resourceId, String newParentId, String newPathPart) {
        Resource resource = requireResource(resourceId);
        if (resource.isRoot()) throw DefinitionException.badRequest("The root resource cannot be renamed or moved");
        Resource parent = requireResource(newParentId);
        if (isSelfOrDescendant(parent.id(), resourceId)) {
            throw DefinitionException.badRequest("Cannot move a resource under itself");
        }
        checkNewChild(parent, newPathPart, resourceId);
        String oldPath = resource.path();
        String newPath = parent.childPath(newPathPart);
        List<Resource> list = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            if (r.id().equals(resourceId)) {
                list.add(r.withPath(newParentId, newPathPart, newPath));
            } else if (r.path().startsWith(oldPath + "/")) {
                list.add(r.withPath(r.parentId(), r.pathPart(), newPath + r.path().substring(oldPath.length())));
            } else {
                list.add(r);
            }
        }
        return withResources(list);
    }

    /** Removes a resource and everything under it (AWS DeleteResource). */
    public ApiDefinition removeResource(String resourceId) {
        Resource resource = requireResource(resourceId);
        if (resource.isRoot()) throw DefinitionException.badRequest("Cannot delete the root resource");
        Set<String> doomed = new HashSet<>();
        for (Resource r : resources) if (isSelfOrDescendant(r.id(), resourceId)) doomed.add(r.id());
        return withResources(resources.stream().filter(r -> !doomed.contains(r.id())).toList());
    }

    private boolean hasResourceId(String id) {
        return resources.stream().anyMatch(r -> r.id().equals(id));
    }

    private boolean isSelfOrDescendant(String candidateId, String ancestorId) {
        String current = candidateId;
        int guard = resources.size() + 1;
        while (current != null && guard-- > 0) {
            if (current.equals(ancestorId)) return true;
            String c = current;
            current = resource(c).map(Resource::parentId).orElse(null);
        }
        return false;
    }

    private void checkNewChild(Resource parent, String pathPart, String ignoreId) {
        DefinitionValidator.checkPathPart(pathPart);
        if (parent.pathPart() != null && parent.pathPart().endsWith("+}")) {
            throw DefinitionException.badRequest(
                    "Cannot create a child of a resource with a greedy path variable: " + parent.pathPart());
        }
        for (Resource sibling : children(parent.id())) {
            if (sibling.id().equals(ignoreId)) continue;
            if (sibling.pathPart().equals(pathPart)) {
                throw DefinitionException.conflict("Another resource with the same parent already has this name: " + pathPart);
            }
            if (DefinitionValidator.isVariable(sibling.pathPart()) && DefinitionValidator.isVariable(pathPart)) {
                throw DefinitionException.badRequest("A sibling (" + sibling.pathPart()
                        + ") of this resource already has a variable path part -- only one is allowed");
            }
        }
    }
}

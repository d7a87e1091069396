package dev.gatehouse.app.resources;

import dev.gatehouse.app.session.Dependents;
import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The resource tree of the selected API: the rows to show (filtered), and the commands of its context menu.
 * Every command is one undoable workspace edit named as AWS's console would ("Create resource /pets/{petId}",
 * "Create method GET /pets"). FX thread only; the edits run through the {@link Workbench}.
 */
public final class ResourceTreeViewModel {
    /** The methods offered by "Add method", in the order AWS's console lists them. */
    public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");

    private final Workbench workbench;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<TreeEntry> root = new ReadOnlyObjectWrapper<>(this, "root");
    private final List<IntegrationChoice> choices = new ArrayList<>(List.of(StandardIntegrations.values()));

    public ResourceTreeViewModel(Workbench workbench) {
        this.workbench = workbench;
        workbench.selectedApiProperty().addListener((obs, old, api) -> rebuild());
        filter.addListener((obs, old, text) -> rebuild());
        rebuild();
    }

    /** Text the rows are filtered by: a path fragment, or a method and path fragment ("get pets"). */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The root resource's row, with everything under it that passes the filter; null when no API is selected. */
    public ReadOnlyObjectProperty<TreeEntry> rootProperty() {
        return root.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return workbench.selectionProperty();
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Selects a row (null clears the selection). */
    public void select(TreeEntry entry) {
        if (entry == null) workbench.select(null);
        else if (entry.kind() == TreeEntry.Kind.METHOD) workbench.select(Selection.method(entry.resourceId(), entry.httpMethod()));
        else workbench.select(Selection.resource(entry.resourceId()));
    }

    /**
     * Why {@code pathPart} cannot be a new child of {@code parentId}, with AWS's message, or empty when it can.
     * Cheap and pure: called on every keystroke of the create and rename fields.
     *
     * @param renamingId the resource being renamed (it may keep its own name), or null when creating
     */
    public Optional<String> pathPartProblem(String parentId, String pathPart, String renamingId) {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        if (api == null) return Optional.of("No API is open");
        if (pathPart == null || pathPart.isBlank()) return Optional.of("Enter a path part, e.g. pets or {petId}");
        try {
            if (renamingId == null) api.addResource(parentId, pathPart, "validation-probe");
            else api.moveResource(renamingId, parentId, pathPart);
            return Optional.empty();
        } catch (DefinitionException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The parent of a resource (null for the root). */
    public String parentIdOf(String resourceId) {
        return workbench.selectedApi().flatMap(a -> a.resource(resourceId)).map(Resource::parentId).orElse(null);
    }

    /** The path a child with {@code pathPart} would get, for the create dialog's preview. */
    public String childPath(String parentId, String pathPart) {
        return workbench.selectedApi().flatMap(a -> a.resource(parentId))
                .map(r -> r.childPath(pathPart == null ? "" : pathPart)).orElse("");
    }

    /** Creates a child resource and selects it. */
    public void createChild(String parentId, String pathPart) {
        String path = childPath(parentId, pathPart);
        workbench.edit("Create resource " + path, api -> api.addResource(parentId, pathPart, null),
                stored -> stored.resourceByPath(path).ifPresent(r -> workbench.select(Selection.resource(r.id()))));
    }

    /** Renames a resource (its descendants' paths follow). */
    public void rename(String resourceId, String newPathPart) {
        workbench.selectedApi().flatMap(a -> a.resource(resourceId)).ifPresent(resource -> workbench.edit(
                "Rename resource " + resource.path() + " to " + newPathPart,
                api -> api.moveResource(resourceId, resource.parentId(), newPathPart)));
    }

    /**
     * Deletes a resource and everything under it, after a confirmation naming what goes with it (child resources,
     * methods) and the stages that still serve it. Undoable.
     */
    public void delete(String resourceId) {
        WorkspaceSession session = workbench.session().orElse(null);
        ApiDefinition api = workbench.selectedApi().orElse(null);
        Resource resource = api == null ? null : api.resource(resourceId).orElse(null);
        if (session == null || resource == null) return;
        workbench.tasks().run(() -> Dependents.ofResource(session, api.id(), resourceId), dependents -> {
            if (workbench.dialogs().confirm("Delete resource", deleteMessage("resource " + resource.path(), dependents), "Delete resource")) {
                workbench.edit("Delete resource " + resource.path(), a -> a.removeResource(resourceId));
            }
        }, e -> workbench.dialogs().showError("Cannot delete resource " + resource.path(), e));
    }

    /** The confirmation: what is deleted, then what goes with it or still depends on it, one per line. */
    static String deleteMessage(String what, List<String> dependents) {
        String head = "Delete " + what + "?";
        if (dependents.isEmpty()) return head + "\n\nNothing else depends on it. You can undo this with Edit → Undo.";
        return head + "\n\nThis concerns:\n  • " + String.join("\n  • ", dependents) + "\n\nYou can undo this with Edit → Undo.";
    }

    /** True when the resource has no method {@code httpMethod} yet. */
    public boolean canAddMethod(String resourceId, String httpMethod) {
        return workbench.selectedApi().flatMap(a -> a.resource(resourceId))
                .map(r -> r.method(httpMethod) == null).orElse(false);
    }

    /**
     * Adds a method with a MOCK integration answering 200, as AWS's console sets one up: a request template
     * {@code {"statusCode": 200}}, a default integration response 200 and a method response 200. The method is
     * selected once stored.
     */
    public void addMethod(String resourceId, String httpMethod) {
        addMethod(resourceId, httpMethod, StandardIntegrations.MOCK, null, null);
    }

    /** The integration types a new method may have, in the order the create-method dialog lists them. */
    public List<IntegrationChoice> integrationChoices() {
        return List.copyOf(choices);
    }

    /** Offers one more integration type when a method is created (e.g. "Lambda function"); composition root only. */
    public void addIntegrationChoice(IntegrationChoice choice) {
        choices.add(choice);
    }

    /**
     * Why the create-method form cannot be applied, in the product's words; empty when it can. Cheap and pure:
     * called on every keystroke.
     */
    public Optional<String> newMethodProblem(String resourceId, String httpMethod, IntegrationChoice choice, String target) {
        if (httpMethod == null) return Optional.of("Choose the HTTP method");
        if (!canAddMethod(resourceId, httpMethod.toUpperCase(Locale.ROOT))) return Optional.of("This resource has a " + httpMethod + " method already");
        if (choice == null) return Optional.of("Choose the integration type");
        return choice.targetProblem(target);
    }

    /**
     * Adds a method integrated as {@code choice} says (MOCK, HTTP, HTTP proxy …), with the fields that type needs,
     * as one undoable edit named "Create method GET /pets"; the method is selected once stored.
     */
    public void addMethod(String resourceId, String httpMethod, IntegrationChoice choice, String target, String targetMethod) {
        addMethod(resourceId, httpMethod, choice, target, targetMethod, choice.optionDefault());
    }

    /** As {@link #addMethod(String, String, IntegrationChoice, String, String)} with the type's option set. */
    public void addMethod(String resourceId, String httpMethod, IntegrationChoice choice, String target, String targetMethod,
                          boolean option) {
        String verb = httpMethod.toUpperCase(Locale.ROOT);
        Method method = choice.method(verb, target, targetMethod, option);
        workbench.selectedApi().flatMap(a -> a.resource(resourceId)).ifPresent(resource -> workbench.edit(
                "Create method " + verb + " " + resource.path(),
                api -> api.updateResource(resourceId, r -> {
                    if (r.method(verb) != null) {
                        throw DefinitionException.conflict("Method already exists for this resource");
                    }
                    return r.withMethod(method);
                }),
                stored -> {
                    workbench.select(Selection.method(resourceId, verb));
                    choice.created(target);
                }));
    }

    /**
     * Enables CORS on the resource as AWS's console does from the resource's actions: an OPTIONS MOCK answering the
     * preflight, Access-Control-Allow-Origin on its methods, the CORS headers on DEFAULT_4XX and DEFAULT_5XX. After
     * asking; one undoable edit.
     */
    public void enableCors(String resourceId) {
        workbench.selectedApi().flatMap(a -> a.resource(resourceId)).ifPresent(resource -> {
            if (!workbench.dialogs().confirm("Enable CORS", "Enable CORS on " + resource.path() + "? This adds an OPTIONS "
                    + "method (MOCK) answering the preflight, Access-Control-Allow-Origin '*' on the resource's methods, and "
                    + "the CORS headers on the DEFAULT_4XX and DEFAULT_5XX gateway responses.", "Enable CORS")) return;
            workbench.edit("Enable CORS on " + resource.path(), api -> EngineTools.enableCors(api, resourceId));
        });
    }

    /** Deletes a method, after a confirmation naming the stages that still serve it. Undoable. */
    public void deleteMethod(String resourceId, String httpMethod) {
        WorkspaceSession session = workbench.session().orElse(null);
        ApiDefinition api = workbench.selectedApi().orElse(null);
        Resource resource = api == null ? null : api.resource(resourceId).orElse(null);
        if (session == null || resource == null) return;
        String name = httpMethod + " " + resource.path();
        workbench.tasks().run(() -> Dependents.ofMethod(session, api.id(), resourceId, httpMethod), dependents -> {
            if (workbench.dialogs().confirm("Delete method", deleteMessage("method " + name, dependents), "Delete method")) {
                workbench.edit("Delete method " + name, a -> a.updateResource(resourceId, r -> r.withoutMethod(httpMethod)));
            }
        }, e -> workbench.dialogs().showError("Cannot delete method " + name, e));
    }

    /** A new method with a MOCK integration that answers 200 with an empty body. */
    static Method newMockMethod(String httpMethod) {
        Integration mock = Integration.mock()
                .withRequestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
                .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")
                        .withResponseTemplates(Map.of("application/json", ""))));
        return Method.of(httpMethod)
                .withMethodResponses(Map.of("200", new MethodResponse("200", null, Map.of("application/json", "Empty"))))
                .withIntegration(mock);
    }

    // ---- tree ------------------------------------------------------------------------------------------------

    private void rebuild() {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        if (api == null) {
            root.set(null);
            return;
        }
        String text = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        root.set(entry(api, api.root(), text).orElseGet(() -> new TreeEntry(TreeEntry.Kind.RESOURCE,
                api.root().id(), "/", "/", null, null, List.of())));
    }

    /** The row for a resource, or empty when neither it, its methods nor its descendants match the filter. */
    private Optional<TreeEntry> entry(ApiDefinition api, Resource resource, String filterText) {
        List<TreeEntry> children = new ArrayList<>();
        boolean selfMatches = matches(resource.path(), null, filterText);
        resource.resourceMethods().values().stream()
                .sorted(java.util.Comparator.comparingInt(m -> methodOrder(m.httpMethod())))
                .filter(m -> selfMatches || matches(resource.path(), m.httpMethod(), filterText))
                .forEach(m -> children.add(new TreeEntry(TreeEntry.Kind.METHOD, resource.id(), resource.path(),
                        m.httpMethod(), m.httpMethod(),
                        m.methodIntegration() == null ? null : m.methodIntegration().type(), List.of())));
        for (Resource child : api.children(resource.id())) {
            entry(api, child, selfMatches ? "" : filterText).ifPresent(children::add);
        }
        if (!selfMatches && children.isEmpty() && !resource.isRoot()) return Optional.empty();
        String label = resource.isRoot() ? "/" : "/" + resource.pathPart();
        return Optional.of(new TreeEntry(TreeEntry.Kind.RESOURCE, resource.id(), resource.path(), label, null, null, children));
    }

    private static boolean matches(String path, String httpMethod, String filterText) {
        if (filterText.isEmpty()) return true;
        String haystack = ((httpMethod == null ? "" : httpMethod + " ") + path).toLowerCase(Locale.ROOT);
        for (String word : filterText.split("\\s+")) {
            if (!haystack.contains(word)) return false;
        }
        return true;
    }

    private static int methodOrder(String httpMethod) {
        int i = METHODS.indexOf(httpMethod);
        return i < 0 ? METHODS.size() : i;
    }
}

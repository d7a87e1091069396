package dev.gatehouse.app.resources;

import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Resources page's right side: what it shows for the workbench's selection (nothing, a method's execution
 * view, or a resource's summary with its methods), and the summary's commands (open a method, add one, create a
 * child resource). The tree has its own {@link ResourceTreeViewModel}; adding a method goes through it so both
 * share one set of rules. FX thread only.
 */
public final class ResourcesPageViewModel {

    /** What the right side shows. */
    public enum Detail { NOTHING, METHOD, RESOURCE }

    /** A method of the selected resource, for its button. */
    public record MethodEntry(String httpMethod, IntegrationType integrationType) {}

    /** An entry of the "Add method" menu; disabled when the resource has that method already. */
    public record AddableMethod(String httpMethod, boolean enabled) {}

    private final Workbench workbench;
    private final ResourceTreeViewModel tree;
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>(this, "detail", Detail.NOTHING);
    private final ReadOnlyStringWrapper resourcePath = new ReadOnlyStringWrapper(this, "resourcePath", "");
    private final ReadOnlyStringWrapper resourceInfo = new ReadOnlyStringWrapper(this, "resourceInfo", "");
    private final ObservableList<MethodEntry> methods = FXCollections.observableArrayList();
    private final ObservableList<MethodEntry> methodsReadOnly = FXCollections.unmodifiableObservableList(methods);
    private final ObservableList<AddableMethod> addableMethods = FXCollections.observableArrayList();
    private final ObservableList<AddableMethod> addableMethodsReadOnly = FXCollections.unmodifiableObservableList(addableMethods);
    private final ReadOnlyBooleanWrapper canCreateChild = new ReadOnlyBooleanWrapper(this, "canCreateChild");
    private String resourceId;

    public ResourcesPageViewModel(Workbench workbench, ResourceTreeViewModel tree) {
        this.workbench = workbench;
        this.tree = tree;
        workbench.selectionProperty().addListener((obs, old, sel) -> update());
        workbench.revisionProperty().addListener((obs, old, rev) -> update());
        workbench.selectedApiProperty().addListener((obs, old, api) -> update());
        update();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Detail> detailProperty() { return detail.getReadOnlyProperty(); }

    /** The selected resource's path, e.g. {@code /pets/{petId}}. */
    public ReadOnlyStringProperty resourcePathProperty() { return resourcePath.getReadOnlyProperty(); }

    /** "Resource id abc123 · root resource". */
    public ReadOnlyStringProperty resourceInfoProperty() { return resourceInfo.getReadOnlyProperty(); }

    /** The selected resource's methods, by HTTP method. */
    public ObservableList<MethodEntry> methods() { return methodsReadOnly; }

    /** Every HTTP method API Gateway offers, in its order, enabled when the resource lacks it. */
    public ObservableList<AddableMethod> addableMethods() { return addableMethodsReadOnly; }

    /** False for a greedy {@code {proxy+}} resource, which cannot have children (as on AWS). */
    public ReadOnlyBooleanProperty canCreateChildProperty() { return canCreateChild.getReadOnlyProperty(); }

    /** The resource the summary shows, or null. */
    public String resourceId() { return resourceId; }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Selects a method of the resource in view: the page then shows its execution view. */
    public void openMethod(String httpMethod) {
        if (resourceId != null) workbench.select(Selection.method(resourceId, httpMethod));
    }

    /** Adds a method to the resource in view (one undoable edit). */
    public void addMethod(String httpMethod) {
        if (resourceId != null) tree.addMethod(resourceId, httpMethod);
    }

    /** Enables CORS on the resource in view (after asking; undoable). */
    public void enableCors() {
        if (resourceId != null) tree.enableCors(resourceId);
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void update() {
        Selection sel = workbench.selectionProperty().get();
        ApiDefinition api = workbench.selectedApi().orElse(null);
        Resource resource = sel == null || api == null ? null : api.resource(sel.resourceId()).orElse(null);
        if (resource == null) {
            resourceId = null;
            detail.set(Detail.NOTHING);
            return;
        }
        resourceId = resource.id();
        if (sel.isMethod() && resource.method(sel.httpMethod()) != null) {
            detail.set(Detail.METHOD);
            return;
        }
        resourcePath.set(resource.path());
        resourceInfo.set("Resource id " + resource.id() + (resource.isRoot() ? " · root resource" : ""));
        methods.setAll(resource.resourceMethods().values().stream().sorted(Comparator.comparing(Method::httpMethod))
                .map(m -> new MethodEntry(m.httpMethod(), m.methodIntegration() == null ? null : m.methodIntegration().type()))
                .toList());
        List<AddableMethod> addable = ResourceTreeViewModel.METHODS.stream()
                .map(verb -> new AddableMethod(verb, tree.canAddMethod(resource.id(), verb))).toList();
        addableMethods.setAll(addable);
        canCreateChild.set(resource.pathPart() == null || !resource.pathPart().endsWith("+}"));
        detail.set(Detail.RESOURCE);
    }
}

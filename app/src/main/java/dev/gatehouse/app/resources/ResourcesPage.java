package dev.gatehouse.app.resources;

import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Resources page: the tree on the left; on the right the method execution view for a selected method, or a
 * resource's summary (its methods, add method, create child) for a selected resource.
 */
public final class ResourcesPage extends SplitPane {
    private final ResourceTreeViewModel vm;
    private final Workbench workbench;
    private final ResourceTreeView tree;
    private final Node methodView;
    private StackPane detail;
    private VBox resourceSummary;
    private Label resourcePath;
    private Label resourceInfo;
    private FlowPane methods;
    private MenuButton addMethod;
    private Button createChild;
    private Label empty;

    public ResourcesPage(ResourceTreeViewModel vm, Workbench workbench, ResourceTreeView tree, Node methodView) {
        this.vm = vm;
        this.workbench = workbench;
        this.tree = tree;
        this.methodView = methodView;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        detail = new StackPane();
        detail.setId("resourceDetail");
        resourcePath = new Label();
        resourcePath.setId("resourcePath");
        resourcePath.getStyleClass().add("page-title");
        resourceInfo = new Label();
        resourceInfo.getStyleClass().add("muted");
        methods = new FlowPane(8, 8);
        methods.setId("resourceMethods");
        addMethod = new MenuButton("Add method", new FontIcon(Feather.PLUS_CIRCLE));
        addMethod.setId("resourceAddMethod");
        createChild = new Button("Create child resource…", new FontIcon(Feather.FOLDER_PLUS));
        createChild.setId("resourceCreateChild");
        empty = new Label("Select a resource or a method in the tree.\nRight-click a resource to create resources and methods.");
        empty.getStyleClass().add("muted");
    }

    private void layoutParts() {
        setId("resourcesPage");
        Label methodsHeading = new Label("Methods");
        methodsHeading.getStyleClass().add("section-title");
        javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(8, addMethod, createChild);
        actions.setAlignment(Pos.CENTER_LEFT);
        resourceSummary = new VBox(8, resourcePath, resourceInfo, methodsHeading, methods, actions);
        resourceSummary.setPadding(new Insets(16));
        getItems().addAll(tree, detail);
        setDividerPositions(0.26);
        SplitPane.setResizableWithParent(tree, false);
    }

    private void bind() {
        workbench.selectionProperty().addListener((obs, old, sel) -> update());
        workbench.revisionProperty().addListener((obs, old, rev) -> update());
        workbench.selectedApiProperty().addListener((obs, old, api) -> update());
        update();
    }

    private void wireEvents() {
        createChild.setOnAction(e -> {
            Selection sel = workbench.selectionProperty().get();
            if (sel != null) tree.createChildOf(sel.resourceId());
        });
    }

    private void update() {
        Selection sel = workbench.selectionProperty().get();
        ApiDefinition api = workbench.selectedApi().orElse(null);
        Resource resource = sel == null || api == null ? null : api.resource(sel.resourceId()).orElse(null);
        if (resource == null) {
            detail.getChildren().setAll(empty);
        } else if (sel.isMethod() && resource.method(sel.httpMethod()) != null) {
            detail.getChildren().setAll(methodView);
        } else {
            showSummary(resource);
            detail.getChildren().setAll(resourceSummary);
        }
    }

    private void showSummary(Resource resource) {
        resourcePath.setText(resource.path());
        resourceInfo.setText("Resource id " + resource.id() + (resource.isRoot() ? " · root resource" : ""));
        methods.getChildren().clear();
        resource.resourceMethods().values().stream().sorted(java.util.Comparator.comparing(Method::httpMethod)).forEach(m -> {
            Button open = new Button(m.httpMethod(), IntegrationIcons.icon(m.methodIntegration() == null ? null : m.methodIntegration().type()));
            open.setId("openMethod-" + m.httpMethod());
            open.setOnAction(e -> workbench.select(Selection.method(resource.id(), m.httpMethod())));
            methods.getChildren().add(open);
        });
        if (methods.getChildren().isEmpty()) methods.getChildren().add(new Label("No methods yet"));
        addMethod.getItems().clear();
        for (String verb : ResourceTreeViewModel.METHODS) {
            MenuItem item = new MenuItem(verb);
            item.setId("resourceAddMethod-" + verb);
            item.setDisable(!vm.canAddMethod(resource.id(), verb));
            item.setOnAction(e -> vm.addMethod(resource.id(), verb));
            addMethod.getItems().add(item);
        }
        createChild.setDisable(resource.pathPart() != null && resource.pathPart().endsWith("+}"));
    }
}

package dev.gatehouse.app.resources;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Resources page: the tree on the left; on the right the method execution view for a selected method, or a
 * resource's summary (its methods, add method, create child) for a selected resource. What to show comes from
 * {@link ResourcesPageViewModel}; the page only builds and binds.
 */
public final class ResourcesPage extends SplitPane {
    private final ResourcesPageViewModel vm;
    private final ResourceTreeView tree;
    private final Node methodView;
    private StackPane detail;
    private VBox resourceSummary;
    private Label resourcePath;
    private Label resourceInfo;
    private FlowPane methods;
    private MenuButton addMethod;
    private Button createChild;
    private Button enableCors;
    private Label empty;

    public ResourcesPage(ResourcesPageViewModel vm, ResourceTreeView tree, Node methodView) {
        this.vm = vm;
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
        enableCors = new Button("Enable CORS…", new FontIcon(Feather.GLOBE));
        enableCors.setId("resourceEnableCors");
        empty = new Label("Select a resource or a method in the tree.\nRight-click a resource to create resources and methods.");
        empty.getStyleClass().add("muted");
    }

    private void layoutParts() {
        setId("resourcesPage");
        Label methodsHeading = new Label("Methods");
        methodsHeading.getStyleClass().add("section-title");
        HBox actions = new HBox(8, addMethod, createChild, enableCors);
        actions.setAlignment(Pos.CENTER_LEFT);
        resourceSummary = new VBox(8, resourcePath, resourceInfo, methodsHeading, methods, actions);
        resourceSummary.setPadding(new Insets(16));
        getItems().addAll(tree, detail);
        setDividerPositions(0.26);
        SplitPane.setResizableWithParent(tree, false);
    }

    private void bind() {
        resourcePath.textProperty().bind(vm.resourcePathProperty());
        resourceInfo.textProperty().bind(vm.resourceInfoProperty());
        createChild.disableProperty().bind(vm.canCreateChildProperty().not());
        vm.methods().addListener((ListChangeListener<ResourcesPageViewModel.MethodEntry>) c -> showMethods(vm.methods()));
        vm.addableMethods().addListener((ListChangeListener<ResourcesPageViewModel.AddableMethod>) c -> showAddable(vm.addableMethods()));
        vm.detailProperty().addListener((obs, old, d) -> showDetail(d));
        showMethods(vm.methods());
        showAddable(vm.addableMethods());
        showDetail(vm.detailProperty().get());
    }

    private void wireEvents() {
        enableCors.setOnAction(e -> vm.enableCors());
        createChild.setOnAction(e -> {
            if (vm.resourceId() != null) tree.createChildOf(vm.resourceId());
        });
    }

    private void showDetail(ResourcesPageViewModel.Detail d) {
        detail.getChildren().setAll(switch (d) {
            case NOTHING -> empty;
            case METHOD -> methodView;
            case RESOURCE -> resourceSummary;
        });
    }

    private void showMethods(List<ResourcesPageViewModel.MethodEntry> entries) {
        methods.getChildren().clear();
        for (ResourcesPageViewModel.MethodEntry m : entries) {
            Button open = new Button(m.httpMethod(), IntegrationIcons.icon(m.integrationType()));
            open.setId("openMethod-" + m.httpMethod());
            open.setOnAction(e -> vm.openMethod(m.httpMethod()));
            methods.getChildren().add(open);
        }
        if (entries.isEmpty()) methods.getChildren().add(new Label("No methods yet"));
    }

    private void showAddable(List<ResourcesPageViewModel.AddableMethod> entries) {
        addMethod.getItems().clear();
        for (ResourcesPageViewModel.AddableMethod m : entries) {
            MenuItem item = new MenuItem(m.httpMethod());
            item.setId("resourceAddMethod-" + m.httpMethod());
            item.setDisable(!m.enabled());
            item.setOnAction(e -> {
                if (vm.resourceId() != null) tree.createMethodOn(vm.resourceId(), m.httpMethod());
            });
            addMethod.getItems().add(item);
        }
    }
}

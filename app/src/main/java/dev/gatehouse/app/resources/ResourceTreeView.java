package dev.gatehouse.app.resources;

import dev.gatehouse.app.session.Selection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The resource tree with its filter box and context menus. Rows are rebuilt from the ViewModel's
 * {@link TreeEntry}s after every change, keeping expansion and selection by key.
 */
public final class ResourceTreeView extends VBox {
    private static final String CSS = ResourceTreeView.class.getResource("resources.css").toExternalForm();

    private final ResourceTreeViewModel vm;
    private final Set<String> collapsed = new HashSet<>();
    private TextField filter;
    private TreeView<TreeEntry> tree;
    private Button addButton;
    private boolean syncing;

    public ResourceTreeView(ResourceTreeViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        filter = new TextField();
        filter.setId("resourceFilter");
        filter.setPromptText("Filter (Ctrl+F)"); // the tree's width at 1360 px: the tooltip says what it filters
        filter.setTooltip(new javafx.scene.control.Tooltip("Filter resources and methods by path or HTTP method (Ctrl+F)"));
        tree = new TreeView<>();
        tree.setId("resourceTree");
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new EntryCell());
        addButton = new Button(null, new FontIcon(Feather.PLUS));
        addButton.setId("addResourceButton");
        addButton.setTooltip(new Tooltip("Create resource or method"));
        addButton.getStyleClass().addAll("button-icon", "flat");
    }

    private void layoutParts() {
        setId("resources");
        getStylesheets().add(CSS);
        getStyleClass().add("resource-tree-pane");
        HBox top = new HBox(6, filter, addButton);
        HBox.setHgrow(filter, Priority.ALWAYS);
        top.setPadding(new Insets(8, 8, 4, 8));
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(top, tree);
    }

    private void bind() {
        filter.textProperty().bindBidirectional(vm.filterProperty());
        vm.rootProperty().addListener((obs, old, root) -> rebuild(root));
        vm.selectionProperty().addListener((obs, old, sel) -> selectInTree(sel));
        rebuild(vm.rootProperty().get());
    }

    private void wireEvents() {
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncing) vm.select(item == null ? null : item.getValue());
        });
        tree.setOnKeyPressed(e -> {
            TreeEntry entry = selectedEntry();
            if (entry == null) return;
            if (e.getCode() == KeyCode.DELETE) {
                delete(entry);
                e.consume();
            } else if (e.getCode() == KeyCode.F2 && entry.kind() == TreeEntry.Kind.RESOURCE) {
                rename(entry);
                e.consume();
            } else if (e.getCode() == KeyCode.INSERT && entry.kind() == TreeEntry.Kind.RESOURCE) {
                createChild(entry);
                e.consume();
            }
        });
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) filter.clear();
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                tree.requestFocus();
                if (tree.getSelectionModel().isEmpty()) tree.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        addButton.setOnAction(e -> {
            TreeEntry entry = selectedEntry();
            if (entry == null && tree.getRoot() != null) entry = tree.getRoot().getValue();
            if (entry != null) contextMenu(entry).show(addButton, javafx.geometry.Side.BOTTOM, 0, 0);
        });
    }

    /** Focuses the filter box (Ctrl+F). */
    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** Focuses the tree. */
    public void focusTree() {
        tree.requestFocus();
        if (tree.getSelectionModel().isEmpty()) tree.getSelectionModel().selectFirst();
    }

    /** Opens the create-resource dialog for a child of {@code resourceId}. */
    public void createChildOf(String resourceId) {
        TreeItem<TreeEntry> item = find(tree.getRoot(), resourceId);
        if (item != null) createChild(item.getValue());
    }

    /**
     * Opens Create method on the resource with {@code verb} preselected: the user then chooses the integration type
     * and fills the fields it needs; nothing is created until Create method.
     */
    public void createMethodOn(String resourceId, String verb) {
        TreeItem<TreeEntry> item = find(tree.getRoot(), resourceId);
        if (item == null) return;
        new CreateMethodDialog(getScene() == null ? null : getScene().getWindow(), vm, resourceId, item.getValue().path(), verb)
                .showAndWait()
                .ifPresent(r -> vm.addMethod(resourceId, r.httpMethod(), r.choice(), r.target(), r.targetMethod(), r.option()));
    }

    // ---- actions (dialogs are the View's; the edits are the ViewModel's) -------------------------------------

    private void createChild(TreeEntry parent) {
        askPathPart("Create resource", "Child of " + parent.path(), parent.resourceId(), null, "")
                .ifPresent(part -> vm.createChild(parent.resourceId(), part));
    }

    private void rename(TreeEntry entry) {
        if ("/".equals(entry.path())) return;
        String parentId = vm.parentIdOf(entry.resourceId());
        String current = entry.label().substring(1);
        askPathPart("Rename resource", "Rename " + entry.path(), parentId, entry.resourceId(), current)
                .filter(part -> !part.equals(current))
                .ifPresent(part -> vm.rename(entry.resourceId(), part));
    }

    private void delete(TreeEntry entry) {
        if (entry.kind() == TreeEntry.Kind.METHOD) vm.deleteMethod(entry.resourceId(), entry.httpMethod());
        else if (!"/".equals(entry.path())) vm.delete(entry.resourceId());
    }

    /** A dialog with a path-part field validated on every keystroke with AWS's messages. */
    private Optional<String> askPathPart(String title, String header, String parentId, String renamingId, String initial) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        TextField field = new TextField(initial);
        field.setId("pathPartField");
        field.setPromptText("pets, {petId} or {proxy+}");
        Label preview = new Label();
        preview.getStyleClass().add("muted");
        preview.setId("pathPreview");
        Label error = new Label();
        error.setId("pathPartError");
        error.getStyleClass().add("validation-error");
        error.setWrapText(true);
        error.setMaxWidth(380);
        VBox content = new VBox(8, new Label("Resource path part"), field, preview, error);
        content.setPrefWidth(400);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("pathPartOk");
        Runnable validate = () -> {
            String text = field.getText().trim();
            Optional<String> problem = vm.pathPartProblem(parentId, text, renamingId);
            error.setText(text.isEmpty() ? "" : problem.orElse(""));
            preview.setText(text.isEmpty() ? "" : "Path: " + vm.childPath(parentId, text));
            field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), problem.isPresent() && !text.isEmpty());
            ok.setDisable(problem.isPresent());
        };
        // a rule that wraps to more lines than the dialog was sized for grows the dialog: never cut to "…"
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.textProperty().addListener((obs, o, n) -> javafx.application.Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        field.textProperty().addListener((obs, o, n) -> validate.run());
        validate.run();
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().trim() : null);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait();
    }

    private ContextMenu contextMenu(TreeEntry entry) {
        ContextMenu menu = new ContextMenu();
        if (entry.kind() == TreeEntry.Kind.RESOURCE) {
            MenuItem create = new MenuItem("Create child resource…", new FontIcon(Feather.FOLDER_PLUS));
            create.setId("menuCreateResource");
            create.setOnAction(e -> createChild(entry));
            Menu add = new Menu("Add method", new FontIcon(Feather.PLUS_CIRCLE));
            add.setId("menuAddMethod");
            for (String verb : ResourceTreeViewModel.METHODS) {
                MenuItem item = new MenuItem(verb);
                item.setId("menuAddMethod-" + verb);
                item.setDisable(!vm.canAddMethod(entry.resourceId(), verb));
                item.setOnAction(e -> createMethodOn(entry.resourceId(), verb));
                add.getItems().add(item);
            }
            MenuItem rename = new MenuItem("Rename…", new FontIcon(Feather.EDIT_2));
            rename.setId("menuRenameResource");
            rename.setDisable("/".equals(entry.path()));
            rename.setOnAction(e -> rename(entry));
            MenuItem delete = new MenuItem("Delete resource", new FontIcon(Feather.TRASH_2));
            delete.setId("menuDeleteResource");
            delete.setDisable("/".equals(entry.path()));
            delete.setOnAction(e -> delete(entry));
            MenuItem cors = new MenuItem("Enable CORS…", new FontIcon(Feather.GLOBE));
            cors.setId("menuEnableCors");
            cors.setOnAction(e -> vm.enableCors(entry.resourceId()));
            menu.getItems().addAll(create, add, cors, new SeparatorMenuItem(), rename, delete);
        } else {
            MenuItem delete = new MenuItem("Delete method", new FontIcon(Feather.TRASH_2));
            delete.setId("menuDeleteMethod");
            delete.setOnAction(e -> delete(entry));
            menu.getItems().add(delete);
        }
        return menu;
    }

    // ---- tree building ---------------------------------------------------------------------------------------

    private void rebuild(TreeEntry rootEntry) {
        syncing = true;
        try {
            rememberCollapsed(tree.getRoot());
            tree.setRoot(rootEntry == null ? null : item(rootEntry));
        } finally {
            syncing = false;
        }
        selectInTree(vm.selectionProperty().get());
    }

    private void rememberCollapsed(TreeItem<TreeEntry> item) {
        if (item == null) return;
        if (item.getValue().kind() == TreeEntry.Kind.RESOURCE) {
            if (item.isExpanded()) collapsed.remove(item.getValue().key());
            else collapsed.add(item.getValue().key());
        }
        item.getChildren().forEach(this::rememberCollapsed);
    }

    private TreeItem<TreeEntry> item(TreeEntry entry) {
        TreeItem<TreeEntry> item = new TreeItem<>(entry);
        entry.children().forEach(c -> item.getChildren().add(item(c)));
        // expanded unless the user collapsed it; a filter shows every match
        item.setExpanded(!collapsed.contains(entry.key()) || !vm.filterProperty().get().isBlank());
        return item;
    }

    private void selectInTree(Selection selection) {
        if (syncing) return;
        syncing = true;
        try {
            if (selection == null) {
                tree.getSelectionModel().clearSelection();
                return;
            }
            String key = selection.isMethod() ? selection.resourceId() + " " + selection.httpMethod() : selection.resourceId();
            TreeItem<TreeEntry> found = find(tree.getRoot(), key);
            if (found != null) {
                for (TreeItem<TreeEntry> p = found.getParent(); p != null; p = p.getParent()) p.setExpanded(true);
                tree.getSelectionModel().select(found);
                int row = tree.getRow(found);
                if (row >= 0) tree.scrollTo(Math.max(0, row - 3));
            }
        } finally {
            syncing = false;
        }
    }

    private static TreeItem<TreeEntry> find(TreeItem<TreeEntry> item, String key) {
        if (item == null) return null;
        if (item.getValue().key().equals(key)) return item;
        for (TreeItem<TreeEntry> child : item.getChildren()) {
            TreeItem<TreeEntry> hit = find(child, key);
            if (hit != null) return hit;
        }
        return null;
    }

    private TreeEntry selectedEntry() {
        TreeItem<TreeEntry> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** Row rendering: a folder or integration-type icon, the path part or the method verb, a context menu. */
    private final class EntryCell extends TreeCell<TreeEntry> {
        @Override
        protected void updateItem(TreeEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("method-row", "resource-row");
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                setId(null);
                return;
            }
            if (entry.kind() == TreeEntry.Kind.METHOD) {
                getStyleClass().add("method-row");
                setText(entry.httpMethod());
                setGraphic(IntegrationIcons.icon(entry.integrationType()));
                setTooltip(new Tooltip(entry.integrationType() == null ? "No integration"
                        : entry.integrationType() + " integration"));
                setId(entry.nodeId());
            } else {
                getStyleClass().add("resource-row");
                setText(entry.label());
                setGraphic(new FontIcon(entry.label().startsWith("/{") ? Feather.HASH : Feather.FOLDER));
                setTooltip(new Tooltip(entry.path()));
                setId(entry.nodeId());
            }
            setContextMenu(contextMenu(entry));
        }
    }
}

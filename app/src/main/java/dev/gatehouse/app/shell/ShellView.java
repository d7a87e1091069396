package dev.gatehouse.app.shell;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.model.ApiDefinition;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: menu bar, left navigation with the API selector, the current page, and the status
 * bar; the welcome screen while no workspace is open. Pages are handed in by the composition root, so the shell
 * knows no feature's classes.
 */
public final class ShellView extends BorderPane {
    private final ShellViewModel vm;
    private final Workbench workbench;
    private final Map<Page, Node> pages;

    private MenuBar menuBar;
    private Menu recentMenu;
    private MenuItem undoItem;
    private MenuItem redoItem;
    private CheckMenuItem darkItem;
    private ComboBox<ApiDefinition> apiSelector;
    private Button newApiButton;
    private final Map<Page, ToggleButton> navButtons = new EnumMap<>(Page.class);
    private final ToggleGroup navGroup = new ToggleGroup();
    private VBox nav;
    private StackPane pageHost;
    private VBox welcome;
    private ListView<Path> recentList;
    private Button welcomeOpen;
    private Button welcomeNew;
    private Label statusWorkspace;
    private Label statusApi;
    private Label statusMessage;
    private ProgressIndicator busy;
    private HBox statusBar;
    private boolean syncingApi;
    private Runnable onExit = () -> {};
    private Node gettingStarted;

    public ShellView(ShellViewModel vm, Map<Page, Node> pages) {
        this.vm = vm;
        this.workbench = vm.workbench();
        this.pages = new EnumMap<>(pages);
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        menuBar = new MenuBar();
        menuBar.setId("menuBar");
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("New workspace…", "menuNewWorkspace", null, vm::newWorkspace),
                item("Open workspace…", "menuOpenWorkspace", "Shortcut+O", vm::openWorkspace),
                recentMenu = new Menu("Open recent"),
                new SeparatorMenuItem(),
                item("New API…", "menuNewApi", "Shortcut+Shift+N", vm::newApi),
                new SeparatorMenuItem(),
                item("Close workspace", "menuCloseWorkspace", "Shortcut+W", vm::closeWorkspace),
                item("Exit", "menuExit", "Shortcut+Q", this::exit));
        recentMenu.setId("menuRecent");
        Menu edit = new Menu("_Edit");
        undoItem = item("Undo", "menuUndo", "Shortcut+Z", vm::undo);
        redoItem = item("Redo", "menuRedo", "Shortcut+Shift+Z", vm::redo);
        edit.getItems().addAll(undoItem, redoItem);
        Menu view = new Menu("_View");
        for (Page page : Page.values()) {
            view.getItems().add(item(page.title(), "menuPage-" + page.name(), page.accelerator(), () -> vm.show(page)));
        }
        darkItem = new CheckMenuItem("Dark theme");
        darkItem.setId("menuDarkTheme");
        darkItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        view.getItems().addAll(new SeparatorMenuItem(), darkItem);
        menuBar.getMenus().addAll(file, edit, view);

        apiSelector = new ComboBox<>();
        apiSelector.setId("apiSelector");
        apiSelector.setMaxWidth(Double.MAX_VALUE);
        apiSelector.setPromptText("No API");
        apiSelector.setConverter(new StringConverter<>() {
            @Override public String toString(ApiDefinition api) {
                return api == null ? "" : api.name();
            }

            @Override public ApiDefinition fromString(String s) {
                return null;
            }
        });
        apiSelector.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(ApiDefinition api, boolean empty) {
                super.updateItem(api, empty);
                setText(empty || api == null ? null : api.name() + "   " + api.id());
            }
        });
        newApiButton = new Button(null, new FontIcon(Feather.PLUS));
        newApiButton.setId("newApiButton");
        newApiButton.setTooltip(new Tooltip("New API (Ctrl+Shift+N)"));
        newApiButton.getStyleClass().addAll("button-icon", "flat");

        for (Page page : Page.values()) {
            ToggleButton button = new ToggleButton(page.title(), new FontIcon(page.icon()));
            button.setId("nav-" + page.name().toLowerCase(java.util.Locale.ROOT));
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(navGroup);
            button.setUserData(page);
            navButtons.put(page, button);
        }

        pageHost = new StackPane();
        pageHost.setId("pageHost");

        recentList = new ListView<>();
        recentList.setId("recentList");
        recentList.getStyleClass().add("recent-list");
        recentList.setPlaceholder(new Label("No recent workspaces"));
        welcomeOpen = new Button("Open workspace…", new FontIcon(Feather.FOLDER));
        welcomeOpen.setId("welcomeOpen");
        welcomeOpen.setDefaultButton(true);
        welcomeNew = new Button("New workspace…", new FontIcon(Feather.FOLDER_PLUS));
        welcomeNew.setId("welcomeNew");

        statusWorkspace = widthKeeping(180);
        statusWorkspace.setId("statusWorkspace");
        statusWorkspace.setGraphic(new FontIcon(Feather.FOLDER));
        statusApi = widthKeeping(440);
        statusApi.setId("statusApi");
        statusMessage = new Label();
        statusMessage.setId("statusMessage");
        busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
    }

    private void layoutParts() {
        setId("shell");
        setTop(menuBar);

        Label apiHeading = new Label("API");
        apiHeading.getStyleClass().add("nav-heading");
        HBox apiRow = new HBox(4, apiSelector, newApiButton);
        apiRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(apiSelector, Priority.ALWAYS);
        nav = new VBox(apiHeading, apiRow);
        Page.Section section = null;
        for (Page page : Page.values()) {
            if (page.section() != section) {
                section = page.section();
                Label heading = new Label(section.heading());
                heading.getStyleClass().add("nav-heading");
                nav.getChildren().add(heading);
            }
            nav.getChildren().add(navButtons.get(page));
        }
        nav.getStyleClass().add("shell-nav");
        nav.setPrefWidth(220);
        nav.setMinWidth(180);
        setLeft(nav);

        Label title = new Label("Gatehouse");
        title.getStyleClass().add("title-1");
        Label subtitle = new Label("Design, test and deploy REST APIs the way Amazon API Gateway runs them — locally.");
        subtitle.getStyleClass().add("muted");
        HBox buttons = new HBox(10, welcomeOpen, welcomeNew);
        buttons.setAlignment(Pos.CENTER);
        Label recentHeading = new Label("Recent workspaces");
        recentHeading.getStyleClass().add("section-title");
        welcome = new VBox(title, subtitle, buttons, recentHeading, recentList);
        welcome.setId("welcome");
        welcome.getStyleClass().add("welcome");
        setCenter(pageHost);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(statusWorkspace, new Separator(javafx.geometry.Orientation.VERTICAL), statusApi, spacer, statusMessage, busy);
        status.getStyleClass().add("status-bar");
        status.setId("statusBar");
        status.setMinWidth(0); // the labels' kept widths must never make the window's content wider than the window
        statusBar = status;
        setBottom(status);
    }

    private void bind() {
        undoItem.textProperty().bind(workbench.undoTextProperty());
        undoItem.disableProperty().bind(workbench.canUndoProperty().not());
        redoItem.textProperty().bind(workbench.redoTextProperty());
        redoItem.disableProperty().bind(workbench.canRedoProperty().not());
        darkItem.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        statusWorkspace.textProperty().bind(vm.workspaceTextProperty());
        statusApi.textProperty().bind(vm.apiTextProperty());
        statusMessage.textProperty().bind(workbench.messageProperty());
        // at 1360 px the bar is full once the data plane shows an invoke URL: the workspace (its folder name; the
        // whole path in the tooltip) and the API summary keep their width up to a cap, the last message gives way
        // first; whatever is cut elides in its middle (start and end say the most) and reads whole in its tooltip
        for (Label l : new Label[] {statusWorkspace, statusApi, statusMessage}) {
            l.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            tip.textProperty().bind(l == statusWorkspace ? vm.workspacePathProperty() : l.textProperty());
            l.setTooltip(tip);
        }
        busy.visibleProperty().bind(workbench.busyProperty());
        apiSelector.disableProperty().bind(workbench.sessionProperty().isNull());
        newApiButton.disableProperty().bind(workbench.sessionProperty().isNull());
        nav.disableProperty().bind(workbench.sessionProperty().isNull());
        recentList.setItems(workbench.recentWorkspaces());

        apiSelector.setItems(javafx.collections.FXCollections.observableArrayList(workbench.apisProperty()));
        workbench.apisProperty().addListener((ListChangeListener<ApiDefinition>) c -> {
            syncApis();
            showPage();
        });
        workbench.selectedApiProperty().addListener((obs, old, api) -> syncApis());
        workbench.recentWorkspaces().addListener((ListChangeListener<Path>) c -> rebuildRecentMenu());
        rebuildRecentMenu();

        vm.pageProperty().addListener((obs, old, page) -> showPage());
        vm.noWorkspaceProperty().addListener((obs, old, none) -> showPage());
        showPage();
    }

    private void wireEvents() {
        apiSelector.valueProperty().addListener((obs, old, api) -> {
            if (!syncingApi && api != null) workbench.selectApi(api.id());
        });
        newApiButton.setOnAction(e -> vm.newApi());
        navGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) old.setSelected(true); // one page is always shown
            else vm.show((Page) toggle.getUserData());
        });
        darkItem.setOnAction(e -> { /* bound bidirectionally; the composition root applies the theme */ });
        welcomeOpen.setOnAction(e -> vm.openWorkspace());
        welcomeNew.setOnAction(e -> vm.newWorkspace());
        recentList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) openSelectedRecent();
        });
        recentList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelectedRecent();
        });
    }

    /** Moves keyboard focus to the API selector (the start of keyboard navigation). */
    public void focusApiSelector() {
        apiSelector.requestFocus();
    }

    private void openSelectedRecent() {
        Path path = recentList.getSelectionModel().getSelectedItem();
        if (path != null) vm.openRecent(path);
    }

    private void syncApis() {
        syncingApi = true;
        try {
            apiSelector.getItems().setAll(workbench.apisProperty());
            ApiDefinition selected = workbench.selectedApiProperty().get();
            apiSelector.getSelectionModel().select(selected == null ? null
                    : apiSelector.getItems().stream().filter(a -> a.id().equals(selected.id())).findFirst().orElse(null));
        } finally {
            syncingApi = false;
        }
    }

    private void showPage() {
        if (Boolean.TRUE.equals(vm.noWorkspaceProperty().getValue())) {
            pageHost.getChildren().setAll(welcome);
            navGroup.selectToggle(null);
            return;
        }
        if (gettingStarted != null && workbench.apisProperty().isEmpty()) {
            pageHost.getChildren().setAll(gettingStarted);
            return;
        }
        Page page = vm.pageProperty().get();
        navButtons.get(page).setSelected(true);
        Node node = pages.get(page);
        pageHost.getChildren().setAll(node);
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        int i = 0;
        for (Path path : workbench.recentWorkspaces()) {
            MenuItem item = new MenuItem(path.toString());
            item.setId("menuRecent-" + i++);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.openRecent(path));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void exit() {
        onExit.run();
    }

    /** Adds a feature's menu after the built-in ones (e.g. Deploy); composition root only. */
    public void addMenu(Menu menu) {
        menuBar.getMenus().add(menu);
    }

    /**
     * A status-bar label that keeps its whole text up to {@code cap} pixels when the bar runs short: an HBox shrinks
     * every child alike down to its minimum, so the labels that matter more get a larger minimum than the message.
     */
    private static Label widthKeeping(double cap) {
        return new Label() {
            @Override protected double computeMinWidth(double height) {
                return Math.min(cap, computePrefWidth(height));
            }
        };
    }

    /** Adds a feature's status item (e.g. the data plane's state) after the API summary; composition root only. */
    public void addStatusItem(Node item) {
        int at = statusBar.getChildren().indexOf(statusApi) + 1;
        statusBar.getChildren().addAll(at, java.util.List.of(new Separator(javafx.geometry.Orientation.VERTICAL), item));
    }

    /** Adds a feature's items to the File menu, after "New API…" (e.g. import and export); composition root only. */
    public void addFileMenuItems(java.util.List<MenuItem> items) {
        Menu file = menuBar.getMenus().getFirst();
        int at = 0;
        for (int i = 0; i < file.getItems().size(); i++) if ("menuNewApi".equals(file.getItems().get(i).getId())) at = i + 1;
        java.util.List<MenuItem> added = new java.util.ArrayList<>();
        added.add(new SeparatorMenuItem());
        added.addAll(items);
        file.getItems().addAll(at, added);
    }

    /** Adds a feature's items at the top of the View menu (e.g. the command palette); composition root only. */
    public void addViewMenuItems(java.util.List<MenuItem> items) {
        Menu view = menuBar.getMenus().get(2);
        java.util.List<MenuItem> added = new java.util.ArrayList<>(items);
        added.add(new SeparatorMenuItem());
        view.getItems().addAll(0, added);
    }

    /** What shows instead of the pages while the open workspace has no API; composition root only. */
    public void setGettingStarted(Node view) {
        gettingStarted = view;
        showPage();
    }

    /** What File → Exit does; the composition root closes the window when the workbench agrees. */
    public void setOnExit(Runnable action) {
        onExit = action == null ? () -> {} : action;
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }
}

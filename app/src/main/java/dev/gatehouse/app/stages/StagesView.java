package dev.gatehouse.app.stages;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Stages page: the selected API's stages on the left; for the selected stage its invoke URL (copy, open in
 * the browser), and tabs for the deployment history with diff and rollback, the stage variables, and the canary.
 */
public final class StagesView extends VBox {
    private static final String CSS = StagesView.class.getResource("stages.css").toExternalForm();

    private final StagesViewModel vm;
    private Runnable onDeploy = () -> {};
    private Button deploy;
    private Button editDescription;
    private Button promoteCanary;
    private Button deleteStage;
    private Label notice;
    private TableView<StagesViewModel.StageRow> stages;
    private Label stageTitle;
    private TextField invokeUrl;
    private Button copyUrl;
    private Button openUrl;
    private TabPane tabs;
    private VBox details;

    public StagesView(StagesViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    /** What the Deploy button does (the composition root opens the deploy dialog). */
    public void setOnDeploy(Runnable action) {
        onDeploy = action == null ? () -> {} : action;
    }

    private void createParts() {
        deploy = new Button("Deploy API…", new FontIcon(Feather.UPLOAD_CLOUD));
        deploy.setId("stagesDeploy");
        deploy.getStyleClass().add("accent");
        deploy.setTooltip(new Tooltip("Deploy the draft to a stage (Ctrl+Shift+E)"));
        notice = new Label();
        notice.setId("stagesNotice");
        notice.getStyleClass().add("muted");
        stages = new TableView<>(vm.stages());
        stages.setId("stageTable");
        stages.setPlaceholder(new Label("No stages yet: deploy the API to create one"));
        stages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StagesViewModel.StageRow, String> name = column("Stage", StagesViewModel.StageRow::stageName);
        name.setMinWidth(70);
        stages.getColumns().add(name);
        TableColumn<StagesViewModel.StageRow, String> deployment = column("Deployment", StagesViewModel.StageRow::deploymentId);
        deployment.setMinWidth(118); // "Deployment" in full at 1360 px (it read "Deploy…")
        stages.getColumns().add(deployment);
        stages.getColumns().add(column("Deployed", StagesViewModel.StageRow::deployed));
        stages.getColumns().add(column("Canary", StagesViewModel.StageRow::canary));
        stageTitle = new Label();
        stageTitle.setId("stageTitle");
        stageTitle.getStyleClass().add("title-3");
        invokeUrl = new TextField();
        invokeUrl.setId("stageInvokeUrl");
        invokeUrl.setEditable(false);
        invokeUrl.setPromptText("Not served: the local data plane is not running");
        copyUrl = new Button(null, new FontIcon(Feather.COPY));
        copyUrl.setId("stageCopyUrl");
        copyUrl.setTooltip(new Tooltip("Copy the invoke URL"));
        openUrl = new Button(null, new FontIcon(Feather.EXTERNAL_LINK));
        openUrl.setId("stageOpenUrl");
        openUrl.setTooltip(new Tooltip("Open in the browser"));
        tabs = new TabPane();
        tabs.setId("stageTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("tab-history", "Deployments", new DeploymentHistoryPane(vm)),
                tab("tab-variables", "Stage variables", new StageVariablesPane(vm.variables())),
                tab("tab-canary", "Canary", new CanaryPane(vm.canary())),
                tab("tab-settings", "Settings", new StageSettingsPane(vm.settings())));
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        VBox.setVgrow(content, Priority.ALWAYS);
        ((Region) content).setPadding(new Insets(10, 0, 0, 0));
        return tab;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private void layoutParts() {
        setId("stagesPage");
        getStylesheets().add(CSS);
        Label title = new Label("Stages");
        title.getStyleClass().add("page-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        editDescription = new Button("Description…", new FontIcon(Feather.EDIT_2));
        editDescription.setId("stageEditDescription");
        promoteCanary = new Button("Promote canary", new FontIcon(Feather.TRENDING_UP));
        promoteCanary.setId("stagePromoteCanary");
        deleteStage = new Button("Delete stage…", new FontIcon(Feather.TRASH_2));
        deleteStage.setId("stageDelete");
        for (Button b : new Button[] {editDescription, promoteCanary, deleteStage, deploy}) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(12, title, notice, spacer, editDescription, promoteCanary, deleteStage, deploy);
        header.setAlignment(Pos.CENTER_LEFT);

        Label urlLabel = new Label("Invoke URL");
        HBox urlRow = new HBox(6, urlLabel, invokeUrl, copyUrl, openUrl);
        urlRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(invokeUrl, Priority.ALWAYS);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        details = new VBox(8, stageTitle, urlRow, tabs);
        details.setId("stageDetails");
        details.setPadding(new Insets(0, 0, 0, 12));

        SplitPane split = new SplitPane(stages, details);
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(stages, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        setSpacing(10);
        setPadding(new Insets(12, 16, 12, 16));
        getChildren().addAll(header, split);
    }

    private void bind() {
        stageTitle.textProperty().bind(vm.selectedStageNameProperty().map(n -> "Stage " + n).orElse("No stage selected"));
        invokeUrl.textProperty().bind(vm.invokeUrlProperty());
        copyUrl.disableProperty().bind(vm.invokeUrlProperty().isNull());
        openUrl.disableProperty().bind(vm.invokeUrlProperty().isNull());
        details.disableProperty().bind(vm.selectedProperty().isNull());
        notice.textProperty().bind(vm.noticeProperty());
        vm.selectedProperty().addListener((obs, old, row) -> stages.getSelectionModel().select(row));
        stages.getSelectionModel().select(vm.selectedProperty().get());
    }

    private void wireEvents() {
        stages.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) vm.selectedProperty().set(row);
        });
        deploy.setOnAction(e -> onDeploy.run());
        editDescription.setOnAction(e -> vm.editDescription());
        deleteStage.setOnAction(e -> vm.deleteStage());
        promoteCanary.setOnAction(e -> vm.promoteCanary());
        editDescription.disableProperty().bind(vm.selectedProperty().isNull());
        deleteStage.disableProperty().bind(vm.selectedProperty().isNull());
        promoteCanary.disableProperty().bind(vm.selectedProperty().map(r -> r.stage().canarySettings() == null).orElse(true));
        copyUrl.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.invokeUrlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        openUrl.setOnAction(e -> Browser.open(vm.invokeUrlProperty().get()));
    }
}

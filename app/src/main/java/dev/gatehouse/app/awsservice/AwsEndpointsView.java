package dev.gatehouse.app.awsservice;

import dev.gatehouse.app.session.AwsEndpoint;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The AWS endpoints page: a table of the endpoint each AWS service integration calls and where it comes from, and
 * the form that sets or removes the workspace's override of one service ({@code aws.json}).
 */
public final class AwsEndpointsView extends VBox {
    private final AwsEndpointsViewModel vm;
    private TableView<AwsEndpoint> table;
    private ComboBox<String> service;
    private TextField url;
    private Button save;
    private Button remove;
    private Button refresh;
    private Label problem;
    private Label status;
    private Label intro;

    public AwsEndpointsView(AwsEndpointsViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        intro = new Label("AWS service integrations call the first endpoint found: the workspace's override (aws.json), "
                + "then AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL, then the services section of the shared config "
                + "file (~/.aws/config), else the service's regional endpoint. Point a service at a local emulator "
                + "(moto, LocalStack, DynamoDB Local, MinIO) to run the API offline.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add("muted");
        table = new TableView<>();
        table.setId("awsEndpointsTable");
        table.setPlaceholder(new Label("No AWS service integrations and no overrides yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll("dense", "bordered");
        table.getColumns().add(column("Service", 100, r -> r.service().equals("*") ? "* (every service)" : r.service()));
        table.getColumns().add(column("Endpoint used", 200, r -> r.problem().isEmpty() || !r.url().isEmpty() ? r.url() : "—"));
        table.getColumns().add(column("Comes from", 160, r -> r.source().label()));
        table.getColumns().add(column("Setting", 190, r -> r.problem().isEmpty() ? r.where() : r.problem()));
        table.getColumns().add(column("Without the workspace override", 260, AwsEndpoint::otherwise));
        service = new ComboBox<>(FXCollections.observableArrayList(AwsServiceUri.SERVICES));
        service.getItems().add("*");
        service.setEditable(true);
        service.setId("awsEndpointService");
        service.setPromptText("dynamodb");
        service.setPrefWidth(170);
        url = new TextField();
        url.setId("awsEndpointUrl");
        url.setPromptText("http://127.0.0.1:8000");
        save = new Button("Save override");
        save.setId("awsEndpointSave");
        save.getStyleClass().add("accent");
        remove = new Button("Remove override");
        remove.setId("awsEndpointRemove");
        refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("awsEndpointsRefresh");
        refresh.getStyleClass().addAll("button-icon", "flat");
        refresh.setTooltip(new Tooltip("Resolve again (after changing the environment or ~/.aws/config)"));
        problem = new Label();
        problem.setId("awsEndpointProblem");
        problem.getStyleClass().add("validation-error");
        problem.setWrapText(true);
        status = new Label();
        status.setId("awsEndpointStatus");
        status.getStyleClass().add("muted");
    }

    private void layoutParts() {
        Label title = new Label("AWS endpoints");
        title.getStyleClass().add("page-title");
        HBox head = new HBox(8, title, new Region(), refresh);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        head.setAlignment(Pos.CENTER_LEFT);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("AWS service"), service);
        form.addRow(1, new Label("Endpoint URL"), url);
        GridPane.setHgrow(url, Priority.ALWAYS);
        HBox actions = new HBox(8, remove, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        form.add(actions, 1, 2);
        form.add(problem, 1, 3);
        form.add(status, 1, 4);
        Label formTitle = new Label("Workspace override (aws.json)");
        formTitle.getStyleClass().add("section-title");
        VBox card = new VBox(6, formTitle, form);
        card.getStyleClass().add("card");
        card.setMaxWidth(760);
        setSpacing(12);
        setPadding(new Insets(12, 16, 16, 16));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(head, intro, table, card);
    }

    private void bind() {
        service.getEditor().textProperty().bindBidirectional(vm.serviceProperty());
        url.textProperty().bindBidirectional(vm.urlProperty());
        problem.textProperty().bind(vm.problemProperty());
        status.textProperty().bind(vm.statusProperty());
        table.setItems(vm.rows());
        for (Label l : new Label[] {problem, status}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
        }
    }

    private void wireEvents() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.edit(row));
        service.valueProperty().addListener((obs, old, v) -> {
            if (v != null) vm.serviceProperty().set(v);
        });
        save.setOnAction(e -> vm.save());
        url.setOnAction(e -> vm.save());
        remove.setOnAction(e -> vm.remove());
        refresh.setOnAction(e -> vm.refresh());
        // shown again: the environment or ~/.aws/config may have changed meanwhile
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) vm.refresh();
        });
    }

    private static TableColumn<AwsEndpoint, String> column(String title, double width, Function<AwsEndpoint, String> value) {
        TableColumn<AwsEndpoint, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}

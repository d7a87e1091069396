package dev.gatehouse.app.method;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Method response editor: status codes, and the selected one's headers and models. */
final class MethodResponsePane extends HBox {
    private final MethodResponsesViewModel vm;
    private ListView<String> statuses;
    private TextField newStatus;
    private Button addStatus;
    private Button removeStatus;
    private Label statusProblem;
    private TableView<Rows.Header> headers;
    private TextField headerName;
    private CheckBox headerRequired;
    private Button headerAdd;
    private Button headerRemove;
    private Label headerProblem;
    private TableView<Rows.Mapping> models;
    private TextField modelType;
    private ComboBox<String> modelName;
    private Button modelAdd;
    private Button modelRemove;

    MethodResponsePane(MethodResponsesViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        statuses = new ListView<>(vm.statusCodes());
        statuses.setId("methodResponses");
        statuses.setPlaceholder(new Label("No status codes"));
        newStatus = new TextField();
        newStatus.setId("newMethodStatus");
        newStatus.setPromptText("e.g. 404");
        addStatus = Forms.addButton("addMethodResponse");
        removeStatus = Forms.iconButton("removeMethodResponse", Feather.TRASH_2, "Remove the selected status code");
        statusProblem = new Label();
        headers = Forms.table("methodResponseHeaders", "No response headers");
        headers.getColumns().add(Forms.column("Header", Rows.Header::name));
        headers.getColumns().add(Forms.flagColumn("Required", Rows.Header::required, vm::setHeaderRequired));
        headers.setItems(vm.headers());
        headerName = new TextField();
        headerName.setId("newResponseHeader");
        headerName.setPromptText("Content-Type");
        headerRequired = new CheckBox("Required");
        headerAdd = Forms.addButton("addResponseHeader");
        headerRemove = Forms.iconButton("removeResponseHeader", Feather.TRASH_2, "Remove the selected header");
        headerProblem = new Label();
        models = Forms.table("methodResponseModels", "No response models");
        models.getColumns().add(Forms.column("Content type", Rows.Mapping::key));
        models.getColumns().add(Forms.column("Model", Rows.Mapping::value));
        models.setItems(vm.models());
        modelType = new TextField("application/json");
        modelType.setId("responseModelType");
        modelName = new ComboBox<>(vm.modelNames());
        modelName.setId("responseModelName");
        modelAdd = Forms.addButton("addResponseModel");
        modelRemove = Forms.iconButton("removeResponseModel", Feather.TRASH_2, "Remove the selected model");
    }

    private void layoutParts() {
        VBox left = new VBox(6, Forms.section("Status codes"), statuses, Forms.addBar(statusProblem, addStatus, newStatus), removeStatus);
        VBox.setVgrow(statuses, Priority.ALWAYS);
        left.setPrefWidth(240);
        VBox right = new VBox(8, Forms.section("Response headers"), headers,
                Forms.addBar(headerProblem, headerAdd, headerName, headerRequired, headerRemove),
                Forms.section("Response body models"), models,
                Forms.addBar(new Label(), modelAdd, modelType, modelName, modelRemove));
        HBox.setHgrow(right, Priority.ALWAYS);
        setSpacing(14);
        getChildren().addAll(left, right);
    }

    private void bind() {
        removeStatus.disableProperty().bind(vm.selectedProperty().isNull());
        headerRemove.disableProperty().bind(headers.getSelectionModel().selectedItemProperty().isNull());
        modelRemove.disableProperty().bind(models.getSelectionModel().selectedItemProperty().isNull());
        vm.selectedProperty().addListener((obs, old, code) -> statuses.getSelectionModel().select(code));
        vm.statusCodes().addListener((javafx.collections.ListChangeListener<String>) c -> statuses.getSelectionModel().select(vm.selectedProperty().get()));
        statuses.getSelectionModel().select(vm.selectedProperty().get());
    }

    private void wireEvents() {
        statuses.getSelectionModel().selectedItemProperty().addListener((obs, old, code) -> {
            if (code != null && !code.equals(vm.selectedProperty().get())) vm.selectedProperty().set(code);
        });
        Runnable add = () -> {
            String p = vm.statusProblem(newStatus.getText());
            statusProblem.setText(p == null ? "" : p);
            if (p == null) {
                vm.addStatus(newStatus.getText());
                newStatus.clear();
            }
        };
        addStatus.setOnAction(e -> add.run());
        newStatus.setOnAction(e -> add.run());
        removeStatus.setOnAction(e -> vm.removeSelected());
        Runnable addHeader = () -> {
            String p = vm.headerProblem(headerName.getText());
            headerProblem.setText(p == null ? "" : p);
            if (p == null) {
                vm.addHeader(headerName.getText(), headerRequired.isSelected());
                headerName.clear();
            }
        };
        headerAdd.setOnAction(e -> addHeader.run());
        headerName.setOnAction(e -> addHeader.run());
        headerRemove.setOnAction(e -> vm.removeHeader(headers.getSelectionModel().getSelectedItem()));
        modelAdd.setOnAction(e -> vm.putModel(modelType.getText(), modelName.getValue()));
        modelRemove.setOnAction(e -> vm.removeModel(models.getSelectionModel().getSelectedItem()));
    }
}

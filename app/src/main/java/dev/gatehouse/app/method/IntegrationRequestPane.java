package dev.gatehouse.app.method;

import dev.gatehouse.engine.model.ContentHandling;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.PassthroughBehavior;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** The Integration request editor: settings form, parameter mappings, request templates. */
final class IntegrationRequestPane extends VBox {
    private final IntegrationRequestViewModel vm;
    private ComboBox<IntegrationType> type;
    private ComboBox<String> httpMethod;
    private TextField uri;
    private Label uriHint;
    private TextField timeout;
    private ComboBox<PassthroughBehavior> passthrough;
    private ComboBox<ContentHandling> contentHandling;
    private Label problem;
    private Button save;
    private Button revert;
    private TableView<Rows.Mapping> mappings;
    private TextField mappingTarget;
    private TextField mappingSource;
    private Button mappingAdd;
    private Button mappingRemove;
    private Label mappingProblem;
    private TemplatesPane templates;
    private Label lambdaLabel;
    private ComboBox<String> lambdaFunction;
    private javafx.scene.control.CheckBox lambdaProxy;
    private ComboBox<String> awsTarget; // Lambda function or AWS Service, for type AWS
    private VBox awsServiceBox;
    private Label uriLabel;

    IntegrationRequestPane(IntegrationRequestViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        type = new ComboBox<>(FXCollections.observableArrayList(IntegrationRequestViewModel.TYPES));
        type.setId("integrationType");
        httpMethod = new ComboBox<>(FXCollections.observableArrayList(IntegrationRequestViewModel.HTTP_METHODS));
        httpMethod.setId("integrationHttpMethod");
        uri = new TextField();
        uri.setId("endpointUrl");
        uri.setPromptText("https://backend.example.com/pets/{petId}");
        uriHint = new Label();
        uriHint.getStyleClass().add("muted");
        uriHint.setId("endpointHint");
        timeout = new TextField();
        timeout.setId("integrationTimeout");
        timeout.setPrefColumnCount(7);
        passthrough = new ComboBox<>(FXCollections.observableArrayList(PassthroughBehavior.values()));
        passthrough.setId("passthroughBehavior");
        contentHandling = new ComboBox<>(FXCollections.observableArrayList(null, ContentHandling.CONVERT_TO_TEXT, ContentHandling.CONVERT_TO_BINARY));
        contentHandling.setId("contentHandling");
        contentHandling.setConverter(new StringConverter<>() {
            @Override public String toString(ContentHandling c) {
                return c == null ? "Passthrough" : c.name();
            }

            @Override public ContentHandling fromString(String s) {
                return null;
            }
        });
        contentHandling.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(ContentHandling c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty ? null : c == null ? "Passthrough" : c.name());
            }
        });
        problem = new Label();
        problem.setId("integrationProblem");
        problem.getStyleClass().add("validation-error");
        problem.setWrapText(true);
        save = new Button("Save");
        save.setId("saveIntegrationRequest");
        save.getStyleClass().add("accent");
        revert = new Button("Revert");
        revert.setId("revertIntegrationRequest");

        mappings = Forms.table("requestMappings", "No parameter mappings");
        mappings.getColumns().add(Forms.column("Target", Rows.Mapping::key));
        mappings.getColumns().add(Forms.column("Mapped from", Rows.Mapping::value));
        mappings.setItems(vm.mappings());
        mappingTarget = new TextField("integration.request.header.");
        mappingTarget.setId("mappingTarget");
        mappingSource = new TextField();
        mappingSource.setId("mappingSource");
        mappingSource.setPromptText("method.request.path.petId");
        mappingAdd = Forms.addButton("addMapping");
        mappingRemove = Forms.iconButton("removeMapping", Feather.TRASH_2, "Remove the selected mapping");
        mappingProblem = new Label();
        templates = new TemplatesPane(vm.templates(), "requestTemplates");
        lambdaLabel = new Label("Lambda function");
        lambdaFunction = new ComboBox<>(vm.functionNames());
        lambdaFunction.setId("integrationLambdaFunction");
        lambdaFunction.setEditable(true);
        lambdaFunction.setPromptText("GetHelloWorld");
        lambdaFunction.setMaxWidth(Double.MAX_VALUE);
        lambdaProxy = new javafx.scene.control.CheckBox("Use Lambda proxy integration");
        lambdaProxy.setId("integrationLambdaProxy");
        awsTarget = new ComboBox<>(FXCollections.observableArrayList("Lambda function", "AWS Service"));
        awsTarget.setId("integrationAwsTarget");
        awsServiceBox = new VBox(6, new dev.gatehouse.app.awsservice.AwsServiceFields(vm.awsFields(), "integrationAws", false));
        awsServiceBox.setId("integrationAwsServiceFields");
        uriLabel = new Label("Endpoint URL");
    }

    private void layoutParts() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Integration type"), new HBox(8, type, awsTarget));
        form.add(awsServiceBox, 0, 2, 2, 1);
        // a Lambda integration names its function first, as AWS's console asks it; the URI below follows it
        form.addRow(1, lambdaLabel, lambdaFunction);
        form.add(lambdaProxy, 1, 2);
        form.addRow(3, new Label("HTTP method"), httpMethod);
        form.addRow(4, uriLabel, uri);
        form.add(uriHint, 1, 5);
        form.addRow(6, new Label("Timeout (ms)"), timeout);
        form.addRow(7, new Label("Request body passthrough"), passthrough);
        form.addRow(8, new Label("Content handling"), contentHandling);
        GridPane.setHgrow(uri, Priority.ALWAYS);
        HBox actions = new HBox(8, revert, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        form.add(problem, 1, 9);
        form.add(actions, 1, 10);
        VBox settings = new VBox(6, Forms.section("Integration request settings"), form);
        settings.getStyleClass().add("card");
        VBox mappingBox = new VBox(6, Forms.section("URL path, query string and header mappings"), mappings,
                Forms.addBar(mappingProblem, mappingAdd, mappingTarget, mappingSource, mappingRemove));
        VBox templateBox = new VBox(6, Forms.section("Mapping templates"), templates);
        VBox.setVgrow(templates, Priority.ALWAYS);
        setSpacing(12);
        getChildren().addAll(settings, mappingBox, templateBox);
    }

    private void bind() {
        type.valueProperty().bindBidirectional(vm.typeProperty());
        httpMethod.valueProperty().bindBidirectional(vm.httpMethodProperty());
        uri.textProperty().bindBidirectional(vm.uriProperty());
        timeout.textProperty().bindBidirectional(vm.timeoutProperty());
        passthrough.valueProperty().bindBidirectional(vm.passthroughProperty());
        contentHandling.valueProperty().bindBidirectional(vm.contentHandlingProperty());
        uriHint.textProperty().bind(vm.stageVariableHintProperty());
        problem.textProperty().bind(vm.problemProperty());
        save.disableProperty().bind(vm.dirtyProperty().not().or(vm.problemProperty().isNotEmpty()));
        revert.disableProperty().bind(vm.dirtyProperty().not());
        httpMethod.disableProperty().bind(vm.typeProperty().isEqualTo(IntegrationType.MOCK));
        uri.disableProperty().bind(vm.typeProperty().isEqualTo(IntegrationType.MOCK));
        mappingRemove.disableProperty().bind(mappings.getSelectionModel().selectedItemProperty().isNull());
        var lambda = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> IntegrationRequestViewModel.isLambda(vm.typeProperty().get()) && !vm.awsServiceProperty().get(),
                vm.typeProperty(), vm.awsServiceProperty());
        var isAws = vm.typeProperty().isEqualTo(IntegrationType.AWS);
        awsTarget.visibleProperty().bind(isAws);
        awsTarget.managedProperty().bind(isAws);
        awsServiceBox.visibleProperty().bind(vm.awsServiceProperty());
        awsServiceBox.managedProperty().bind(vm.awsServiceProperty());
        uriLabel.textProperty().bind(javafx.beans.binding.Bindings.when(vm.awsServiceProperty())
                .then("Integration URI").otherwise("Endpoint URL"));
        awsTarget.setValue(vm.awsServiceProperty().get() ? "AWS Service" : "Lambda function");
        vm.awsServiceProperty().addListener((obs, old, on) -> awsTarget.setValue(on ? "AWS Service" : "Lambda function"));
        awsTarget.valueProperty().addListener((obs, old, v) -> vm.awsServiceProperty().set("AWS Service".equals(v)));
        for (javafx.scene.Node n : new javafx.scene.Node[] {lambdaLabel, lambdaFunction, lambdaProxy}) {
            n.visibleProperty().bind(lambda);
            n.managedProperty().bind(lambda);
        }
        lambdaFunction.getEditor().textProperty().bindBidirectional(vm.lambdaFunctionProperty());
        lambdaProxy.selectedProperty().bindBidirectional(vm.lambdaProxyProperty());
        lambdaFunction.valueProperty().addListener((obs, old, v) -> {
            if (v != null) vm.lambdaFunctionProperty().set(v);
        });
        lambdaFunction.setOnShowing(e -> vm.refreshFunctionNames());
    }

    private void wireEvents() {
        save.setOnAction(e -> vm.saveSettings());
        revert.setOnAction(e -> vm.revertSettings());
        Runnable add = () -> {
            String p = vm.mappingProblem(mappingTarget.getText(), mappingSource.getText());
            mappingProblem.setText(p == null ? "" : p);
            if (p == null) {
                vm.putMapping(mappingTarget.getText(), mappingSource.getText());
                mappingSource.clear();
            }
        };
        mappingAdd.setOnAction(e -> add.run());
        mappingSource.setOnAction(e -> add.run());
        mappingRemove.setOnAction(e -> vm.removeMapping(mappings.getSelectionModel().getSelectedItem()));
    }

    void dispose() {
        templates.dispose();
    }
}

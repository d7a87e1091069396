package dev.gatehouse.app.method;

import dev.gatehouse.engine.model.AuthorizationType;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Method request editor: settings form, request parameters, request models. */
final class MethodRequestPane extends VBox {
    private final MethodRequestViewModel vm;
    private ComboBox<AuthorizationType> authorization;
    private CheckBox apiKey;
    private ComboBox<MethodRequestViewModel.ValidatorChoice> validator;
    private TextField operationName;
    private Button save;
    private Button revert;
    private TableView<Rows.Parameter> parameters;
    private ComboBox<String> paramLocation;
    private TextField paramName;
    private CheckBox paramRequired;
    private Button paramAdd;
    private Button paramRemove;
    private Label paramProblem;
    private TableView<Rows.Mapping> models;
    private TextField modelType;
    private ComboBox<String> modelName;
    private Button modelAdd;
    private Button modelRemove;

    MethodRequestPane(MethodRequestViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        authorization = new ComboBox<>(FXCollections.observableArrayList(AuthorizationType.values()));
        authorization.setId("authorizationType");
        apiKey = new CheckBox("API key required");
        apiKey.setId("apiKeyRequired");
        validator = new ComboBox<>(vm.validators());
        validator.setId("requestValidator");
        operationName = new TextField();
        operationName.setId("operationName");
        operationName.setPromptText("e.g. ListPets");
        save = new Button("Save");
        save.setId("saveMethodRequest");
        save.getStyleClass().add("accent");
        revert = new Button("Revert");
        revert.setId("revertMethodRequest");

        parameters = Forms.table("requestParameters", "No request parameters");
        parameters.getColumns().add(Forms.column("Location", Rows.Parameter::location));
        parameters.getColumns().add(Forms.column("Name", Rows.Parameter::name));
        parameters.getColumns().add(Forms.flagColumn("Required", Rows.Parameter::required, vm::setRequired));
        parameters.setItems(vm.parameters());
        paramLocation = new ComboBox<>(FXCollections.observableArrayList(MethodRequestViewModel.LOCATIONS));
        paramLocation.setId("parameterLocation");
        paramLocation.getSelectionModel().select("querystring");
        paramName = new TextField();
        paramName.setId("parameterName");
        paramName.setPromptText("name");
        paramRequired = new CheckBox("Required");
        paramRequired.setId("parameterRequired");
        paramAdd = Forms.addButton("addParameter");
        paramRemove = Forms.iconButton("removeParameter", Feather.TRASH_2, "Remove the selected parameter");
        paramProblem = new Label();

        models = Forms.table("requestModels", "No request models");
        models.getColumns().add(Forms.column("Content type", Rows.Mapping::key));
        models.getColumns().add(Forms.column("Model", Rows.Mapping::value));
        models.setItems(vm.models());
        modelType = new TextField("application/json");
        modelType.setId("requestModelType");
        modelName = new ComboBox<>(vm.modelNames());
        modelName.setId("requestModelName");
        modelAdd = Forms.addButton("addRequestModel");
        modelRemove = Forms.iconButton("removeRequestModel", Feather.TRASH_2, "Remove the selected model");
    }

    private void layoutParts() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Authorization"), authorization);
        ComboBox<MethodRequestViewModel.AuthorizerChoice> authorizerBox = new ComboBox<>(vm.authorizers());
        authorizerBox.setId("methodAuthorizer");
        authorizerBox.setPromptText("Choose an authorizer");
        authorizerBox.valueProperty().bindBidirectional(vm.authorizerProperty());
        javafx.scene.control.TextField scopesField = new javafx.scene.control.TextField();
        scopesField.setId("methodAuthorizationScopes");
        scopesField.setPromptText("pets/read pets/write (any one is enough)");
        scopesField.textProperty().bindBidirectional(vm.scopesProperty());
        Label authorizerLabel = new Label("Authorizer");
        Label scopesLabel = new Label("OAuth scopes");
        var custom = vm.authorizationTypeProperty().isEqualTo(dev.gatehouse.engine.model.AuthorizationType.CUSTOM)
                .or(vm.authorizationTypeProperty().isEqualTo(dev.gatehouse.engine.model.AuthorizationType.COGNITO_USER_POOLS));
        var cognito = vm.authorizationTypeProperty().isEqualTo(dev.gatehouse.engine.model.AuthorizationType.COGNITO_USER_POOLS);
        for (javafx.scene.Node n : java.util.List.of(authorizerLabel, authorizerBox)) {
            n.visibleProperty().bind(custom);
            n.managedProperty().bind(custom);
        }
        for (javafx.scene.Node n : java.util.List.of(scopesLabel, scopesField)) {
            n.visibleProperty().bind(cognito);
            n.managedProperty().bind(cognito);
        }
        form.addRow(1, authorizerLabel, authorizerBox);
        form.addRow(2, scopesLabel, scopesField);
        form.addRow(3, new Label("Request validator"), validator);
        form.addRow(4, new Label("Operation name"), operationName);
        form.add(apiKey, 1, 5);
        HBox actions = new HBox(8, revert, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        form.add(actions, 1, 6);
        VBox settings = new VBox(6, Forms.section("Method request settings"), form);
        settings.getStyleClass().add("card");

        VBox params = new VBox(6, Forms.section("Request parameters (path, query string, headers)"), parameters,
                Forms.addBar(paramProblem, paramAdd, paramLocation, paramName, paramRequired, paramRemove));
        VBox modelBox = new VBox(6, Forms.section("Request body models"), models,
                Forms.addBar(new Label(), modelAdd, modelType, modelName, modelRemove));
        setSpacing(12);
        getChildren().addAll(settings, params, modelBox);
    }

    private void bind() {
        authorization.valueProperty().bindBidirectional(vm.authorizationTypeProperty());
        apiKey.selectedProperty().bindBidirectional(vm.apiKeyRequiredProperty());
        validator.valueProperty().bindBidirectional(vm.validatorProperty());
        operationName.textProperty().bindBidirectional(vm.operationNameProperty());
        save.disableProperty().bind(vm.dirtyProperty().not());
        revert.disableProperty().bind(vm.dirtyProperty().not());
        paramRemove.disableProperty().bind(parameters.getSelectionModel().selectedItemProperty().isNull());
        modelRemove.disableProperty().bind(models.getSelectionModel().selectedItemProperty().isNull());
    }

    private void wireEvents() {
        save.setOnAction(e -> vm.saveSettings());
        revert.setOnAction(e -> vm.revertSettings());
        Runnable addParam = () -> {
            String problem = vm.parameterProblem(paramLocation.getValue(), paramName.getText());
            paramProblem.setText(problem == null ? "" : problem);
            if (problem == null) {
                vm.addParameter(paramLocation.getValue(), paramName.getText(), paramRequired.isSelected());
                paramName.clear();
            }
        };
        paramAdd.setOnAction(e -> addParam.run());
        paramName.setOnAction(e -> addParam.run());
        paramRemove.setOnAction(e -> vm.removeParameter(parameters.getSelectionModel().getSelectedItem()));
        modelAdd.setOnAction(e -> vm.putModel(modelType.getText(), modelName.getValue()));
        modelRemove.setOnAction(e -> vm.removeModel(models.getSelectionModel().getSelectedItem()));
    }
}

package dev.gatehouse.app.settings;

import dev.gatehouse.engine.model.ApiKeySource;
import dev.gatehouse.engine.model.EndpointType;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Settings page: the selected API's settings as a form, with inline problems and Save/Revert. */
public final class ApiSettingsView extends ScrollPane {
    private final ApiSettingsViewModel vm;
    private Label title;
    private TextField name;
    private Label nameProblem;
    private TextArea description;
    private TextField version;
    private ComboBox<ApiKeySource> apiKeySource;
    private ComboBox<EndpointType> endpointType;
    private Label endpointProblem;
    private ListView<String> mediaTypes;
    private TextField newMediaType;
    private Button addMediaType;
    private Button removeMediaType;
    private Label mediaTypeProblem;
    private TextField compression;
    private Label compressionProblem;
    private CheckBox defaultApi;
    private Button save;
    private Button revert;

    public ApiSettingsView(ApiSettingsViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        title = new Label();
        title.setId("settingsTitle");
        title.getStyleClass().add("page-title");
        name = new TextField();
        name.setId("settingsName");
        nameProblem = problemLabel("settingsNameProblem");
        description = new TextArea();
        description.setId("settingsDescription");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        version = new TextField();
        version.setId("settingsVersion");
        version.setPromptText("e.g. 1.0.0");
        apiKeySource = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ApiKeySource.values()));
        apiKeySource.setId("settingsApiKeySource");
        apiKeySource.setConverter(converter(s -> s == ApiKeySource.HEADER ? "HEADER (x-api-key header)" : "AUTHORIZER (usageIdentifierKey of a Lambda authorizer)"));
        endpointType = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(EndpointType.values()));
        endpointType.setId("settingsEndpointType");
        endpointType.setConverter(converter(t -> switch (t) {
            case EDGE -> "Edge-optimized";
            case REGIONAL -> "Regional";
            case PRIVATE -> "Private";
        }));
        endpointProblem = problemLabel("settingsEndpointProblem");
        mediaTypes = new ListView<>(vm.binaryMediaTypes());
        mediaTypes.setId("settingsBinaryMediaTypes");
        mediaTypes.setPrefHeight(110);
        mediaTypes.setPlaceholder(new Label("No binary media types: bodies are treated as text"));
        newMediaType = new TextField();
        newMediaType.setId("settingsNewMediaType");
        newMediaType.setPromptText("image/png, application/octet-stream, */*");
        addMediaType = new Button("Add", new FontIcon(Feather.PLUS));
        addMediaType.setId("settingsAddMediaType");
        removeMediaType = new Button(null, new FontIcon(Feather.TRASH_2));
        removeMediaType.setId("settingsRemoveMediaType");
        mediaTypeProblem = problemLabel("settingsMediaTypeProblem");
        compression = new TextField();
        compression.setId("settingsCompression");
        compression.setPromptText("Off");
        compression.setPrefColumnCount(10);
        compressionProblem = problemLabel("settingsCompressionProblem");
        defaultApi = new CheckBox("Default API of the workspace (plain /{stage}/… URLs on the local data plane reach it)");
        defaultApi.setId("settingsDefaultApi");
        save = new Button("Save settings", new FontIcon(Feather.SAVE));
        save.setId("settingsSave");
        save.getStyleClass().add("accent");
        revert = new Button("Revert");
        revert.setId("settingsRevert");
    }

    private void layoutParts() {
        setId("settingsPage");
        setFitToWidth(true);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(170);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        form.addRow(row++, new Label("Name"), name);
        form.add(nameProblem, 1, row++);
        form.addRow(row++, new Label("Description"), description);
        form.addRow(row++, new Label("Version"), version);
        form.addRow(row++, new Label("API key source"), apiKeySource);
        form.addRow(row++, new Label("Endpoint type"), endpointType);
        form.add(endpointProblem, 1, row++);
        HBox addRow = new HBox(6, newMediaType, addMediaType, removeMediaType);
        HBox.setHgrow(newMediaType, Priority.ALWAYS);
        VBox media = new VBox(6, mediaTypes, addRow, mediaTypeProblem);
        Label mediaLabel = new Label("Binary media types");
        GridPane.setValignment(mediaLabel, javafx.geometry.VPos.TOP);
        form.addRow(row++, mediaLabel, media);
        HBox compressionRow = new HBox(8, compression, muted("bytes, 0–10485760; empty turns compression off"));
        compressionRow.setAlignment(Pos.CENTER_LEFT);
        form.addRow(row++, new Label("Minimum compression size"), compressionRow);
        form.add(compressionProblem, 1, row++);
        form.add(defaultApi, 1, row++);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, spacer, revert, save);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox content = new VBox(14, title, form, actions);
        content.setPadding(new Insets(12, 16, 16, 16));
        content.setMaxWidth(900);
        setContent(content);
    }

    private void bind() {
        title.textProperty().bind(vm.titleProperty());
        name.textProperty().bindBidirectional(vm.nameProperty());
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        version.textProperty().bindBidirectional(vm.versionProperty());
        apiKeySource.valueProperty().bindBidirectional(vm.apiKeySourceProperty());
        endpointType.valueProperty().bindBidirectional(vm.endpointTypeProperty());
        compression.textProperty().bindBidirectional(vm.minimumCompressionSizeProperty());
        defaultApi.selectedProperty().bindBidirectional(vm.defaultApiProperty());
        nameProblem.textProperty().bind(vm.nameProblemProperty());
        compressionProblem.textProperty().bind(vm.compressionProblemProperty());
        endpointProblem.textProperty().bind(vm.endpointProblemProperty());
        save.disableProperty().bind(vm.canSaveProperty().not());
        revert.disableProperty().bind(vm.dirtyProperty().not());
        removeMediaType.disableProperty().bind(mediaTypes.getSelectionModel().selectedItemProperty().isNull());
        getContent().disableProperty().bind(vm.hasApiProperty().not());
        for (Label l : new Label[] {nameProblem, compressionProblem, endpointProblem, mediaTypeProblem}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
        }
    }

    private void wireEvents() {
        Runnable add = () -> {
            String problem = vm.mediaTypeProblem(newMediaType.getText());
            mediaTypeProblem.setText(problem == null ? "" : problem);
            if (vm.addBinaryMediaType(newMediaType.getText())) newMediaType.clear();
        };
        addMediaType.setOnAction(e -> add.run());
        newMediaType.setOnAction(e -> add.run());
        newMediaType.textProperty().addListener((obs, old, text) -> {
            if (text.isBlank()) mediaTypeProblem.setText("");
        });
        Runnable remove = () -> {
            String selected = mediaTypes.getSelectionModel().getSelectedItem();
            if (selected != null) vm.removeBinaryMediaType(selected);
        };
        removeMediaType.setOnAction(e -> remove.run());
        mediaTypes.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) remove.run();
        });
        save.setOnAction(e -> vm.save());
        revert.setOnAction(e -> vm.revert());
    }

    private static Label problemLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("validation-error");
        l.setWrapText(true);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override public T fromString(String s) {
                return null;
            }
        };
    }
}

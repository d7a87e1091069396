package dev.gatehouse.app.method;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Integration response editor: responses by selection regex, and the selected one's mappings and templates. */
final class IntegrationResponsePane extends VBox {
    private final IntegrationResponsesViewModel vm;
    private ListView<Rows.IntegrationResponseRow> responses;
    private TextField newStatus;
    private TextField newPattern;
    private Button addResponse;
    private Button removeResponse;
    private Label responseProblem;
    private TextField pattern;
    private Button applyPattern;
    private Label patternProblem;
    private TableView<Rows.Mapping> headers;
    private TextField headerTarget;
    private TextField headerSource;
    private Button headerAdd;
    private Button headerRemove;
    private Label headerProblem;
    private TemplatesPane templates;
    private Label proxyNote;

    IntegrationResponsePane(IntegrationResponsesViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        responses = new ListView<>(vm.responses());
        responses.setId("integrationResponses");
        responses.setPlaceholder(new Label("No integration responses"));
        responses.setCellFactory(l -> new ListCell<>() {
            @Override protected void updateItem(Rows.IntegrationResponseRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.statusCode() + "   " + row.patternText());
            }
        });
        newStatus = new TextField();
        newStatus.setId("newIntegrationStatus");
        newStatus.setPromptText("status");
        newStatus.setPrefColumnCount(4);
        newStatus.setMinWidth(64);
        newPattern = new TextField();
        newPattern.setId("newIntegrationPattern");
        newPattern.setPromptText("regex, e.g. 4\\d{2}");
        addResponse = Forms.addButton("addIntegrationResponse");
        removeResponse = Forms.iconButton("removeIntegrationResponse", Feather.TRASH_2, "Remove the selected response");
        responseProblem = new Label();
        pattern = new TextField();
        pattern.setId("selectionPattern");
        pattern.setPromptText("(default response: no pattern)");
        applyPattern = new Button("Apply");
        applyPattern.setId("applySelectionPattern");
        patternProblem = new Label();
        patternProblem.getStyleClass().add("validation-error");
        headers = Forms.table("responseHeaderMappings", "No header mappings");
        headers.getColumns().add(Forms.column("Response header", Rows.Mapping::key));
        headers.getColumns().add(Forms.column("Mapped from", Rows.Mapping::value));
        headers.setItems(vm.headerMappings());
        headerTarget = new TextField("method.response.header.");
        headerTarget.setId("responseHeaderTarget");
        headerSource = new TextField();
        headerSource.setId("responseHeaderSource");
        headerSource.setPromptText("integration.response.header.X or 'value'");
        headerAdd = Forms.addButton("addResponseHeaderMapping");
        headerRemove = Forms.iconButton("removeResponseHeaderMapping", Feather.TRASH_2, "Remove the selected mapping");
        headerProblem = new Label();
        templates = new TemplatesPane(vm.templates(), "responseTemplates");
        proxyNote = new Label("Proxy integrations pass the backend's response through unchanged; these settings do not apply.");
        proxyNote.getStyleClass().add("muted");
        proxyNote.setWrapText(true);
    }

    private void layoutParts() {
        responses.setPrefHeight(150);
        VBox left = new VBox(6, Forms.section("Responses"), responses,
                Forms.addBar(responseProblem, addResponse, newStatus, newPattern), removeResponse);
        left.setPrefWidth(320);
        left.setMinWidth(280);
        HBox patternRow = new HBox(6, pattern, applyPattern);
        HBox.setHgrow(pattern, Priority.ALWAYS);
        VBox right = new VBox(8, Forms.section("Selection pattern (matched against the backend status)"), patternRow, patternProblem,
                Forms.section("Header mappings"), headers,
                Forms.addBar(headerProblem, headerAdd, headerTarget, headerSource, headerRemove));
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox top = new HBox(14, left, right);
        VBox.setVgrow(templates, Priority.ALWAYS);
        setSpacing(8);
        getChildren().addAll(proxyNote, top, Forms.section("Mapping templates of the selected response"), templates);
    }

    private void bind() {
        removeResponse.disableProperty().bind(vm.selectedProperty().isNull());
        headerRemove.disableProperty().bind(headers.getSelectionModel().selectedItemProperty().isNull());
        vm.selectedProperty().addListener((obs, old, code) -> syncSelection());
        vm.responses().addListener((javafx.collections.ListChangeListener<Rows.IntegrationResponseRow>) c -> syncSelection());
        syncSelection();
    }

    private void wireEvents() {
        responses.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && !row.statusCode().equals(vm.selectedProperty().get())) vm.selectedProperty().set(row.statusCode());
        });
        addResponse.setOnAction(e -> {
            String p = vm.responseProblem(newStatus.getText(), newPattern.getText());
            responseProblem.setText(p == null ? "" : p);
            if (p == null) {
                vm.addResponse(newStatus.getText(), newPattern.getText());
                newStatus.clear();
                newPattern.clear();
            }
        });
        removeResponse.setOnAction(e -> vm.removeSelected());
        pattern.textProperty().addListener((obs, old, text) -> {
            String p = vm.patternProblem(text);
            patternProblem.setText(p == null ? "" : p);
        });
        applyPattern.setOnAction(e -> vm.setSelectionPattern(pattern.getText()));
        pattern.setOnAction(e -> vm.setSelectionPattern(pattern.getText()));
        Runnable addHeader = () -> {
            String p = vm.headerMappingProblem(headerTarget.getText(), headerSource.getText());
            headerProblem.setText(p == null ? "" : p);
            if (p == null) {
                vm.putHeaderMapping(headerTarget.getText(), headerSource.getText());
                headerSource.clear();
            }
        };
        headerAdd.setOnAction(e -> addHeader.run());
        headerSource.setOnAction(e -> addHeader.run());
        headerRemove.setOnAction(e -> vm.removeHeaderMapping(headers.getSelectionModel().getSelectedItem()));
    }

    private void syncSelection() {
        String code = vm.selectedProperty().get();
        Rows.IntegrationResponseRow row = vm.responses().stream().filter(r -> r.statusCode().equals(code)).findFirst().orElse(null);
        responses.getSelectionModel().select(row);
        pattern.setText(row == null || row.selectionPattern() == null ? "" : row.selectionPattern());
        pattern.setDisable(row == null);
        applyPattern.setDisable(row == null);
        proxyNote.setVisible(vm.isProxy());
        proxyNote.setManaged(vm.isProxy());
    }

    void dispose() {
        templates.dispose();
    }
}

package dev.gatehouse.app.gatewayresponses;

import atlantafx.base.theme.Styles;
import dev.gatehouse.app.gatewayresponses.GatewayResponsesViewModel.Header;
import dev.gatehouse.app.gatewayresponses.GatewayResponsesViewModel.Row;
import dev.gatehouse.engine.model.GatewayResponseType;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Gateway Responses page: the 21 types with their effective status and source on the left, the selected
 * type's customisation (status, headers, templates per content type) on the right.
 */
public final class GatewayResponsesView extends SplitPane {
    private final GatewayResponsesViewModel vm;
    private TableView<Row> table;
    private Label title;
    private Label defaults;
    private TextField status;
    private Label statusProblem;
    private TableView<Header> headers;
    private Button addHeader;
    private Button removeHeader;
    private Label headerProblem;
    private ComboBox<String> contentType;
    private TextField newContentType;
    private Button addContentType;
    private Button removeContentType;
    private Label contentTypeProblem;
    private TextArea template;
    private Button save;
    private Button revert;
    private Button reset;
    private Button enableCors;

    public GatewayResponsesView(GatewayResponsesViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        table = new TableView<>(vm.rows());
        table.setId("gatewayResponseTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> type = column("Type", r -> r.type().name());
        type.setPrefWidth(270);
        type.setCellFactory(c -> new TypeCell(type));
        TableColumn<Row, String> statusColumn = column("Status", Row::status);
        statusColumn.setPrefWidth(60);
        TableColumn<Row, String> source = column("Source", Row::sourceText);
        source.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll(Styles.ACCENT, Styles.TEXT_MUTED, Styles.SUCCESS);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                if (row != null) {
                    getStyleClass().add(switch (row.source()) {
                        case CUSTOMISED -> Styles.ACCENT;
                        case INHERITED -> Styles.SUCCESS;
                        case DEFAULT -> Styles.TEXT_MUTED;
                    });
                }
            }
        });
        table.getColumns().setAll(java.util.List.of(type, statusColumn, source));

        title = new Label();
        title.setId("gatewayResponseTitle");
        title.getStyleClass().add("page-title");
        defaults = new Label();
        defaults.setId("gatewayResponseDefaults");
        defaults.getStyleClass().add("muted");
        defaults.setWrapText(true);
        status = new TextField();
        status.setId("gatewayResponseStatus");
        status.setPrefColumnCount(9); // its prompt, "Default: 403", reads whole
        statusProblem = problem("gatewayResponseStatusProblem");

        headers = new TableView<>(vm.headers());
        headers.setId("gatewayResponseHeaders");
        headers.setEditable(true);
        headers.setPrefHeight(140);
        headers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label noHeaders = new Label("No response headers. A header's value is 'static', method.request.header.X, "
                + "context.X or stageVariables.X");
        noHeaders.setWrapText(true);
        noHeaders.setPadding(new javafx.geometry.Insets(8));
        headers.setPlaceholder(noHeaders);
        TableColumn<Header, String> name = column("Header name", Header::name);
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> vm.setHeader(e.getTablePosition().getRow(), e.getNewValue(), e.getRowValue().value()));
        TableColumn<Header, String> value = column("Value", Header::value); // the placeholder lists the forms a value takes
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setOnEditCommit(e -> vm.setHeader(e.getTablePosition().getRow(), e.getRowValue().name(), e.getNewValue()));
        name.setPrefWidth(220);
        headers.getColumns().setAll(java.util.List.of(name, value));
        addHeader = new Button("Add header", new FontIcon(Feather.PLUS));
        addHeader.setId("gatewayResponseAddHeader");
        removeHeader = new Button(null, new FontIcon(Feather.TRASH_2));
        removeHeader.setId("gatewayResponseRemoveHeader");
        headerProblem = problem("gatewayResponseHeaderProblem");

        contentType = new ComboBox<>(vm.contentTypes());
        contentType.setId("gatewayResponseContentType");
        contentType.setPromptText("No templates");
        newContentType = new TextField();
        newContentType.setId("gatewayResponseNewContentType");
        newContentType.setPromptText("Content type, e.g. application/xml");
        addContentType = new Button(null, new FontIcon(Feather.PLUS));
        addContentType.setId("gatewayResponseAddContentType");
        removeContentType = new Button(null, new FontIcon(Feather.TRASH_2));
        removeContentType.setId("gatewayResponseRemoveContentType");
        contentTypeProblem = problem("gatewayResponseContentTypeProblem");
        template = new TextArea();
        template.setId("gatewayResponseTemplate");
        template.getStyleClass().add("code");
        template.setPrefRowCount(6);
        template.setStyle("-fx-font-family: monospace;");

        save = new Button("Save response", new FontIcon(Feather.SAVE));
        save.setId("gatewayResponseSave");
        save.getStyleClass().add("accent");
        revert = new Button("Revert");
        revert.setId("gatewayResponseRevert");
        reset = new Button("Reset to default", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("gatewayResponseReset");
        enableCors = new Button(null, new FontIcon(Feather.GLOBE));
        enableCors.setId("enableCors");
    }

    private void layoutParts() {
        setId("gatewayResponsesPage");
        VBox left = new VBox(8, table, enableCors);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        HBox statusRow = new HBox(8, new Label("Status code"), status, statusProblem);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        HBox headerActions = new HBox(6, addHeader, removeHeader, headerProblem);
        headerActions.setAlignment(Pos.CENTER_LEFT);
        HBox templateRow = new HBox(6, contentType, removeContentType, newContentType, addContentType, contentTypeProblem);
        templateRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(newContentType, Priority.SOMETIMES);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, reset, spacer, revert, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label templateNote = new Label("Templates substitute $context.error.message, .messageString, .responseType and "
                + ".validationErrorString (plain substitution, not VTL)");
        templateNote.getStyleClass().add("muted");
        templateNote.setWrapText(true);
        VBox right = new VBox(8, title, defaults, statusRow, section("Response headers"), headers, headerActions,
                section("Response templates"), templateRow, template, templateNote, actions);
        VBox.setVgrow(template, Priority.ALWAYS);
        right.setPadding(new Insets(12, 16, 12, 16));
        getItems().addAll(left, right);
        setDividerPositions(0.44);
    }

    private void bind() {
        title.textProperty().bind(vm.selectedProperty().map(t -> "Gateway response " + t).orElse("No API selected"));
        defaults.textProperty().bind(vm.defaultsProperty());
        status.textProperty().bindBidirectional(vm.statusCodeProperty());
        status.promptTextProperty().bind(vm.statusPromptProperty());
        statusProblem.textProperty().bind(vm.statusProblemProperty());
        headerProblem.textProperty().bind(vm.headerProblemProperty());
        contentType.valueProperty().bindBidirectional(vm.selectedContentTypeProperty());
        template.textProperty().bindBidirectional(vm.templateProperty());
        template.disableProperty().bind(vm.selectedContentTypeProperty().isNull());
        removeContentType.disableProperty().bind(vm.selectedContentTypeProperty().isNull());
        removeHeader.disableProperty().bind(headers.getSelectionModel().selectedItemProperty().isNull());
        save.disableProperty().bind(vm.canSaveProperty().not());
        revert.disableProperty().bind(vm.dirtyProperty().not());
        reset.disableProperty().bind(vm.customisedProperty().not());
        enableCors.textProperty().bind(vm.corsTargetProperty().map(p -> p.isEmpty() ? "Enable CORS… (select a resource first)" : "Enable CORS on " + p + "…"));
        enableCors.disableProperty().bind(vm.corsTargetProperty().isEmpty());
        getItems().get(1).disableProperty().bind(vm.selectedProperty().isNull());
        vm.selectedProperty().addListener((obs, old, type) -> selectInTable());
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> selectInTable());
        selectInTable();
    }

    private void wireEvents() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && row.type() != vm.selectedProperty().get()) vm.selectedProperty().set(row.type());
        });
        addHeader.setOnAction(e -> {
            vm.addHeader();
            headers.getSelectionModel().selectLast();
            headers.edit(vm.headers().size() - 1, headers.getColumns().getFirst());
        });
        removeHeader.setOnAction(e -> vm.removeHeader(headers.getSelectionModel().getSelectedIndex()));
        Runnable addType = () -> {
            String problem = vm.contentTypeProblem(newContentType.getText());
            contentTypeProblem.setText(problem == null ? "" : problem);
            if (problem == null) {
                vm.addContentType(newContentType.getText());
                newContentType.clear();
            }
        };
        addContentType.setOnAction(e -> addType.run());
        newContentType.setOnAction(e -> addType.run());
        removeContentType.setOnAction(e -> vm.removeContentType(vm.selectedContentTypeProperty().get()));
        save.setOnAction(e -> vm.save());
        revert.setOnAction(e -> vm.revert());
        reset.setOnAction(e -> vm.resetToDefault());
        enableCors.setOnAction(e -> vm.enableCors());
    }

    private void selectInTable() {
        var type = vm.selectedProperty().get();
        Row current = table.getSelectionModel().getSelectedItem();
        if (type == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        if (current != null && current.type() == type && vm.rows().contains(current)) return;
        vm.rows().stream().filter(r -> r.type() == type).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
    }

    private static <S> TableColumn<S, String> column(String text, java.util.function.Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(text);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /**
     * A type name cell that widens its column to the longest type name in the cell's own font (a fixed 270 px
     * left AUTHORIZER_CONFIGURATION_ERROR cut by ~10 px with the theme's font at 1360x860).
     */
    private static final class TypeCell extends TableCell<Row, String> {
        private final TableColumn<Row, String> column;

        TypeCell(TableColumn<Row, String> column) {
            this.column = column;
        }

        @Override protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            if (!empty) fitColumn();
        }

        private void fitColumn() {
            Text probe = new Text();
            probe.setFont(getFont());
            double widest = 0;
            for (GatewayResponseType t : GatewayResponseType.values()) {
                probe.setText(t.name());
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            Insets pad = getPadding() == null ? Insets.EMPTY : getPadding();
            double needed = Math.ceil(widest + pad.getLeft() + pad.getRight() + 8);
            if (column.getMinWidth() < needed) {
                column.setMinWidth(needed);
                if (column.getPrefWidth() < needed) column.setPrefWidth(needed);
            }
        }
    }

    private static Label problem(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("validation-error");
        l.setWrapText(true);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        return l;
    }
}

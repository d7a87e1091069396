package dev.gatehouse.app.observe;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.SplitPane;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Logs page's test panel for Replay: the logged request, editable, a target (the draft or a stage), Send, and
 * the original and replayed responses side by side with the differing rows highlighted.
 */
final class ReplayPane extends VBox {
    private final ReplayViewModel vm;
    private TextField method;
    private TextField path;
    private TextArea headers;
    private TextArea body;
    private ComboBox<String> target;
    private Button send;
    private Label summary;
    private TableView<ResponseDiff.Row> diff;

    ReplayPane(ReplayViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        method = new TextField();
        method.setId("replayMethod");
        method.setPrefColumnCount(6);
        path = new TextField();
        path.setId("replayPath");
        headers = new TextArea();
        headers.setId("replayHeaders");
        headers.setPrefRowCount(6);
        body = new TextArea();
        body.setId("replayBody");
        body.setPrefRowCount(4);
        target = new ComboBox<>(vm.targets());
        target.setId("replayTarget");
        send = new Button("Send", new FontIcon(Feather.PLAY));
        send.setId("replaySend");
        send.getStyleClass().add("accent");
        summary = new Label();
        summary.setId("replaySummary");
        summary.setWrapText(true);
        diff = new TableView<>(vm.rows());
        diff.setId("replayDiff");
        diff.setPlaceholder(new Label("Send the request to compare its answer with the original"));
        diff.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ResponseDiff.Row, String> section = new TableColumn<>("");
        section.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().section()));
        section.setPrefWidth(70);
        section.setMaxWidth(90);
        diff.getColumns().add(section);
        diff.getColumns().add(side("Original response", true));
        diff.getColumns().add(side("Replayed response", false));
    }

    private static TableColumn<ResponseDiff.Row, ResponseDiff.Row> side(String title, boolean left) {
        TableColumn<ResponseDiff.Row, ResponseDiff.Row> column = new TableColumn<>(title);
        column.setId(left ? "replayOriginal" : "replayReplayed");
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(ResponseDiff.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("diff-cell", "changed", "only-left", "only-right");
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                setText(left ? row.left() : row.right());
                getStyleClass().add("diff-cell");
                switch (row.kind()) {
                    case CHANGED -> getStyleClass().add("changed");
                    case ONLY_LEFT -> getStyleClass().add(left ? "only-left" : "changed");
                    case ONLY_RIGHT -> getStyleClass().add(left ? "changed" : "only-right");
                    default -> { }
                }
            }
        });
        return column;
    }

    private void layoutParts() {
        setId("replayPane");
        HBox line = new HBox(6, method, path);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(path, Priority.ALWAYS);
        Label to = new Label("Send to");
        to.setMinWidth(Region.USE_PREF_SIZE);
        send.setMinWidth(Region.USE_PREF_SIZE);
        HBox sendLine = new HBox(6, to, target, send);
        sendLine.setAlignment(Pos.CENTER_LEFT);
        VBox editor = new VBox(6, line, sendLine, new Label("Headers (one Name: value a line)"), headers, new Label("Body"), body);
        VBox.setVgrow(headers, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox result = new VBox(6, summary, diff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        SplitPane split = new SplitPane(editor, result);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);
        setSpacing(6);
        setPadding(new Insets(8, 0, 0, 0));
        getChildren().add(split);
    }

    private void bind() {
        method.textProperty().bindBidirectional(vm.methodProperty());
        path.textProperty().bindBidirectional(vm.pathWithQueryProperty());
        headers.textProperty().bindBidirectional(vm.headersProperty());
        body.textProperty().bindBidirectional(vm.bodyProperty());
        target.valueProperty().bindBidirectional(vm.targetProperty());
        summary.textProperty().bind(vm.summaryProperty());
        send.disableProperty().bind(vm.sendingProperty().or(vm.originalProperty().isNull()));
    }

    private void wireEvents() {
        send.setOnAction(e -> vm.send());
    }
}

package dev.gatehouse.app.remotes;

import atlantafx.base.theme.Styles;
import dev.gatehouse.app.remotes.RemotesViewModel.Kind;
import dev.gatehouse.app.remotes.RemotesViewModel.Line;
import dev.gatehouse.app.remotes.RemotesViewModel.Phase;
import dev.gatehouse.app.remotes.RemotesViewModel.Row;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Remotes page: the remotes table with Add / Edit / Delete / Test connection and the add-edit form on the left;
 * on the right, Push of the selected API (stage → Preview → Confirm push → result) and Pull (diff → Accept), and the
 * push history of the selected remote. All state and commands are in {@link RemotesViewModel}.
 */
public final class RemotesView extends SplitPane {
    private final RemotesViewModel vm;

    public RemotesView(RemotesViewModel vm) {
        this.vm = vm;
        getItems().addAll(left(), right());
        setDividerPositions(0.46);
    }

    // ---- left: the remotes -------------------------------------------------------------------------------------

    private Node left() {
        Label title = new Label("Remotes");
        title.getStyleClass().add("page-title");
        Label about = new Label("Gateways this workspace's APIs are pushed to: another Gatehouse engine (gatehouse serve"
                + " --admin-port) or Amazon API Gateway. Credentials are kept in " + vm.remotesFile()
                + " (readable by you only), never in the workspace.");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);
        about.getStyleClass().add("muted");

        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("remotesTable");
        table.setPlaceholder(new Label("No remotes yet: Add one."));
        table.getColumns().add(column("Name", Row::name, 110));
        table.getColumns().add(column("Kind", Row::kind, 190));
        table.getColumns().add(column("Endpoint", Row::endpoint, 230));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(170);
        table.setMinHeight(120);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null || vm.rows().isEmpty()) vm.selectedProperty().set(now);
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) table.getSelectionModel().select(now);
        });
        if (vm.selectedProperty().get() != null) table.getSelectionModel().select(vm.selectedProperty().get());

        Label credentials = new Label();
        credentials.setId("remoteCredentials");
        credentials.getStyleClass().add("muted");
        credentials.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : "Credentials: " + vm.selectedProperty().get().credentials(), vm.selectedProperty()));

        BooleanBinding none = vm.selectedProperty().isNull();
        Button add = button("Add…", Feather.PLUS, "remoteAdd", vm::startAdd);
        Button edit = button("Edit…", Feather.EDIT_2, "remoteEdit", vm::startEdit);
        edit.disableProperty().bind(none.or(vm.editingProperty()));
        Button delete = button("Delete", Feather.TRASH_2, "remoteDelete", vm::delete);
        delete.disableProperty().bind(none.or(vm.editingProperty()));
        Button test = button("Test connection", Feather.ACTIVITY, "remoteTest", vm::testConnection);
        test.disableProperty().bind(none.or(vm.testingProperty()));
        add.disableProperty().bind(vm.editingProperty());
        HBox buttons = new HBox(8, add, edit, delete, test);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label connection = new Label();
        connection.setId("remoteConnection");
        connection.setWrapText(true);
        connection.setMinHeight(Region.USE_PREF_SIZE);
        connection.textProperty().bind(vm.connectionProperty());
        vm.connectionOkProperty().addListener((o, was, ok) -> style(connection, ok));
        vm.connectionProperty().addListener((o, was, now) -> style(connection, vm.connectionOkProperty().get()));
        Label listProblem = problem("remotesProblem", vm.listProblemProperty());

        Label historyTitle = new Label("Push history");
        historyTitle.getStyleClass().add("section-title");
        ListView<String> history = new ListView<>(vm.history());
        history.setId("remoteHistory");
        Label noHistory = new Label();
        noHistory.textProperty().bind(javafx.beans.binding.Bindings.when(vm.selectedProperty().isNull())
                .then("Choose a remote to see what was pushed to it.").otherwise("No push to this remote yet."));
        history.setPlaceholder(noHistory);
        history.setPrefHeight(140);
        history.setMinHeight(90);
        VBox.setVgrow(history, Priority.ALWAYS);

        VBox box = new VBox(10, title, about, table, credentials, buttons, connection, listProblem, form(), historyTitle, history);
        box.setPadding(new Insets(16));
        return scroll(box);
    }

    private Node form() {
        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(Bindings.when(vm.creatingProperty()).then("Add remote").otherwise("Edit remote"));
        TextField name = field("remoteName", vm.nameProperty(), "b, staging, aws-eu");
        name.disableProperty().bind(vm.creatingProperty().not());
        ChoiceBox<Kind> kind = new ChoiceBox<>();
        kind.setId("remoteKind");
        kind.getItems().setAll(Kind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        TextField url = field("remoteUrl", vm.urlProperty(), "http://127.0.0.1:4011 (its --admin-port)");
        TextField region = field("remoteRegion", vm.regionProperty(), "eu-west-1");
        CheckBox chain = new CheckBox("Use the AWS credential chain (environment, ~/.aws, SSO, AWS_PROFILE)");
        chain.setId("remoteChain");
        chain.selectedProperty().bindBidirectional(vm.credentialChainProperty());
        TextField accessKey = field("remoteAccessKey", vm.accessKeyProperty(), "access key id");
        PasswordField secret = new PasswordField();
        secret.setId("remoteSecret");
        secret.textProperty().bindBidirectional(vm.secretProperty());
        secret.promptTextProperty().bind(Bindings.when(vm.creatingProperty()).then("secret access key")
                .otherwise("leave empty to keep the saved secret"));
        BooleanBinding aws = vm.kindProperty().isEqualTo(Kind.AWS);
        BooleanBinding keysOff = aws.and(vm.credentialChainProperty());
        accessKey.disableProperty().bind(keysOff);
        secret.disableProperty().bind(keysOff);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label("Name"), name);
        grid.addRow(row++, new Label("Kind"), kind);
        Label urlLabel = new Label("Control-plane URL");
        grid.addRow(row++, urlLabel, url);
        Label regionLabel = new Label("Region");
        grid.addRow(row++, regionLabel, region);
        grid.add(chain, 1, row++);
        grid.addRow(row++, new Label("Access key"), accessKey);
        grid.addRow(row++, new Label("Secret"), secret);
        for (Node n : new Node[] {urlLabel, url}) showIf(n, aws.not());
        for (Node n : new Node[] {regionLabel, region, chain}) showIf(n, aws);
        GridPane.setHgrow(url, Priority.ALWAYS);

        Label problem = problem("remoteFormProblem", vm.formProblemProperty());
        Button save = button("Save", Feather.CHECK, "remoteSave", vm::save);
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        Button cancel = button("Cancel", null, "remoteCancelEdit", vm::cancelEdit);
        Label where = new Label("Saved to " + vm.remotesFile() + " (permissions 0600)");
        where.getStyleClass().add("muted");
        where.setWrapText(true);
        where.setMinHeight(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, save, cancel);
        VBox form = new VBox(8, heading, grid, problem, actions, where);
        form.setPadding(new Insets(12));
        form.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6;");
        showIf(form, vm.editingProperty());
        return form;
    }

    // ---- right: push and pull ----------------------------------------------------------------------------------

    private Node right() {
        Label pushTitle = new Label();
        pushTitle.getStyleClass().add("page-title");
        pushTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            var api = vm.workbench().selectedApiProperty().get();
            var r = vm.selectedProperty().get();
            return "Push " + (api == null ? "(no API selected)" : api.name()) + (r == null ? "" : " to " + r.name());
        }, vm.workbench().selectedApiProperty(), vm.selectedProperty()));
        TextField stage = field("pushStage", vm.pushStageProperty(), "prod");
        stage.setPrefColumnCount(8);
        BooleanBinding working = vm.pushPhaseProperty().isEqualTo(Phase.WORKING);
        BooleanBinding cannotStart = vm.selectedProperty().isNull().or(vm.workbench().selectedApiProperty().isNull()).or(working);
        Button preview = button("Preview", Feather.EYE, "pushPreview", vm::previewPush);
        preview.disableProperty().bind(cannotStart);
        Button confirm = button("Confirm push", Feather.UPLOAD_CLOUD, "pushConfirm", vm::confirmPush);
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canConfirmPush(), vm.pushPhaseProperty(),
                vm.selectedProperty(), vm.pushStageProperty(), vm.workbench().selectedApiProperty()));
        Button cancel = button("Cancel", Feather.X, "pushCancel", vm::cancel);
        cancel.disableProperty().bind(working.not().and(vm.pullPhaseProperty().isNotEqualTo(Phase.WORKING)).and(vm.testingProperty().not()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(working.or(vm.pullPhaseProperty().isEqualTo(Phase.WORKING)).or(vm.testingProperty()));
        HBox pushBar = new HBox(8, fixed(new Label("Remote stage")), stage, fixed(preview), fixed(confirm), fixed(cancel), progress);
        pushBar.setAlignment(Pos.CENTER_LEFT);
        Label pushStatus = status("pushStatus", vm.pushStatusProperty(), vm.pushPhaseProperty());
        ListView<Line> pushLines = lines("pushLines", vm.pushLines(), "Preview shows what the push adds (+), changes (~) and removes (-) on the remote, with breaking changes flagged.");
        TextField invoke = new TextField();
        invoke.setId("pushInvokeUrl");
        invoke.setEditable(false);
        invoke.textProperty().bind(vm.invokeUrlProperty());
        HBox invokeRow = new HBox(8, new Label("Invoke URL"), invoke);
        invokeRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(invoke, Priority.ALWAYS);
        showIf(invokeRow, vm.invokeUrlProperty().isNotEmpty());

        Label pullTitle = new Label("Pull from the remote");
        pullTitle.getStyleClass().add("section-title");
        TextField pullApi = field("pullApi", vm.pullApiProperty(), "remote API name or id");
        TextField pullStage = field("pullStage", vm.pullStageProperty(), "its only stage");
        pullStage.setPrefColumnCount(8);
        BooleanBinding pulling = vm.pullPhaseProperty().isEqualTo(Phase.WORKING);
        Button pullPreview = button("Show diff", Feather.DOWNLOAD_CLOUD, "pullPreview", vm::previewPull);
        pullPreview.disableProperty().bind(vm.selectedProperty().isNull().or(vm.workbench().sessionProperty().isNull()).or(pulling));
        Button accept = button("Accept and overwrite", Feather.CHECK, "pullAccept", vm::acceptPull);
        accept.disableProperty().bind(vm.pullPhaseProperty().isNotEqualTo(Phase.PREVIEWED));
        HBox pullFields = new HBox(8, fixed(new Label("Remote API")), pullApi, fixed(new Label("Stage")), pullStage);
        pullFields.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(pullApi, Priority.ALWAYS);
        HBox pullBar = new HBox(8, fixed(pullPreview), fixed(accept));
        pullBar.setAlignment(Pos.CENTER_LEFT);
        Label pullStatus = status("pullStatus", vm.pullStatusProperty(), vm.pullPhaseProperty());
        ListView<Line> pullLines = lines("pullLines", vm.pullLines(), "The methods a pull would add, change or remove here.");
        pullLines.setPrefHeight(150);

        VBox box = new VBox(10, pushTitle, pushBar, pushStatus, pushLines, invokeRow, pullTitle, pullFields, pullBar, pullStatus, pullLines);
        VBox.setVgrow(pushLines, Priority.ALWAYS);
        box.setPadding(new Insets(16));
        return scroll(box);
    }

    // ---- parts -------------------------------------------------------------------------------------------------

    private static ListView<Line> lines(String id, javafx.collections.ObservableList<Line> items, String placeholder) {
        ListView<Line> list = new ListView<>(items);
        list.setId(id);
        Label p = new Label(placeholder);
        p.setWrapText(true);
        p.getStyleClass().add("muted");
        list.setPlaceholder(p);
        list.setPrefHeight(240);
        list.setCellFactory(v -> new ListCell<>() {
            @Override protected void updateItem(Line line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setStyle(null);
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(line.text());
                FontIcon icon = switch (line.style()) {
                    case ADDED -> new FontIcon(Feather.PLUS_CIRCLE);
                    case CHANGED -> new FontIcon(Feather.EDIT_3);
                    case REMOVED -> new FontIcon(Feather.MINUS_CIRCLE);
                    case BREAKING -> new FontIcon(Feather.ALERT_TRIANGLE);
                    case ACCESS -> new FontIcon(Feather.KEY);
                    case WARNING -> new FontIcon(Feather.ALERT_CIRCLE);
                    case INFO -> new FontIcon(Feather.INFO);
                };
                setGraphic(icon);
                // AtlantaFX's colour variables, so the light and dark themes both read
                String colour = switch (line.style()) {
                    case ADDED -> "-color-success-fg";
                    case CHANGED, WARNING -> "-color-warning-fg";
                    case REMOVED, BREAKING -> "-color-danger-fg";
                    case ACCESS -> "-color-accent-fg";
                    case INFO -> "-color-fg-muted";
                };
                setStyle("-fx-text-fill: " + colour + ";");
                // appended: the icon's own inline style names its icon font
                icon.setStyle(icon.getStyle() + ";-fx-icon-color: " + colour + ";");
            }
        });
        return list;
    }

    /** Never narrower than its text: a bar of buttons must not shorten them to "Pre…". */
    private static <T extends Region> T fixed(T node) {
        node.setMinWidth(Region.USE_PREF_SIZE);
        return node;
    }

    private static Label status(String id, javafx.beans.property.StringProperty text,
                                javafx.beans.property.ObjectProperty<Phase> phase) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        phase.addListener((o, was, now) -> {
            l.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            if (now == Phase.FAILED) l.getStyleClass().add(Styles.DANGER);
            if (now == Phase.DONE) l.getStyleClass().add(Styles.SUCCESS);
        });
        return l;
    }

    private static void style(Label l, boolean ok) {
        l.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (!l.getText().isEmpty() && !l.getText().startsWith("Testing")) l.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
    }

    private static Label problem(String id, javafx.beans.property.StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add("validation-error");
        l.textProperty().bind(text);
        showIf(l, text.isNotEmpty());
        return l;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Button button(String text, Feather icon, String id, Runnable action) {
        Button b = new Button(text, icon == null ? null : new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static void showIf(Node n, javafx.beans.value.ObservableBooleanValue condition) {
        n.visibleProperty().bind(condition);
        n.managedProperty().bind(condition);
    }

    private static ScrollPane scroll(Region content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setFitToHeight(true);
        return s;
    }
}

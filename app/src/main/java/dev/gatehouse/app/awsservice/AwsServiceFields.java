package dev.gatehouse.app.awsservice;

import dev.gatehouse.app.awsservice.AwsServiceUri.ActionType;
import dev.gatehouse.engine.model.ContentHandling;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The "AWS Service" fields as AWS's console lays them out (AWS Region, AWS service, AWS subdomain, Action type,
 * Action name or Path override, Execution role), bound to an {@link AwsServiceFieldsViewModel}. The integration
 * request editor and the Create method dialog both show it; the dialog adds Content handling.
 */
public final class AwsServiceFields extends GridPane {
    private final ToggleGroup actionTypes = new ToggleGroup();

    /**
     * @param idPrefix            prefix of the fields' ids ({@code aws} → {@code #awsRegion}, {@code #awsAction}, …)
     * @param dialog   true for the Create method dialog: compact, with Content handling (the editor has its own),
     *                 without a problem line (the dialog has one)
     */
    public AwsServiceFields(AwsServiceFieldsViewModel vm, String idPrefix, boolean dialog) {
        setHgap(10);
        setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        getColumnConstraints().setAll(labels, fields);

        ComboBox<String> region = editable(FXCollections.observableArrayList(AwsServiceFieldsViewModel.REGIONS), idPrefix + "Region");
        region.getEditor().textProperty().bindBidirectional(vm.regionProperty());
        ComboBox<String> service = editable(FXCollections.observableArrayList(AwsServiceUri.SERVICES), idPrefix + "Service");
        service.setPromptText("dynamodb");
        service.getEditor().textProperty().bindBidirectional(vm.serviceProperty());
        TextField subdomain = field(idPrefix + "Subdomain", "optional, e.g. my-bucket");
        subdomain.textProperty().bindBidirectional(vm.subdomainProperty());
        RadioButton useAction = radio(ActionType.ACTION, idPrefix + "UseAction");
        RadioButton usePath = radio(ActionType.PATH_OVERRIDE, idPrefix + "UsePath");
        actionTypes.selectToggle(vm.actionTypeProperty().get() == ActionType.ACTION ? useAction : usePath);
        actionTypes.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) old.setSelected(true);
            else vm.actionTypeProperty().set((ActionType) t.getUserData());
        });
        vm.actionTypeProperty().addListener((obs, old, t) -> actionTypes.selectToggle(t == ActionType.ACTION ? useAction : usePath));
        TextField action = field(idPrefix + "Action", "PutItem");
        action.textProperty().bindBidirectional(vm.actionProperty());
        TextField path = field(idPrefix + "PathOverride", "{bucket}/{key}");
        path.textProperty().bindBidirectional(vm.pathOverrideProperty());
        Label actionLabel = new Label("Action name");
        Label pathLabel = new Label("Path override");
        var isAction = vm.actionTypeProperty().isEqualTo(ActionType.ACTION);
        for (javafx.scene.Node n : new javafx.scene.Node[] {actionLabel, action}) {
            n.visibleProperty().bind(isAction);
            n.managedProperty().bind(isAction);
        }
        for (javafx.scene.Node n : new javafx.scene.Node[] {pathLabel, path}) {
            n.visibleProperty().bind(isAction.not());
            n.managedProperty().bind(isAction.not());
        }
        TextField role = field(idPrefix + "Credentials", "arn:aws:iam::123456789012:role/GuestbookRole");
        role.textProperty().bindBidirectional(vm.credentialsProperty());
        Label roleHint = new Label("Roles cannot be assumed offline: aws.json credentialProfiles maps this role to a "
                + "profile of ~/.aws/credentials. Empty: the default AWS credential chain.");
        roleHint.setWrapText(true);
        roleHint.setMinHeight(Region.USE_PREF_SIZE);
        roleHint.getStyleClass().add("muted");
        Label problem = new Label();
        problem.setId(idPrefix + "Problem");
        problem.getStyleClass().add("validation-error");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());

        HBox types = new HBox(16, useAction, usePath);
        if (!dialog) {
            int row = 0;
            addRow(row++, new Label("AWS Region"), region);
            addRow(row++, new Label("AWS service"), service);
            addRow(row++, new Label("AWS subdomain"), subdomain);
            addRow(row++, new Label("Action type"), types);
            addRow(row++, actionLabel, action);
            addRow(row++, pathLabel, path);
            addRow(row++, new Label("Execution role"), role);
            add(roleHint, 1, row++);
            add(problem, 1, row);
            return;
        }
        // the dialog: two fields a row, so it fits a small screen; its own problem line says what is missing
        ColumnConstraints labels2 = new ColumnConstraints();
        labels2.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields2 = new ColumnConstraints();
        fields2.setHgrow(Priority.ALWAYS);
        getColumnConstraints().setAll(labels, fields, labels2, fields2);
        ComboBox<ContentHandling> handling = new ComboBox<>(FXCollections.observableArrayList(null,
                ContentHandling.CONVERT_TO_TEXT, ContentHandling.CONVERT_TO_BINARY));
        handling.setId(idPrefix + "ContentHandling");
        StringConverter<ContentHandling> names = new StringConverter<>() {
            @Override public String toString(ContentHandling c) { return c == null ? "Passthrough" : c.name(); }

            @Override public ContentHandling fromString(String s) { return null; }
        };
        handling.setConverter(names);
        handling.setButtonCell(new ListCell<>() {
            @Override protected void updateItem(ContentHandling c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty ? null : names.toString(c));
            }
        });
        handling.setMaxWidth(Double.MAX_VALUE);
        handling.valueProperty().bindBidirectional(vm.contentHandlingProperty());
        addRow(0, new Label("AWS Region"), region, new Label("AWS service"), service);
        addRow(1, new Label("AWS subdomain"), subdomain, new Label("Content handling"), handling);
        add(new Label("Action type"), 0, 2);
        add(types, 1, 2, 3, 1);
        add(actionLabel, 0, 3);
        add(action, 1, 3, 3, 1);
        add(pathLabel, 0, 3);
        add(path, 1, 3, 3, 1);
        add(new Label("Execution role"), 0, 4);
        add(role, 1, 4, 3, 1);
        add(roleHint, 1, 5, 3, 1);
    }

    private RadioButton radio(ActionType type, String id) {
        RadioButton b = new RadioButton(type.label());
        b.setId(id);
        b.setUserData(type);
        b.setToggleGroup(actionTypes);
        return b;
    }

    private static ComboBox<String> editable(javafx.collections.ObservableList<String> items, String id) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        // a picked item goes through the editor's text, which is what the view-model holds
        box.valueProperty().addListener((obs, old, v) -> {
            if (v != null && !v.equals(box.getEditor().getText())) box.getEditor().setText(v);
        });
        return box;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }
}

package dev.gatehouse.app.authorizers;

import atlantafx.base.theme.Styles;
import dev.gatehouse.app.authorizers.AuthorizersViewModel.Row;
import dev.gatehouse.engine.model.AuthorizerType;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Authorizers page: the list and editor on the left; "Test authorizer" and "Token minter" tabs on the right.
 * Everything it shows and does goes through {@link AuthorizersViewModel}. FX thread only.
 */
public final class AuthorizersView extends SplitPane {

    private final AuthorizersViewModel vm;

    public AuthorizersView(AuthorizersViewModel vm) {
        this.vm = vm;
        setId("authorizersPage");
        TabPane right = new TabPane(tab("Test authorizer", testPane()), tab("Token minter", minterPane()));
        right.setId("authorizerTabs");
        right.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getItems().setAll(listAndEditor(), right);
        setDividerPositions(0.48);
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return new Tab(title, scroll);
    }

    private VBox listAndEditor() {
        Label title = new Label("Authorizers");
        title.getStyleClass().add("page-title");
        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("authorizerTable");
        table.setPrefHeight(180);
        table.setMaxHeight(260);
        table.setPlaceholder(new Label("No authorizers yet: fill in the form below and Save"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(column("Name", Row::name), column("Type", Row::typeText),
                column("Function / user pool", Row::detail), column("Used by", r -> r.usedBy().isEmpty() ? "—" : String.join(", ", r.usedBy()))));
        double[] widths = {110, 90, 170}; // "Function / user pool" reads whole at 1360 px; "Used by" takes the rest
        for (int i = 0; i < widths.length; i++) table.getColumns().get(i).setPrefWidth(widths[i]);
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null) vm.selectedProperty().set(row);
        });
        vm.selectedProperty().addListener((o, old, row) -> {
            if (row != table.getSelectionModel().getSelectedItem()) table.getSelectionModel().select(row);
        });

        TextField name = field("authorizerName", vm.nameProperty());
        ComboBox<AuthorizerType> type = new ComboBox<>();
        type.setId("authorizerType");
        type.getItems().setAll(AuthorizerType.TOKEN, AuthorizerType.REQUEST, AuthorizerType.COGNITO_USER_POOLS);
        type.valueProperty().bindBidirectional(vm.typeProperty());
        ComboBox<String> function = new ComboBox<>(vm.functionChoices());
        function.setId("authorizerFunction");
        function.setEditable(true);
        function.valueProperty().bindBidirectional(vm.functionProperty());
        ComboBox<String> pool = new ComboBox<>(vm.poolChoices());
        pool.setId("authorizerUserPool");
        pool.setEditable(true);
        pool.setMaxWidth(Double.MAX_VALUE);
        pool.valueProperty().bindBidirectional(vm.userPoolProperty());
        Button trust = new Button("Use the workspace key");
        trust.setId("authorizerTrustWorkspaceKey");
        trust.setOnAction(e -> vm.trustWorkspaceKey());
        trust.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField source = field("authorizerIdentitySource", vm.identitySourceProperty());
        TextField validation = field("authorizerValidation", vm.validationExpressionProperty());
        TextField ttl = field("authorizerTtl", vm.ttlProperty());
        ttl.setPrefColumnCount(6);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Name"), name);
        form.addRow(row++, new Label("Type"), type);
        Label fnLabel = new Label("Lambda function");
        form.addRow(row++, fnLabel, function);
        Label poolLabel = new Label("User pool");
        HBox poolRow = new HBox(6, pool, trust);
        HBox.setHgrow(pool, Priority.ALWAYS);
        form.addRow(row++, poolLabel, poolRow);
        Label sourceLabel = new Label("Identity source(s)");
        form.addRow(row++, sourceLabel, source);
        Label validationLabel = new Label("Token validation (regex)");
        form.addRow(row++, validationLabel, validation);
        form.addRow(row++, new Label("Caching TTL (s)"), ttl);
        GridPane.setHgrow(name, Priority.ALWAYS);
        labelColumn(form);

        var cognito = vm.typeProperty().isEqualTo(AuthorizerType.COGNITO_USER_POOLS);
        var token = vm.typeProperty().isEqualTo(AuthorizerType.TOKEN);
        for (javafx.scene.Node n : List.of(fnLabel, function)) show(n, cognito.not());
        for (javafx.scene.Node n : List.of(poolLabel, poolRow)) show(n, cognito);
        for (javafx.scene.Node n : List.of(validationLabel, validation)) show(n, token);
        sourceLabel.textProperty().bind(Bindings.when(vm.typeProperty().isEqualTo(AuthorizerType.REQUEST))
                .then("Identity sources (comma separated)").otherwise("Token source"));

        Button create = new Button("New");
        create.setId("authorizerNew");
        create.setOnAction(e -> vm.newAuthorizer());
        Button save = new Button("Save");
        save.setId("authorizerSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> vm.save());
        Button delete = new Button("Delete");
        delete.setId("authorizerDelete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> vm.delete());
        Label problem = new Label();
        problem.setId("authorizerProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());

        VBox box = new VBox(10, title, table, form, new HBox(8, create, save, delete), problem);
        box.setPadding(new Insets(12));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private VBox testPane() {
        TextArea headers = area("authorizerTestHeaders", vm.testHeadersProperty(), 3, "Authorization: <token>");
        TextField query = field("authorizerTestQuery", vm.testQueryProperty());
        query.setPromptText("who=ana&x=1");
        TextArea variables = area("authorizerTestStageVariables", vm.testStageVariablesProperty(), 2, "name=value");
        Button test = new Button("Test");
        test.setId("authorizerTestRun");
        test.getStyleClass().add(Styles.ACCENT);
        test.disableProperty().bind(vm.selectedProperty().isNull().or(vm.testingProperty()));
        test.setOnAction(e -> vm.test());
        Label status = new Label();
        status.setId("authorizerTestStatus");
        status.getStyleClass().add(Styles.TEXT_BOLD);
        status.textProperty().bind(vm.testStatusProperty());
        Label principal = new Label();
        principal.setId("authorizerTestPrincipal");
        principal.textProperty().bind(Bindings.when(vm.testPrincipalProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Principal: ", vm.testPrincipalProperty())));
        TextArea policy = output("authorizerTestPolicy", vm.testPolicyProperty(), 6);
        Label policyLabel = new Label("Policy");
        for (javafx.scene.Node n : List.of(policyLabel, policy)) show(n, vm.testPolicyProperty().isNotEmpty());
        TextArea claims = output("authorizerTestClaims", vm.testClaimsProperty(), 6);
        TextArea log = output("authorizerTestLog", vm.testLogProperty(), 10);
        log.setWrapText(true);
        VBox box = new VBox(6, new Label("Headers (Name: value per line)"), headers, new Label("Query string"), query,
                new Label("Stage variables (name=value per line)"), variables, test, status, principal,
                policyLabel, policy, new Label("Claims / context"), claims, new Label("Log"), log);
        box.setPadding(new Insets(12));
        return box;
    }

    private VBox minterPane() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        TextField sub = field("tokenSub", vm.subProperty());
        form.addRow(0, new Label("sub"), sub);
        form.addRow(1, new Label("aud"), field("tokenAud", vm.audProperty()));
        TextField scope = field("tokenScopes", vm.scopesProperty());
        scope.setPromptText("pets/read pets/write (an access token when set)");
        form.addRow(2, new Label("scope"), scope);
        form.addRow(3, new Label("cognito:groups"), field("tokenGroups", vm.groupsProperty()));
        form.addRow(4, new Label("Custom claims"), area("tokenCustomClaims", vm.customClaimsProperty(), 2, "email=ana@example.com"));
        TextField expiry = field("tokenExpiry", vm.expiryMinutesProperty());
        expiry.setPrefColumnCount(6);
        form.addRow(5, new Label("Expires in (min)"), expiry);
        GridPane.setHgrow(sub, Priority.ALWAYS);
        labelColumn(form);
        Button mint = new Button("Mint token");
        mint.setId("tokenMint");
        mint.getStyleClass().add(Styles.ACCENT);
        mint.setOnAction(e -> vm.mint());
        TextArea token = output("tokenValue", vm.tokenProperty(), 5);
        token.setWrapText(true);
        Button copy = new Button("Copy");
        copy.setId("tokenCopy");
        copy.disableProperty().bind(vm.tokenProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.tokenProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button use = new Button("Use in test panel");
        use.setId("tokenUseInTestPanel");
        use.disableProperty().bind(vm.tokenProperty().isEmpty());
        use.setOnAction(e -> vm.useInTestPanel());
        Label note = new Label("Signed with the workspace key (.gatehouse/signing-key.jwk.json); an authorizer on the "
                + "workspace's local user pool trusts it.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        VBox box = new VBox(8, form, mint, token, new HBox(8, copy, use), note);
        box.setPadding(new Insets(12));
        return box;
    }

    /** Labels keep their full text; the fields take the rest. */
    private static void labelColumn(GridPane form) {
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
    }

    private static void show(javafx.scene.Node n, javafx.beans.value.ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static TextArea area(String id, javafx.beans.property.StringProperty value, int rows, String prompt) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPrefRowCount(rows);
        a.setPromptText(prompt);
        a.textProperty().bindBidirectional(value);
        return a;
    }

    private static TextArea output(String id, javafx.beans.value.ObservableStringValue value, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setPrefRowCount(rows);
        a.getStyleClass().add("monospace");
        a.textProperty().bind(value);
        return a;
    }

    private static <T> TableColumn<Row, String> column(String title, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}

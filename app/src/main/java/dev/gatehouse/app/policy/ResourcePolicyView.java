package dev.gatehouse.app.policy;

import atlantafx.base.theme.Styles;
import dev.gatehouse.app.editor.CodeEditor;
import dev.gatehouse.app.editor.Highlighter;
import dev.gatehouse.app.editor.Language;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Outcome;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Problem;
import dev.gatehouse.engine.access.ResourcePolicyCheck.Severity;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Resource Policy page: the policy in a JSON code editor with AWS console's templates, the problems found as
 * you type (click one to go to it), Save / Revert / Remove, and "Check a request" beside it. Typing reaches the
 * view-model 250 ms after the last keystroke, so the engine checks each pause once. FX thread only.
 */
public final class ResourcePolicyView extends BorderPane {

    private static final Duration QUIET = Duration.ofMillis(250);

    private final ResourcePolicyViewModel vm;
    private final CodeEditor editor = new CodeEditor(Language.JSON);

    public ResourcePolicyView(ResourcePolicyViewModel vm) {
        this.vm = vm;
        setId("policyPage");
        setPadding(new Insets(12));
        editor.setId("policyEditor");
        editor.setText(vm.textProperty().get());
        // the view-model's text wins when it differs (a template, a load, Revert); typing goes the other way, debounced
        vm.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(editor.getText())) editor.area().replaceText(now);
        });
        editor.area().multiPlainChanges().successionEnds(QUIET).subscribe(ignore -> pushText());
        vm.problems().addListener((javafx.collections.ListChangeListener<Problem>) c -> markFirstError());

        setTop(header());
        SplitPane split = new SplitPane(editorPane(), new ScrollPane(checkPane()));
        ((ScrollPane) split.getItems().get(1)).setFitToWidth(true);
        split.setDividerPositions(0.62);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(8, 0, 0, 0));
        disableProperty().bind(vm.hasApiProperty().not());
    }

    /** The editor, for tests that type into it. */
    public CodeEditor editor() {
        return editor;
    }

    private void pushText() {
        vm.textProperty().set(editor.getText());
    }

    private VBox header() {
        Label title = new Label();
        title.setId("policyTitle");
        title.getStyleClass().add("page-title");
        title.textProperty().bind(vm.titleProperty());
        Label subtitle = new Label("Who may invoke this API: evaluated on every call to a deployed stage; changes apply at "
                + "the stage's next deploy, as on AWS. Stored as x-amazon-apigateway-policy.");
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true);

        MenuButton templates = new MenuButton("Templates");
        templates.setId("policyTemplates");
        for (PolicyTemplate t : PolicyTemplate.values()) {
            MenuItem item = new MenuItem(t.label());
            item.setId("policyTemplate-" + t.name().toLowerCase(Locale.ROOT));
            item.setOnAction(e -> vm.insertTemplate(t));
            templates.getItems().add(item);
        }
        TextField addresses = new TextField();
        addresses.setId("policyTemplateAddresses");
        addresses.setPrefColumnCount(16);
        addresses.setPromptText("203.0.113.0/24, 2001:db8::/32");
        addresses.textProperty().bindBidirectional(vm.templateAddressesProperty());
        Label addressesLabel = new Label("Source IPs for templates");
        addressesLabel.setLabelFor(addresses);
        addressesLabel.setMinWidth(Region.USE_PREF_SIZE);

        Button revert = new Button("Revert");
        revert.setId("policyRevert");
        revert.disableProperty().bind(vm.dirtyProperty().not());
        revert.setOnAction(e -> vm.revert());
        Button remove = new Button("Remove policy");
        remove.setId("policyRemove");
        remove.setOnAction(e -> vm.removePolicy());
        remove.disableProperty().bind(vm.hasPolicyProperty().not()); // nothing stored: nothing to remove
        Button save = new Button("Save");
        save.setId("policySave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> {
            pushText(); // the last keystrokes may still be inside the debounce window
            vm.save();
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, templates, addressesLabel, addresses, gap, revert, remove, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Region r : new Region[] {templates, revert, remove, save}) r.setMinWidth(Region.USE_PREF_SIZE);

        Label status = new Label();
        status.setId("policyStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        VBox top = new VBox(6, title, subtitle, bar, status);
        return top;
    }

    private VBox editorPane() {
        Label summary = new Label();
        summary.setId("policySummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        ListView<Problem> list = new ListView<>(vm.problems());
        list.setId("policyProblems");
        list.setPrefHeight(150);
        list.setMinHeight(90);
        list.setPlaceholder(new Label("No problems"));
        list.setCellFactory(v -> new ProblemCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, old, p) -> {
            if (p == null || p.start() > editor.getText().length()) return;
            editor.area().moveTo(p.start());
            editor.area().requestFollowCaret();
            editor.area().requestFocus();
        });
        VBox.setVgrow(editor, Priority.ALWAYS);
        VBox box = new VBox(6, editor, summary, list);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private VBox checkPane() {
        Label heading = new Label("Check a request");
        heading.getStyleClass().add("section-title");
        Label hint = new Label("Evaluates the policy in the editor with the engine's own evaluator, as a deployed stage "
                + "would for an unsigned caller.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        TextField ip = new TextField();
        ip.setId("policyCheckIp");
        ip.textProperty().bindBidirectional(vm.sourceIpProperty());
        ComboBox<String> stage = new ComboBox<>(vm.stageChoices());
        stage.setId("policyCheckStage");
        // only the API's real stages: a policy applies to calls to a deployed stage, never to a made-up one
        stage.setMaxWidth(Double.MAX_VALUE);
        stage.setPromptText("No stages yet");
        stage.valueProperty().bindBidirectional(vm.stageProperty());
        stage.disableProperty().bind(vm.hasStagesProperty().not());
        Label stageNote = new Label();
        stageNote.setId("policyCheckStageNote");
        stageNote.getStyleClass().add(Styles.WARNING);
        stageNote.setWrapText(true);
        stageNote.textProperty().bind(vm.stageNoteProperty());
        stageNote.managedProperty().bind(stageNote.textProperty().isNotEmpty());
        stageNote.visibleProperty().bind(stageNote.textProperty().isNotEmpty());
        ComboBox<String> method = new ComboBox<>();
        method.setId("policyCheckMethod");
        method.getItems().setAll(vm.methods());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        TextField path = new TextField();
        path.setId("policyCheckPath");
        path.textProperty().bindBidirectional(vm.pathProperty());
        Button run = new Button("Check");
        run.setId("policyCheckRun");
        run.disableProperty().bind(vm.hasStagesProperty().not());
        run.setOnAction(e -> {
            pushText();
            vm.checkRequest();
        });
        ip.setOnAction(e -> run.fire());
        path.setOnAction(e -> run.fire());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Source IP"), ip);
        form.addRow(1, new Label("Stage"), stage);
        form.addRow(2, new Label("Method"), method);
        form.addRow(3, new Label("Path"), path);
        GridPane.setHgrow(ip, Priority.ALWAYS);
        form.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> ((Label) n).setMinWidth(Region.USE_PREF_SIZE));

        Label outcome = new Label();
        outcome.setId("policyCheckOutcome");
        outcome.getStyleClass().add("title-3");
        outcome.textProperty().bind(vm.outcomeTextProperty());
        vm.outcomeProperty().addListener((o, old, now) -> {
            outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (now != null) outcome.getStyleClass().add(now == Outcome.ALLOW ? Styles.SUCCESS : Styles.DANGER);
        });
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        Label reason = new Label();
        reason.setId("policyCheckReason");
        reason.setWrapText(true);
        reason.textProperty().bind(vm.reasonProperty());
        Label arn = new Label();
        arn.setId("policyCheckArn");
        arn.getStyleClass().add("muted");
        arn.setWrapText(true);
        arn.textProperty().bind(vm.methodArnProperty());
        arn.managedProperty().bind(arn.textProperty().isNotEmpty());

        Label enforcedHeading = new Label("What the local engine enforces");
        enforcedHeading.getStyleClass().add("section-title");
        Label enforced = new Label("Effect Allow and Deny (an explicit Deny wins); Principal \"*\"; Action execute-api:Invoke; "
                + "Resource execute-api:/STAGE/METHOD/PATH or this API's ARN, with * and ?; Condition IpAddress and "
                + "NotIpAddress on aws:SourceIp (IPv4 and IPv6, CIDR blocks).\n\nWhat AWS accepts beyond that "
                + "(aws:SourceVpce, aws:PrincipalOrgID, string conditions, NotResource, …) fails closed here: such an "
                + "Allow never admits, such a Deny refuses every call. A policy the engine cannot read makes a deployed "
                + "stage answer every call with 500.");
        enforced.getStyleClass().add("muted");
        enforced.setWrapText(true);

        VBox box = new VBox(8, heading, hint, form, stageNote, run, outcome, reason, arn, enforcedHeading, enforced);
        box.setPadding(new Insets(0, 4, 8, 12));
        return box;
    }

    /** Underlines the first error the engine found (a JSON syntax error is underlined by the editor itself). */
    private void markFirstError() {
        Optional<Highlighter.Problem> first = vm.problems().stream()
                .filter(p -> p.severity() == Severity.ERROR && p.end() > p.start())
                .findFirst().map(p -> new Highlighter.Problem(p.start(), p.end(), p.describe()));
        editor.markProblem(first);
    }

    /** One problem: its severity as a coloured word, where (line, column, JSON path), then what, wrapped to the list. */
    private static final class ProblemCell extends ListCell<Problem> {
        @Override protected void updateItem(Problem p, boolean empty) {
            super.updateItem(p, empty);
            setText(null);
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            Label kind = new Label(p.severity() == Severity.ERROR ? "Error" : "Warning");
            kind.getStyleClass().add(p.severity() == Severity.ERROR ? Styles.DANGER : Styles.WARNING);
            kind.setMinWidth(Region.USE_PREF_SIZE);
            Label where = new Label("Line " + p.line() + ", column " + p.column() + "  " + p.path());
            where.getStyleClass().add("muted");
            Label what = new Label(p.message());
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE); // a wrapped message keeps all its lines
            VBox text = new VBox(2, where, what);
            if (getListView() != null) text.prefWidthProperty().bind(getListView().widthProperty().subtract(110));
            text.setMinWidth(0);
            HBox row = new HBox(8, kind, text);
            setGraphic(row);
        }
    }
}

package dev.gatehouse.app.dataplane;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The status bar's data-plane item: a state dot, "Serving on http://127.0.0.1:4010", and the invoke URL of the
 * stage in view with a copy button.
 */
public final class DataPlaneStatusView extends HBox {
    private static final String CSS = DataPlaneStatusView.class.getResource("dataplane.css").toExternalForm();
    private static final PseudoClass SERVING = PseudoClass.getPseudoClass("serving");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final DataPlaneViewModel vm;
    private FontIcon dot;
    private Label state;
    private Label invokeUrl;
    private Button copy;

    public DataPlaneStatusView(DataPlaneViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        dot = new FontIcon(Feather.CIRCLE);
        dot.getStyleClass().add("engine-dot");
        state = new Label();
        state.setId("statusEngine");
        state.setGraphic(dot);
        // the local invoke URL of a second API is long (/restapis/{id}/{stage}/_user_request_): it keeps up to
        // 300 px when the status bar runs short, elides in its middle and reads whole in its tooltip (and the copy
        // button beside it stays in view)
        invokeUrl = new Label() {
            @Override protected double computeMinWidth(double height) {
                return Math.min(300, computePrefWidth(height));
            }
        };
        invokeUrl.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        invokeUrl.setId("statusInvokeUrl");
        invokeUrl.setGraphic(new FontIcon(Feather.LINK));
        copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId("statusCopyInvokeUrl");
        copy.getStyleClass().addAll("button-icon", "flat", "small");
        copy.setTooltip(new Tooltip("Copy the invoke URL"));
    }

    private void layoutParts() {
        getStylesheets().add(CSS);
        getStyleClass().add("data-plane-status");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        getChildren().addAll(state, invokeUrl, copy);
    }

    private void bind() {
        state.textProperty().bind(vm.statusTextProperty());
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(vm.detailProperty());
        state.setTooltip(detail);
        state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip wholeUrl = new Tooltip();
        wholeUrl.textProperty().bind(invokeUrl.textProperty());
        invokeUrl.setTooltip(wholeUrl);
        copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        invokeUrl.textProperty().bind(Bindings.createStringBinding(
                () -> vm.invokeUrlProperty().get() == null ? "" : vm.stageProperty().get() + ": " + vm.invokeUrlProperty().get(),
                vm.invokeUrlProperty(), vm.stageProperty()));
        invokeUrl.visibleProperty().bind(vm.invokeUrlProperty().isNotNull());
        invokeUrl.managedProperty().bind(invokeUrl.visibleProperty());
        copy.visibleProperty().bind(invokeUrl.visibleProperty());
        copy.managedProperty().bind(invokeUrl.visibleProperty());
        vm.stateProperty().addListener((obs, old, s) -> showState(s));
        showState(vm.stateProperty().get());
    }

    private void wireEvents() {
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.invokeUrlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private void showState(DataPlaneViewModel.State s) {
        dot.pseudoClassStateChanged(SERVING, s == DataPlaneViewModel.State.SERVING);
        dot.pseudoClassStateChanged(FAILED, s == DataPlaneViewModel.State.FAILED);
    }
}

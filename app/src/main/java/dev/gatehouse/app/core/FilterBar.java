package dev.gatehouse.app.core;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A page's row of filters (the Logs and Audit pages): controls with their labels, wrapping onto a second line when
 * the window is narrow rather than cutting any off. FX thread only.
 *
 * <pre>{@code
 * FlowPane filters = FilterBar.create().labelled("Stage", stage).add(range, path, search).build();
 * }</pre>
 */
public final class FilterBar {
    private final FlowPane pane = new FlowPane(8, 6);

    private FilterBar() {
        pane.setAlignment(Pos.CENTER_LEFT);
    }

    public static FilterBar create() {
        return new FilterBar();
    }

    /** {@code control} with {@code text} before it; the label keeps its words. */
    public FilterBar labelled(String text, Region control) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(4, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        pane.getChildren().add(box);
        return this;
    }

    /** Controls that explain themselves (a field with a prompt, a button). */
    public FilterBar add(Node... nodes) {
        pane.getChildren().addAll(nodes);
        return this;
    }

    public FlowPane build() {
        return pane;
    }

    /** A filter text field: {@code id}, a prompt saying what it filters, about {@code columns} characters wide. */
    public static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }
}

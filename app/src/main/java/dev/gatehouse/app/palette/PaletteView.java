package dev.gatehouse.app.palette;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/**
 * The command palette popup: a search field over the matches. Up/Down move, Enter jumps to the highlighted
 * entry (the first when none is), Escape or a click elsewhere closes it. Ids: {@code paletteSearch},
 * {@code paletteList}.
 */
public final class PaletteView {
    private static final String CSS = PaletteView.class.getResource("palette.css").toExternalForm();

    private final PaletteViewModel vm;
    private final Popup popup = new Popup();
    private TextField search;
    private ListView<PaletteEntry> list;
    private VBox root;

    public PaletteView(PaletteViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        search = new TextField();
        search.setId("paletteSearch");
        search.setPromptText("Go to a resource, method or stage…");
        list = new ListView<>(vm.matches());
        list.setId("paletteList");
        list.setPlaceholder(new Label("Nothing matches"));
        list.setFocusTraversable(false);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(PaletteEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label label = new Label(entry.label());
                label.getStyleClass().add("palette-label");
                Label detail = new Label(entry.detail());
                detail.getStyleClass().add("muted");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                setGraphic(new HBox(8, label, spacer, detail));
                setText(null);
            }
        });
    }

    private void layoutParts() {
        root = new VBox(6, search, list);
        root.setId("palette");
        root.getStyleClass().add("palette");
        root.getStylesheets().add(CSS);
        root.setPadding(new Insets(8));
        root.setPrefWidth(560);
        list.setPrefHeight(320);
        popup.getContent().add(root);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
    }

    private void bind() {
        search.textProperty().bindBidirectional(vm.queryProperty());
        vm.matches().addListener((javafx.collections.ListChangeListener<PaletteEntry>) c -> {
            if (!vm.matches().isEmpty()) list.getSelectionModel().select(0);
        });
    }

    private void wireEvents() {
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case DOWN -> move(1);
                case UP -> move(-1);
                case ENTER -> jump(list.getSelectionModel().getSelectedItem());
                case ESCAPE -> popup.hide();
                default -> { return; }
            }
            e.consume();
        });
        list.setOnMouseClicked(e -> jump(list.getSelectionModel().getSelectedItem()));
    }

    private void move(int delta) {
        int size = vm.matches().size();
        if (size == 0) return;
        int at = Math.max(0, Math.min(size - 1, list.getSelectionModel().getSelectedIndex() + delta));
        list.getSelectionModel().select(at);
        list.scrollTo(at);
    }

    private void jump(PaletteEntry entry) {
        PaletteEntry target = entry != null ? entry : vm.matches().isEmpty() ? null : vm.matches().getFirst();
        if (target == null) return;
        popup.hide();
        vm.jump(target);
    }

    /** Opens the palette over {@code owner}, near its top centre, with a fresh list and focus in the search field. */
    public void show(Window owner) {
        vm.refresh();
        list.getSelectionModel().select(0);
        // the popup has its own scene: give it the console stylesheets (the theme itself is application-wide)
        root.getStylesheets().setAll(owner.getScene().getStylesheets());
        root.getStylesheets().add(CSS);
        popup.show(owner, owner.getX() + (owner.getWidth() - root.getPrefWidth()) / 2, owner.getY() + 80);
        search.requestFocus();
    }

    public boolean isShowing() {
        return popup.isShowing();
    }
}

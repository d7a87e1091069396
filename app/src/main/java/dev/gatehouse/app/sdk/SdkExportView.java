package dev.gatehouse.app.sdk;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The Export SDK feature's entry: its File-menu item, which builds the dialog the first time and opens it for
 * the selected API. The composition root adds {@link #fileMenuItems()}.
 */
public final class SdkExportView {
    private final SdkExportViewModel vm;
    private final Supplier<Window> owner;
    private SdkExportDialog dialog;

    public SdkExportView(SdkExportViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
    }

    /** "Export SDK…" (Ctrl+Shift+G), enabled while an API is selected. */
    public List<MenuItem> fileMenuItems() {
        MenuItem item = new MenuItem("Export SDK…");
        item.setId("menuExportSdk");
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+G"));
        item.disableProperty().bind(vm.availableProperty().not());
        item.setOnAction(e -> open());
        return List.of(item);
    }

    /** Opens the dialog for the selected API (nothing when none is). FX thread only. */
    public void open() {
        if (!vm.availableProperty().get()) return;
        if (dialog == null) dialog = new SdkExportDialog(vm);
        dialog.open(owner.get());
    }
}

package dev.gatehouse.app.importexport;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.Window;

/**
 * The import and export feature's UI: the File menu items, the import report and export option dialogs, and
 * drag and drop of a document onto the window. The composition root adds {@link #fileMenuItems()} to the File
 * menu and calls {@link #installDropTarget}.
 */
public final class ImportExportView {
    private final ImportViewModel importVm;
    private final ExportViewModel exportVm;
    private final Supplier<Window> owner;
    private ImportDialog importDialog;
    private ExportDialog exportDialog;

    public ImportExportView(ImportViewModel importVm, ExportViewModel exportVm, Supplier<Window> owner) {
        this.importVm = importVm;
        this.exportVm = exportVm;
        this.owner = owner;
        importVm.openProperty().addListener((obs, old, open) -> {
            if (open && importDialog == null) {
                importDialog = new ImportDialog(importVm, owner.get());
                importDialog.showIfOpen();
            }
        });
    }

    /** "Import OpenAPI…" (Ctrl+I) and "Export…" (Ctrl+Shift+X). */
    public List<MenuItem> fileMenuItems() {
        MenuItem importItem = new MenuItem("Import OpenAPI…");
        importItem.setId("menuImport");
        importItem.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        importItem.setOnAction(e -> importVm.chooseAndLoad());
        MenuItem exportItem = new MenuItem("Export…");
        exportItem.setId("menuExport");
        exportItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+X"));
        exportItem.setOnAction(e -> openExport());
        return List.of(importItem, exportItem);
    }

    /** Loads {@code file} for import and shows its report (what a drop does). */
    public void load(Path file) {
        importVm.load(file);
    }

    /** Shows the export options for the selected API. */
    public void openExport() {
        if (exportDialog == null) exportDialog = new ExportDialog(exportVm, owner.get());
        exportDialog.open();
    }

    /** Accepts a dropped .json/.yaml/.yml file anywhere on the window and imports it. */
    public void installDropTarget(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (droppedDocument(e).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Optional<Path> file = droppedDocument(e);
            file.ifPresent(importVm::load);
            e.setDropCompleted(file.isPresent());
            e.consume();
        });
    }

    private static Optional<Path> droppedDocument(DragEvent e) {
        if (!e.getDragboard().hasFiles()) return Optional.empty();
        List<File> files = e.getDragboard().getFiles();
        return files.size() == 1 && ImportViewModel.accepts(files.getFirst().toPath())
                ? Optional.of(files.getFirst().toPath()) : Optional.empty();
    }
}

package dev.gatehouse.app.about;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Help → About: a small dialog with the {@link AboutViewModel}'s text (selectable, to paste into a bug report). */
public final class AboutDialog {
    private AboutDialog() {}

    /** The Help menu with its About item; composition root only. */
    public static Menu helpMenu(AboutViewModel vm, java.util.function.Supplier<Window> owner) {
        MenuItem about = new MenuItem("About Gatehouse");
        about.setId("menuAbout");
        about.setOnAction(e -> show(vm, owner.get()));
        Menu help = new Menu("_Help");
        help.setId("menuHelp");
        help.getItems().add(about);
        return help;
    }

    public static void show(AboutViewModel vm, Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(vm.title());
        alert.setHeaderText("Gatehouse " + vm.version());
        TextArea text = new TextArea(vm.text());
        text.setId("aboutText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(3);
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }
}

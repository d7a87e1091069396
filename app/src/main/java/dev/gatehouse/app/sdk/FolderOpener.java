package dev.gatehouse.app.sdk;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;

/**
 * Shows a folder in the system's file manager. Behind an interface so ViewModel and UI tests record the request
 * instead of opening a window. Called on the FX thread; implementations must return at once (the desktop one
 * hands the request to a short-lived daemon thread) and never throw.
 */
@FunctionalInterface
public interface FolderOpener {

    void open(Path folder);

    /** True when {@link #open} can do something here; the dialog hides "Open folder" otherwise. */
    default boolean available() {
        return true;
    }

    /**
     * The desktop's file manager through {@link Desktop#open}; unavailable (and a no-op) where there is no desktop,
     * e.g. headless tests and servers.
     */
    static FolderOpener desktop() {
        return new FolderOpener() {
            @Override public void open(Path folder) {
                if (folder == null || !available()) return;
                Thread t = new Thread(() -> {
                    try {
                        Desktop.getDesktop().open(folder.toFile());
                    } catch (Exception | LinkageError e) {
                        // no file manager: the path is shown in the dialog and can be copied
                    }
                }, "gatehouse-open-folder");
                t.setDaemon(true);
                t.start();
            }

            @Override public boolean available() {
                try {
                    return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                            && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
                } catch (Exception | LinkageError e) {
                    return false;
                }
            }
        };
    }
}

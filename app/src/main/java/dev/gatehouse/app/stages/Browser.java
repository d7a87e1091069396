package dev.gatehouse.app.stages;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;

/** Opens a URL in the system browser, off the FX thread; does nothing where there is no desktop (headless tests). */
final class Browser {
    private Browser() {}

    /** True when {@link #open} can work here. */
    static boolean available() {
        return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
    }

    static void open(String url) {
        if (url == null) return;
        Thread t = new Thread(() -> {
            try {
                if (available()) Desktop.getDesktop().browse(URI.create(url));
            } catch (Exception | LinkageError e) {
                // no browser: the URL can still be copied
            }
        }, "gatehouse-open-browser");
        t.setDaemon(true);
        t.start();
    }
}

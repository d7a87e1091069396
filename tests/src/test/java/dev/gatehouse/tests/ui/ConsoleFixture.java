package dev.gatehouse.tests.ui;

import dev.gatehouse.app.Console;
import dev.gatehouse.app.core.ConsolePreferences;
import dev.gatehouse.app.session.EngineWorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real console on a temporary copy of the sample workspace, with preferences kept in memory. */
final class ConsoleFixture {
    private ConsoleFixture() {}

    /** Sizes Monocle's headless screen; call from a static initialiser, before the toolkit starts. */
    static void useScreen(int width, int height) {
        System.setProperty("headless.geometry", width + "x" + height + "-32");
        // TestFX waits 10 s for a @Start method; the first console started in a JVM loads most of its classes
        // there, which took longer on a loaded 2-core machine (a bound, not a pace)
        if (System.getProperty("testfx.setup.timeout") == null) System.setProperty("testfx.setup.timeout", "60000");
    }

    /** A fresh copy of {@code resources/sample-workspace} in a temporary folder. */
    static Path copyOfSampleWorkspace() {
        Path repo = Path.of(System.getProperty("gatehouse.repo", "..")).toAbsolutePath().normalize();
        Path source = repo.resolve("resources/sample-workspace");
        try {
            Path target = Files.createTempDirectory("gatehouse-ui-");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(dest);
                    else Files.copy(p, dest);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the console on {@code workspace}; call on the FX thread (a {@code @Start} method), then {@link #awaitOpen}. */
    static Console start(Stage stage, Path workspace, boolean dark) {
        MemoryPreferences prefs = new MemoryPreferences();
        prefs.setDarkTheme(dark);
        return Console.start(stage, prefs, EngineWorkspaceSession.opener(), workspace);
    }

    /**
     * Closes the console a test opened, as its window's close button would, and waits until its workspace has
     * closed (lock released, data plane stopped), so the next test starts clean. Call from {@code @AfterEach}.
     */
    static void close(Console console) {
        if (console == null) return;
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                console.workbench().discardUnsavedChanges();
                console.close(); // the window stays: TestFX reuses its primary stage for the next test
            }).get(10, TimeUnit.SECONDS);
            if (!console.awaitClosed(java.time.Duration.ofSeconds(10))) throw new AssertionError("workspace still closing after 10 s");
        } catch (Exception e) {
            throw new AssertionError("cannot close the console", e);
        }
    }

    /** Waits (off the FX thread) until the workspace is open and its default API shown. */
    static void awaitOpen(Console console) {
        waitUntil(() -> console.workbench().selectedApi().isPresent());
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean); // a bound, not a pace: a loaded CI machine generates SDKs slowly
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the menu item labelled {@code text} in the open context menu (menu items are not nodes with ids). */
    static void clickMenuItem(org.testfx.api.FxRobot robot, String text) {
        javafx.scene.Node item = robot.listWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing())
                .flatMap(w -> robot.from(w.getScene().getRoot())
                        .lookup((javafx.scene.control.Labeled l) -> text.equals(l.getText())).queryAll().stream())
                .findFirst().orElseThrow(() -> new AssertionError("no open menu item " + text));
        robot.clickOn(item);
    }

    static ApiDefinition api(Console console) {
        return console.workbench().selectedApi().orElseThrow();
    }

    /** Preferences for one test run: nothing touches the user's own. */
    /**
     * Where a screenshot test writes: {@code docs/screenshots} with {@code -Dgatehouse.screenshots=docs}, else
     * {@code tests/target/screenshots}.
     */
    static Path screenshotDir() {
        Path repo = Path.of(System.getProperty("gatehouse.repo", "..")).toAbsolutePath().normalize();
        Path dir = "docs".equals(System.getProperty("gatehouse.screenshots"))
                ? repo.resolve("docs/screenshots") : repo.resolve("tests/target/screenshots");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code scene} as a PNG once layout and the debounced highlighters (300 ms) have settled. */
    static void snapshot(javafx.scene.Scene scene, Path file) {
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        try {
            WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> image[0] = scene.snapshot(null)));
            int w = (int) image[0].getWidth();
            int h = (int) image[0].getHeight();
            java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            javafx.scene.image.PixelReader reader = image[0].getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) out.setRGB(x, y, reader.getArgb(x, y));
            }
            javax.imageio.ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("cannot snapshot " + file, e);
        }
    }

    static final class MemoryPreferences implements ConsolePreferences {
        private final List<Path> recent = new ArrayList<>();
        private boolean dark;
        private WindowBounds bounds;

        @Override public List<Path> recentWorkspaces() { return List.copyOf(recent); }

        @Override public void addRecentWorkspace(Path workspace) {
            recent.remove(workspace);
            recent.addFirst(workspace);
        }

        @Override public void removeRecentWorkspace(Path workspace) { recent.remove(workspace); }

        @Override public boolean darkTheme() { return dark; }

        @Override public void setDarkTheme(boolean d) { dark = d; }

        @Override public Optional<WindowBounds> windowBounds() { return Optional.ofNullable(bounds); }

        @Override public void setWindowBounds(WindowBounds b) { bounds = b; }
    }
}

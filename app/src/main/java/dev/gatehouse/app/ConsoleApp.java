package dev.gatehouse.app;

import dev.gatehouse.app.about.SampleWorkspace;
import dev.gatehouse.app.core.PrefsConsolePreferences;
import dev.gatehouse.app.session.EngineWorkspaceSession;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The console's JavaFX application. The first program argument, if any, is the workspace folder to open;
 * otherwise the most recent workspace opens, or the welcome screen shows.
 */
public final class ConsoleApp extends Application {
    private Console console;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Path workspace = args.isEmpty() ? firstStartSample() : Path.of(args.getFirst());
        console = Console.start(stage, PrefsConsolePreferences.forUser(), EngineWorkspaceSession.opener(), workspace);
    }

    /**
     * An installed console (its launcher sets {@value SampleWorkspace#PROPERTY}) copies the image's sample
     * workspace to the user's home on first start and opens that copy; later starts open the recent workspace.
     */
    private static Path firstStartSample() {
        String image = System.getProperty(SampleWorkspace.PROPERTY);
        if (image == null || image.isBlank()) return null;
        Path target = SampleWorkspace.defaultTarget();
        try {
            return SampleWorkspace.install(Path.of(image), target) ? target : null;
        } catch (RuntimeException e) {
            System.err.println("gatehouse: " + e.getMessage());
            return null;
        }
    }

    @Override
    public void stop() {
        if (console != null) console.close();
    }
}

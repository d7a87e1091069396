package dev.gatehouse.app;

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
        Path workspace = args.isEmpty() ? null : Path.of(args.getFirst());
        console = Console.start(stage, PrefsConsolePreferences.forUser(), EngineWorkspaceSession.opener(), workspace);
    }

    @Override
    public void stop() {
        if (console != null) console.close();
    }
}

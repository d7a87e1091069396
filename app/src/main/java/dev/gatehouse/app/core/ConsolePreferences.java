package dev.gatehouse.app.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the console remembers between runs: recent workspaces, the theme and the window's bounds. Called on the
 * FX thread; implementations are cheap (java.util.prefs caches in memory and flushes in the background).
 */
public interface ConsolePreferences {
    /** Most recent first, at most {@link #MAX_RECENT}. */
    List<Path> recentWorkspaces();

    /** Moves {@code workspace} to the front of the recent list. */
    void addRecentWorkspace(Path workspace);

    void removeRecentWorkspace(Path workspace);

    boolean darkTheme();

    void setDarkTheme(boolean dark);

    Optional<WindowBounds> windowBounds();

    void setWindowBounds(WindowBounds bounds);

    /** The port the local data plane tries first when a workspace opens; another free one when it is taken. */
    default int dataPlanePort() { return DEFAULT_DATA_PLANE_PORT; }

    default void setDataPlanePort(int port) {}

    int MAX_RECENT = 8;

    int DEFAULT_DATA_PLANE_PORT = 4010;

    /** A window's position and size; {@code maximized} wins over the rest when true. */
    /** The API last shown in {@code workspace}, to show it again when the workspace opens. */
    default Optional<String> lastApi(Path workspace) { return Optional.empty(); }

    default void setLastApi(Path workspace, String apiId) {}

    /** The page last shown (a {@code Page} name), to show it again at the next start. */
    default Optional<String> lastPage() { return Optional.empty(); }

    default void setLastPage(String page) {}

    record WindowBounds(double x, double y, double width, double height, boolean maximized) {}
}

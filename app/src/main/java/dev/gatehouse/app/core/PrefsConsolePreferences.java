package dev.gatehouse.app.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

/** {@link ConsolePreferences} stored with java.util.prefs under a node (the user's, or a test's own). */
public final class PrefsConsolePreferences implements ConsolePreferences {
    private static final String RECENT = "recent.";
    private static final String DARK = "theme.dark";
    private static final String WINDOW = "window";
    private static final String PORT = "dataPlane.port";

    private final Preferences node;

    public PrefsConsolePreferences(Preferences node) {
        this.node = node;
    }

    /** The signed-in user's preferences for the console. */
    public static PrefsConsolePreferences forUser() {
        return new PrefsConsolePreferences(Preferences.userRoot().node("dev/gatehouse/console"));
    }

    @Override
    public List<Path> recentWorkspaces() {
        List<Path> list = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String value = node.get(RECENT + i, null);
            if (value != null && !value.isBlank()) list.add(Path.of(value));
        }
        return List.copyOf(list);
    }

    @Override
    public void addRecentWorkspace(Path workspace) {
        Path normal = workspace.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentWorkspaces());
        list.remove(normal);
        list.addFirst(normal);
        writeRecent(list);
    }

    @Override
    public void removeRecentWorkspace(Path workspace) {
        List<Path> list = new ArrayList<>(recentWorkspaces());
        list.remove(workspace.toAbsolutePath().normalize());
        writeRecent(list);
    }

    private void writeRecent(List<Path> list) {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) node.put(RECENT + i, list.get(i).toString());
            else node.remove(RECENT + i);
        }
    }

    @Override
    public boolean darkTheme() {
        return node.getBoolean(DARK, false);
    }

    @Override
    public void setDarkTheme(boolean dark) {
        node.putBoolean(DARK, dark);
    }

    @Override
    public int dataPlanePort() {
        return node.getInt(PORT, DEFAULT_DATA_PLANE_PORT);
    }

    @Override
    public void setDataPlanePort(int port) {
        node.putInt(PORT, port);
    }

    @Override
    public Optional<WindowBounds> windowBounds() {
        String value = node.get(WINDOW, null);
        if (value == null) return Optional.empty();
        String[] p = value.split(",");
        try {
            return Optional.of(new WindowBounds(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                    Double.parseDouble(p[2]), Double.parseDouble(p[3]), Boolean.parseBoolean(p[4])));
        } catch (RuntimeException e) {
            return Optional.empty(); // a value from an older build: fall back to the default size
        }
    }

    @Override
    public void setWindowBounds(WindowBounds b) {
        node.put(WINDOW, b.x() + "," + b.y() + "," + b.width() + "," + b.height() + "," + b.maximized());
    }

    @Override
    public java.util.Optional<String> lastApi(java.nio.file.Path workspace) {
        return java.util.Optional.ofNullable(node.get(lastApiKey(workspace), null));
    }

    @Override
    public void setLastApi(java.nio.file.Path workspace, String apiId) {
        if (apiId == null) node.remove(lastApiKey(workspace));
        else node.put(lastApiKey(workspace), apiId);
    }

    @Override
    public java.util.Optional<String> lastPage() {
        return java.util.Optional.ofNullable(node.get("lastPage", null));
    }

    @Override
    public void setLastPage(String page) {
        node.put("lastPage", page);
    }

    /** java.util.prefs keys are limited to 80 characters: key the folder by a hash of its path. */
    private static String lastApiKey(java.nio.file.Path workspace) {
        return "lastApi." + Integer.toHexString(workspace.toAbsolutePath().normalize().toString().hashCode());
    }
}

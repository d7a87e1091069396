package dev.gatehouse.engine.workspace;

import java.util.Objects;

/**
 * The workspace-wide settings kept in {@code workspace.json}.
 *
 * @param formatVersion the layout version; this code reads and writes {@link #FORMAT_VERSION}
 * @param name          shown by the console; defaults to the folder name
 * @param defaultApiId  the API that plain {@code /{stage}/...} URLs reach; null when none is marked
 */
public record WorkspaceSettings(int formatVersion, String name, String defaultApiId) {
    /** The workspace layout this code understands. */
    public static final int FORMAT_VERSION = 1;

    public WorkspaceSettings {
        Objects.requireNonNull(name, "name");
    }

    public static WorkspaceSettings named(String name) {
        return new WorkspaceSettings(FORMAT_VERSION, name, null);
    }

    public WorkspaceSettings withDefaultApiId(String apiId) {
        return new WorkspaceSettings(formatVersion, name, apiId);
    }

    public WorkspaceSettings withName(String newName) {
        return new WorkspaceSettings(formatVersion, newName, defaultApiId);
    }
}

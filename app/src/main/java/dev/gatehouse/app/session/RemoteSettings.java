package dev.gatehouse.app.session;

import dev.gatehouse.engine.remote.Remote;
import dev.gatehouse.engine.remote.RemoteCheck;
import dev.gatehouse.engine.remote.RemoteStore;
import java.nio.file.Path;
import java.util.List;

/**
 * The user's remotes (the engine's {@code RemoteStore}: one file outside every workspace, 0600, refused when others
 * can read it) and "Test connection", for the console's Remotes page. Remotes do not belong to a workspace, so this
 * works with none open; pushing and pulling go through {@link WorkspaceSession}.
 *
 * <p>Every method reads or writes the file, and {@link #test} calls the remote: call them through a TaskRunner,
 * never on the FX thread. Failures are the engine's {@code RemoteException} with the product's message.
 */
public final class RemoteSettings {
    /** Overrides where the remotes file is (tests, a portable install); else the engine's default location. */
    public static final String FILE_PROPERTY = "gatehouse.remotes.file";

    private final RemoteStore store;

    public RemoteSettings(Path file) {
        this.store = new RemoteStore(file);
    }

    /** The file named by {@value #FILE_PROPERTY}, else {@code ~/.config/gatehouse/remotes.json} (or XDG's). */
    public static RemoteSettings userDefault() {
        String file = System.getProperty(FILE_PROPERTY);
        return file != null && !file.isBlank() ? new RemoteSettings(Path.of(file)) : new RemoteSettings(RemoteStore.userDefault().file());
    }

    public Path file() {
        return store.file();
    }

    /** Every remote, in the order they were added. */
    public List<Remote> list() {
        return store.list();
    }

    /** Adds the remote; a name in use is refused. */
    public void add(Remote remote) {
        store.add(remote);
    }

    /** Replaces the remote of the same name (its connection settings, or what a push recorded). */
    public void update(Remote remote) {
        store.update(remote);
    }

    public boolean remove(String name) {
        return store.remove(name);
    }

    /** One read call to the remote (GetRestApis); a RemoteException saying what to fix when it fails. */
    public RemoteCheck.Connection test(Remote remote) {
        return RemoteCheck.test(remote);
    }
}

package dev.gatehouse.engine.remote;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.model.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user's remotes, in one JSON file outside every workspace (credentials never enter a workspace, which is
 * shared and versioned): {@code $GATEHOUSE_CONFIG_HOME/remotes.json}, else {@code $XDG_CONFIG_HOME/gatehouse/remotes.json},
 * else {@code ~/.config/gatehouse/remotes.json}.
 *
 * <p>The file holds secrets, so it is written with permissions 0600 (owner read/write, created so from the start:
 * never briefly readable by others) by an atomic rename, and a file readable or writable by group or others is
 * refused on read, as ssh refuses a private key that others can read. Not safe for two processes saving at once
 * (the last save wins); every method reads or writes the whole file. Callers: the CLI's remote, push and pull
 * commands and the console, on any thread.
 */
public final class RemoteStore {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public RemoteStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The store at the user's default location (see the class comment). */
    public static RemoteStore userDefault() {
        return new RemoteStore(defaultDirectory(System.getenv()).resolve("remotes.json"));
    }

    static Path defaultDirectory(Map<String, String> env) {
        String own = env.get("GATEHOUSE_CONFIG_HOME");
        if (own != null && !own.isBlank()) return Path.of(own);
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "gatehouse");
        return Path.of(System.getProperty("user.home"), ".config", "gatehouse");
    }

    public Path file() {
        return file;
    }

    /** The file's content: its remotes in the order they were added. */
    record Content(List<Remote> remotes) {
        Content {
            remotes = remotes == null ? List.of() : List.copyOf(remotes);
        }
    }

    /** Every remote; none when the file does not exist yet. */
    public List<Remote> list() {
        if (!Files.exists(file)) return List.of();
        checkPermissions();
        try {
            Content c = MAPPER.readValue(file.toFile(), Content.class);
            return c.remotes();
        } catch (JacksonException e) {
            throw new RemoteException(file + " is not a valid remotes file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RemoteException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<Remote> find(String name) {
        return list().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The remote, or an error listing the ones there are. */
    public Remote require(String name) {
        return find(name).orElseThrow(() -> new RemoteException("no remote named '" + name + "' in " + file
                + (list().isEmpty() ? " (add one with 'gatehouse remote add NAME --url URL')"
                        : " (remotes: " + list().stream().map(Remote::name).toList() + ")")));
    }

    /** Adds a remote; a name already in use is refused (remove it first). */
    public void add(Remote remote) {
        List<Remote> all = new ArrayList<>(list());
        if (all.stream().anyMatch(r -> r.name().equals(remote.name()))) {
            throw new RemoteException("a remote named '" + remote.name() + "' already exists (gatehouse remote remove "
                    + remote.name() + " first)");
        }
        all.add(remote);
        save(all);
    }

    /** Replaces the remote of the same name (after a push recorded its API ids and history). */
    public void update(Remote remote) {
        List<Remote> all = new ArrayList<>(list());
        int i = indexOf(all, remote.name());
        if (i < 0) throw new RemoteException("no remote named '" + remote.name() + "' in " + file);
        all.set(i, remote);
        save(all);
    }

    /** Removes a remote; false when there was none of that name. */
    public boolean remove(String name) {
        List<Remote> all = new ArrayList<>(list());
        int i = indexOf(all, name);
        if (i < 0) return false;
        all.remove(i);
        save(all);
        return true;
    }

    private static int indexOf(List<Remote> all, String name) {
        for (int i = 0; i < all.size(); i++) if (all.get(i).name().equals(name)) return i;
        return -1;
    }

    private boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private void checkPermissions() {
        if (!posix()) return;
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            for (PosixFilePermission x : p) {
                if (!OWNER_ONLY.contains(x)) {
                    throw new RemoteException(file + " holds credentials but its permissions are "
                            + PosixFilePermissions.toString(p) + ": run 'chmod 600 " + file + "'");
                }
            }
        } catch (IOException e) {
            throw new RemoteException("cannot read the permissions of " + file + ": " + e.getMessage(), e);
        }
    }

    private void save(List<Remote> remotes) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path tmp = posix()
                    ? Files.createTempFile(dir, ".remotes-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".remotes-", ".tmp");
            try {
                Files.writeString(tmp, Json.pretty(new Content(remotes)));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new RemoteException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

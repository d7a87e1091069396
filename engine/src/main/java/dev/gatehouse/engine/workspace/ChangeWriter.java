package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts one edit's changes on disk, each file atomically ({@link AtomicFiles}), and all-or-nothing as far as the
 * disk allows: if a write fails, the files already written get their previous bytes back before the failure is
 * reported. Called by {@link Workspace#apply} under the writer lock and the write lock of the folder, so the
 * check that a file is still what the workspace last read holds until the write is done.
 *
 * <p>Order: an API's {@code api.json} is the marker that the API exists, so it is deleted first and created last;
 * a crash in between leaves a folder without {@code api.json}, which the reader ignores and reports. A file whose
 * bytes would not change is not touched (no rewrite, no timestamp change, no git noise).
 */
final class ChangeWriter {
    private final Path root;
    private final Fingerprints fingerprints;
    private final ApiKeySecrets secrets;

    ChangeWriter(Path root, Fingerprints fingerprints) {
        this.root = root;
        this.fingerprints = fingerprints;
        this.secrets = new ApiKeySecrets(root);
    }

    /**
     * The bytes a document is stored as: {@link Json#pretty}, UTF-8, LF line ends, final newline. An API key is
     * stored without its value, which goes to {@link ApiKeySecrets} (see {@link StoredApiKey}).
     */
    static byte[] serialise(Object value) {
        Object stored = value instanceof dev.gatehouse.engine.model.ApiKey key ? StoredApiKey.of(key) : value;
        return Json.pretty(stored).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the changes.
     *
     * @throws WorkspaceException naming the file that failed, after restoring the ones already written; or,
     *                            before anything is written, naming a file changed on disk since it was read
     */
    void write(String description, List<Change<?>> changes) {
        List<Step> steps = order(changes);
        for (Step step : steps) {
            try {
                step.previous = readIfExists(step.file);
            } catch (IOException e) {
                throw new WorkspaceException("Could not " + lowerFirst(description) + ": reading " + step.file
                        + " failed (" + e.getMessage() + ")", step.file, e);
            }
            if (!fingerprints.matches(root.relativize(step.file), step.previous)) {
                throw new WorkspaceException.ChangedOnDisk("Could not " + lowerFirst(description) + ": " + step.file
                        + " was changed on disk since this workspace read it (by another process, by hand or by git). "
                        + "The change is loaded now: look at it and try again.", step.file);
            }
        }
        List<Step> done = new ArrayList<>(steps.size());
        for (Step step : steps) {
            try {
                if (step.perform()) done.add(step);
            } catch (IOException | RuntimeException e) {
                String reason = e instanceof FileAlreadyExistsException
                        ? "an immutable deployment file with other content is already there" : String.valueOf(e.getMessage());
                WorkspaceException failure = new WorkspaceException("Could not " + lowerFirst(description) + ": writing "
                        + step.file + " failed (" + reason + ")", step.file, e);
                rollBack(done, failure);
                throw failure;
            }
        }
        for (Step step : steps) fingerprints.record(root.relativize(step.file), step.content);
        removeEmptyApiFolders(changes);
    }

    private List<Step> order(List<Change<?>> changes) {
        List<Step> first = new ArrayList<>();
        List<Step> middle = new ArrayList<>();
        List<Step> last = new ArrayList<>();
        for (Change<?> change : changes) {
            Step step = new Step(root.resolve(change.key().relativePath()), change);
            boolean apiFile = change.key() instanceof DocKey.ApiDoc;
            if (apiFile && change.isDeletion()) first.add(step);
            else if (apiFile && change.isCreation()) last.add(step);
            else middle.add(step);
        }
        List<Step> all = new ArrayList<>(first);
        all.addAll(middle);
        all.addAll(last);
        return all;
    }

    private void rollBack(List<Step> done, WorkspaceException failure) {
        for (Step step : done.reversed()) {
            try {
                if (step.change.key() instanceof DocKey.ApiKeyDoc k) {
                    if (step.previousSecret == null) secrets.delete(k.id());
                    else secrets.write(k.id(), step.previousSecret);
                }
                if (step.previous == null) AtomicFiles.delete(step.file);
                else AtomicFiles.write(step.file, step.previous);
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(new IOException("could not restore " + step.file + "; it may hold the new content", e));
            }
        }
    }

    /** After an API is deleted its folder goes too, unless the user keeps files of their own in it. */
    private void removeEmptyApiFolders(List<Change<?>> changes) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Change<?> change : changes) {
            if (change.key() instanceof DocKey.ApiDoc api && change.isDeletion()) {
                Path dir = root.resolve(Layout.apiDir(api.apiId()));
                dirs.add(dir.resolve(Layout.STAGES));
                dirs.add(dir.resolve(Layout.DEPLOYMENTS));
                dirs.add(dir);
            }
        }
        for (Path dir : dirs) {
            try {
                AtomicFiles.deleteDirectoryIfEmpty(dir);
            } catch (IOException e) {
                // an empty folder left behind is harmless: the reader skips folders without api.json
            }
        }
    }

    private static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // a file where its folder should be: no document here (writing it will fail and say so)
            if (Files.exists(file.getParent()) && !Files.isDirectory(file.getParent())) return null;
            throw e;
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private final class Step {
        final Path file;
        final Change<?> change;
        final byte[] content;
        byte[] previous;
        /** An API key's value before this step (null: none), for the roll-back. */
        String previousSecret;

        Step(Path file, Change<?> change) {
            this.file = file;
            this.change = change;
            this.content = change.after() == null ? null : serialise(change.after());
        }

        /** Does the step; false when the disk already held the result. */
        boolean perform() throws IOException {
            if (change.key() instanceof DocKey.ApiKeyDoc k) {
                previousSecret = secrets.read(k.id());
                // the value first: a definition on disk never names a hash whose value is not stored yet
                if (change.after() instanceof dev.gatehouse.engine.model.ApiKey key && key.value() != null) {
                    secrets.write(k.id(), key.value());
                }
                if (content == null) {
                    boolean deleted = AtomicFiles.delete(file);
                    secrets.delete(k.id());
                    return deleted || previousSecret != null;
                }
            }
            if (content == null) return AtomicFiles.delete(file);
            if (Arrays.equals(previous, content)) return false;
            // a new deployment is written once; an existing one changes only its description (Workspace checks that)
            if (change.key() instanceof DocKey.DeploymentDoc && change.before() == null) AtomicFiles.writeOnce(file, content);
            else AtomicFiles.write(file, content);
            return true;
        }
    }
}

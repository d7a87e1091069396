package dev.gatehouse.engine.workspace;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.DeploymentSnapshot;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.Problem;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads a whole workspace folder into a {@link WorkspaceState}. A file that cannot be read as what it should hold
 * does not stop the reading: it becomes a {@link WorkspaceProblem} and is quarantined (listed in
 * {@link Loaded#quarantined}) so no edit overwrites it. Temp files of interrupted writes are never read; when
 * {@code cleanTempFiles} is set (the caller holds the writer lock) they are deleted.
 */
final class WorkspaceReader {
    private static final Map<Class<?>, ObjectReader> READERS = new HashMap<>();

    static {
        for (Class<?> type : List.of(WorkspaceSettings.class, ApiDefinition.class, Stage.class, DeploymentSnapshot.class,
                StoredApiKey.class, UsagePlan.class, DomainName.class)) {
            READERS.put(type, Json.mapper().readerFor(type));
        }
    }

    /**
     * What reading found. Paths in {@code quarantined} are relative to the workspace folder; {@code clearKeyValues}
     * names the API keys whose definition still holds the value in clear (the old layout, see {@link StoredApiKey}).
     */
    record Loaded(WorkspaceState state, List<WorkspaceProblem> problems, Set<Path> quarantined, List<Path> removedTempFiles,
                  Fingerprints fingerprints, Set<String> clearKeyValues) {}

    private final Path root;
    private final boolean cleanTempFiles;
    private final List<WorkspaceProblem> problems = new ArrayList<>();
    private final Set<Path> quarantined = new HashSet<>();
    private final List<Path> removedTempFiles = new ArrayList<>();
    private final Fingerprints fingerprints = new Fingerprints();
    private final Set<String> clearKeyValues = new java.util.TreeSet<>();

    private WorkspaceReader(Path root, boolean cleanTempFiles) {
        this.root = root;
        this.cleanTempFiles = cleanTempFiles;
    }

    /** Reads the workspace at {@code root}; fails only when it is not a workspace or a folder cannot be listed. */
    static Loaded read(Path root, boolean cleanTempFiles) throws IOException {
        return new WorkspaceReader(root, cleanTempFiles).readAll();
    }

    private Loaded readAll() throws IOException {
        Path settingsFile = root.resolve(Layout.SETTINGS);
        if (!Files.isRegularFile(settingsFile)) {
            throw new WorkspaceException(root + " is not a Gatehouse workspace: it has no " + Layout.SETTINGS, settingsFile);
        }
        cleanTemps(root);
        WorkspaceSettings settings = readSettings(settingsFile);

        Map<String, ApiDefinition> apis = new TreeMap<>();
        Map<String, Map<String, Stage>> stages = new TreeMap<>();
        Map<String, Map<String, DeploymentSnapshot>> deployments = new TreeMap<>();
        for (Path apiDir : list(root.resolve(Layout.APIS), true)) readApi(apiDir, apis, stages, deployments);

        Map<String, ApiKey> apiKeys = readApiKeys();
        Map<String, UsagePlan> usagePlans = readAll(Layout.USAGE_PLANS, UsagePlan.class, UsagePlan::id, "/id");
        Map<String, DomainName> domainNames = readAll(Layout.DOMAIN_NAMES, DomainName.class, DomainName::domainName, "/domainName");

        WorkspaceState state = WorkspaceState.of(settings, apis, stages, deployments, apiKeys, usagePlans, domainNames);
        return new Loaded(state, List.copyOf(problems), Set.copyOf(quarantined), List.copyOf(removedTempFiles), fingerprints,
                Set.copyOf(clearKeyValues));
    }

    /**
     * API keys with their values: from the secret store, checked against the definition's hash; from the definition
     * itself in the old layout (noted for migration). A missing or mismatched value is a problem, not a quarantine:
     * the definition is sound, and the key matches no request until its value is set again.
     */
    private Map<String, ApiKey> readApiKeys() throws IOException {
        ApiKeySecrets secrets = new ApiKeySecrets(root);
        Map<String, ApiKey> out = new TreeMap<>();
        for (StoredApiKey stored : readAll(Layout.API_KEYS, StoredApiKey.class, StoredApiKey::id, "/id").values()) {
            Path file = root.resolve(Layout.apiKeyFile(stored.id()));
            String value = null;
            if (stored.holdsClearValue()) {
                value = stored.value();
                clearKeyValues.add(stored.id());
            } else if (stored.valueSha256() != null) {
                Path secret = ApiKeySecrets.relativeFile(stored.id());
                try {
                    value = secrets.read(stored.id());
                } catch (IOException e) {
                    problems.add(new WorkspaceProblem(file, 0, 0, "The value of API key " + stored.id()
                            + " cannot be read from " + secret + " (" + e.getMessage() + "); the key matches no request"));
                }
                if (value == null) {
                    problems.add(new WorkspaceProblem(file, 0, 0, "The value of API key " + stored.id() + " is not in "
                            + secret + " (a copy of the workspace without its .gatehouse folder?); the key matches no "
                            + "request until its value is set again"));
                } else if (!ApiKeySecrets.sha256(value).equals(stored.valueSha256())) {
                    problems.add(new WorkspaceProblem(file, 0, 0, "The value in " + secret + " is not API key "
                            + stored.id() + "'s (its SHA-256 differs from valueSha256); the key matches no request "
                            + "until its value is set again"));
                    value = null;
                }
            }
            out.put(stored.id(), stored.withValue(value));
        }
        return out;
    }

    private WorkspaceSettings readSettings(Path file) {
        String folderName = root.getFileName() == null ? "workspace" : root.getFileName().toString();
        byte[] bytes = bytes(file);
        if (bytes == null) return WorkspaceSettings.named(folderName);
        WorkspaceSettings settings = parse(file, bytes, WorkspaceSettings.class);
        if (settings == null) return WorkspaceSettings.named(folderName);
        if (settings.formatVersion() != WorkspaceSettings.FORMAT_VERSION) {
            quarantine(ProblemLocator.at(file, bytes, "/formatVersion", "Format version " + settings.formatVersion()
                    + " is not supported (this Gatehouse reads version " + WorkspaceSettings.FORMAT_VERSION + ")"));
        }
        return settings;
    }

    private void readApi(Path apiDir, Map<String, ApiDefinition> apis, Map<String, Map<String, Stage>> stages,
                         Map<String, Map<String, DeploymentSnapshot>> deployments) throws IOException {
        String apiId = apiDir.getFileName().toString();
        if (apiId.startsWith(".")) return;
        if (!Layout.isValidSegment(apiId)) {
            problems.add(new WorkspaceProblem(apiDir, 0, 0, "Folder name " + apiId + " is not a valid API id; the folder is ignored"));
            return;
        }
        cleanTemps(apiDir);
        Path apiFile = apiDir.resolve(Layout.API_FILE);
        if (!Files.exists(apiFile)) {
            // e.g. the rest of an API whose deletion was interrupted: api.json goes first, so nothing here is live
            problems.add(new WorkspaceProblem(apiDir, 0, 0, "No " + Layout.API_FILE + " in this API folder; its files are ignored"));
            return;
        }
        byte[] bytes = bytes(apiFile);
        ApiDefinition api = bytes == null ? null : parse(apiFile, bytes, ApiDefinition.class);
        if (api != null) {
            if (!apiId.equals(api.id())) {
                quarantine(ProblemLocator.at(apiFile, bytes, "/restApi/id",
                        "API id " + api.id() + " does not match its folder name " + apiId));
            } else {
                List<Problem> invalid = DefinitionValidator.validate(api);
                if (!invalid.isEmpty()) {
                    // still loaded so the console can show it; quarantined so nothing overwrites the user's file
                    quarantined.add(relative(apiFile));
                    problems.addAll(ProblemLocator.definitionProblems(apiFile, bytes, api, invalid));
                }
                apis.put(apiId, api);
            }
        }
        Map<String, Stage> apiStages = new TreeMap<>();
        for (Path file : jsonFiles(apiDir.resolve(Layout.STAGES))) {
            Stage stage = readNamed(file, Stage.class, Stage::stageName, "/stageName");
            if (stage != null) apiStages.put(stage.stageName(), stage);
        }
        stages.put(apiId, apiStages);
        Map<String, DeploymentSnapshot> apiDeployments = new TreeMap<>();
        for (Path file : jsonFiles(apiDir.resolve(Layout.DEPLOYMENTS))) {
            DeploymentSnapshot snapshot = readNamed(file, DeploymentSnapshot.class, d -> d.deployment().id(), "/deployment/id");
            if (snapshot == null) continue;
            if (!apiId.equals(snapshot.api().id())) {
                quarantine(ProblemLocator.at(file, bytes(file), "/api/restApi/id",
                        "Deployment holds API " + snapshot.api().id() + ", not " + apiId));
                continue;
            }
            apiDeployments.put(snapshot.deployment().id(), snapshot);
        }
        deployments.put(apiId, apiDeployments);
    }

    private <T> Map<String, T> readAll(String folder, Class<T> type, Function<T, String> id, String idPointer) throws IOException {
        Map<String, T> out = new TreeMap<>();
        for (Path file : jsonFiles(root.resolve(folder))) {
            T value = readNamed(file, type, id, idPointer);
            if (value != null) out.put(id.apply(value), value);
        }
        return out;
    }

    /** Reads a file whose name must be its value's id; a mismatch quarantines it (an edit would write elsewhere). */
    private <T> T readNamed(Path file, Class<T> type, Function<T, String> id, String idPointer) {
        String baseName = Layout.baseName(file);
        byte[] bytes = bytes(file);
        if (bytes == null) return null;
        if (!Layout.isValidSegment(baseName)) {
            quarantine(new WorkspaceProblem(file, 0, 0, "File name " + file.getFileName()
                    + " is not a valid id (letters, digits, . _ - * only, not starting with a dot)"));
            return null;
        }
        T value = parse(file, bytes, type);
        if (value == null) return null;
        if (!baseName.equals(id.apply(value))) {
            quarantine(ProblemLocator.at(file, bytes, idPointer,
                    "Id " + id.apply(value) + " does not match the file name " + file.getFileName()));
            return null;
        }
        return value;
    }

    private <T> T parse(Path file, byte[] bytes, Class<T> type) {
        try {
            T value = READERS.get(type).readValue(bytes);
            if (value == null) {
                quarantine(new WorkspaceProblem(file, 1, 1, "Unreadable: the file holds null, not a " + type.getSimpleName()));
            }
            return value;
        } catch (IOException | RuntimeException e) {
            quarantine(ProblemLocator.unreadable(file, bytes, e));
            return null;
        }
    }

    private byte[] bytes(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            fingerprints.record(relative(file), bytes);
            return bytes;
        } catch (IOException e) {
            quarantine(new WorkspaceProblem(file, 0, 0, "Cannot read: " + (e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : String.valueOf(e.getMessage()))));
            return null;
        }
    }

    private void quarantine(WorkspaceProblem problem) {
        problems.add(problem);
        quarantined.add(relative(problem.file()));
    }

    private Path relative(Path file) {
        return root.relativize(file);
    }

    private List<Path> jsonFiles(Path dir) throws IOException {
        cleanTemps(dir);
        List<Path> out = new ArrayList<>();
        for (Path p : list(dir, false)) {
            if (Layout.baseName(p) != null && Files.isRegularFile(p)) out.add(p);
        }
        return out;
    }

    private List<Path> list(Path dir, boolean directories) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            problems.add(new WorkspaceProblem(dir, 0, 0, "Expected a folder here, found a file; it is ignored"));
            return out;
        }
        try (var entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (directories == Files.isDirectory(p)) out.add(p);
            }
        } catch (NoSuchFileException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private void cleanTemps(Path dir) throws IOException {
        if (cleanTempFiles) removedTempFiles.addAll(AtomicFiles.deleteTempFiles(dir));
    }
}

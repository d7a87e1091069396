package dev.gatehouse.app.sdk;

import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.sdk.SdkException;
import dev.gatehouse.engine.sdk.SdkLanguage;
import dev.gatehouse.engine.sdk.SdkOptions;
import dev.gatehouse.engine.sdk.StageDocument;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Export SDK dialog's state: a deployed stage of the selected API, what to generate (one language's SDK, all of
 * them, or the HTML documentation), package name and version (checked as they are typed with the language's own
 * rules), output folder and the base URL the clients call (the running local stage, else the engine's default
 * address for it). {@link #export} generates on the injected {@code generator} runner, never the workspace worker,
 * because it takes seconds; {@link #lastExportProperty()} then holds what was written, and a failure shows the
 * engine's one-sentence {@link SdkException} message in an error dialog.
 *
 * <p>FX thread only (or the test thread with {@link TaskRunner#sameThread()}).
 */
public final class SdkExportViewModel {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");

    private final Workbench workbench;
    private final TaskRunner generator;
    private final FolderOpener opener;
    private final IntSupplier dataPlanePort;

    private final ReadOnlyStringWrapper apiName = new ReadOnlyStringWrapper(this, "apiName", "");
    private final ObservableList<String> stages = FXCollections.observableArrayList();
    private final StringProperty stage = new SimpleStringProperty(this, "stage");
    private final ReadOnlyStringWrapper stageHint = new ReadOnlyStringWrapper(this, "stageHint", "");
    private final ObservableList<ExportTarget> targets = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(ExportTarget.choices()));
    private final ObjectProperty<ExportTarget> target = new SimpleObjectProperty<>(this, "target", ExportTarget.sdk(SdkLanguage.JAVASCRIPT));
    private final StringProperty packageName = new SimpleStringProperty(this, "packageName", "");
    private final ReadOnlyStringWrapper packageLabel = new ReadOnlyStringWrapper(this, "packageLabel", "");
    private final ReadOnlyStringWrapper packageError = new ReadOnlyStringWrapper(this, "packageError", "");
    private final StringProperty version = new SimpleStringProperty(this, "version", SdkOptions.DEFAULT_VERSION);
    private final ReadOnlyStringWrapper versionError = new ReadOnlyStringWrapper(this, "versionError", "");
    private final StringProperty outputFolder = new SimpleStringProperty(this, "outputFolder",
            Path.of(System.getProperty("user.home", "."), "gatehouse-sdks").toString());
    private final ReadOnlyStringWrapper outputError = new ReadOnlyStringWrapper(this, "outputError", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final ReadOnlyStringWrapper baseUrlError = new ReadOnlyStringWrapper(this, "baseUrlError", "");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<ExportResult> lastExport = new ReadOnlyObjectWrapper<>(this, "lastExport");
    private final BooleanBinding canExport;
    private final BooleanBinding available;

    private String apiId;
    private Map<String, String> runningUrls = Map.of();
    private String defaultPackage = "";
    private String defaultBaseUrl = "";

    /**
     * @param generator     runs the generation (seconds of CPU): a runner of its own, so the workspace stays editable
     * @param opener        shows the result's folder
     * @param dataPlanePort the local engine's port, for the base URL while the stage is not being served
     */
    public SdkExportViewModel(Workbench workbench, TaskRunner generator, FolderOpener opener, IntSupplier dataPlanePort) {
        this.workbench = Objects.requireNonNull(workbench, "workbench");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.dataPlanePort = Objects.requireNonNull(dataPlanePort, "dataPlanePort");
        target.addListener((obs, old, t) -> targetChanged());
        stage.addListener((obs, old, s) -> stageChanged());
        packageName.addListener((obs, old, v) -> validate());
        version.addListener((obs, old, v) -> validate());
        outputFolder.addListener((obs, old, v) -> validate());
        baseUrl.addListener((obs, old, v) -> validate());
        canExport = Bindings.createBooleanBinding(() -> !exporting.get() && stage.get() != null && target.get() != null
                        && packageError.get().isEmpty() && versionError.get().isEmpty() && outputError.get().isEmpty()
                        && baseUrlError.get().isEmpty(),
                exporting, stage, target, packageError, versionError, outputError, baseUrlError);
        available = workbench.selectedApiProperty().isNotNull();
        targetChanged();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    /** The API being exported, for the dialog's header. */
    public ReadOnlyStringProperty apiNameProperty() { return apiName.getReadOnlyProperty(); }

    /** The API's stages by name (loaded by {@link #prepare}); only deployed stages can be exported. */
    public ObservableList<String> stages() { return stages; }

    public StringProperty stageProperty() { return stage; }

    /** Why there is nothing to export ("PetStore has no stages yet: deploy it first …"), or empty. */
    public ReadOnlyStringProperty stageHintProperty() { return stageHint.getReadOnlyProperty(); }

    /** Each language, "All languages" and "Documentation (HTML)". */
    public ObservableList<ExportTarget> targets() { return targets; }

    public ObjectProperty<ExportTarget> targetProperty() { return target; }

    /** The package name for a one-language SDK; ignored for all languages (each gets its default) and documentation. */
    public StringProperty packageNameProperty() { return packageName; }

    /** What the package name means for the language ("npm package name", "Java package"…), or empty. */
    public ReadOnlyStringProperty packageLabelProperty() { return packageLabel.getReadOnlyProperty(); }

    /** The language's reason against the package name as typed, or empty when it is fine or does not apply. */
    public ReadOnlyStringProperty packageErrorProperty() { return packageError.getReadOnlyProperty(); }

    public StringProperty versionProperty() { return version; }

    public ReadOnlyStringProperty versionErrorProperty() { return versionError.getReadOnlyProperty(); }

    /** The folder that receives the SDK's folder and zip (created when missing). */
    public StringProperty outputFolderProperty() { return outputFolder; }

    public ReadOnlyStringProperty outputErrorProperty() { return outputError.getReadOnlyProperty(); }

    /** The URL the generated clients call, including the stage. */
    public StringProperty baseUrlProperty() { return baseUrl; }

    public ReadOnlyStringProperty baseUrlErrorProperty() { return baseUrlError.getReadOnlyProperty(); }

    /** True while generating in the background. */
    public ReadOnlyBooleanProperty exportingProperty() { return exporting.getReadOnlyProperty(); }

    /** 0..1 for all languages (one step per language), -1 (indeterminate) for one SDK or the documentation. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** What is being generated ("Generating the Python 3 SDK (5 of 8)…"), or empty. */
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }

    /** The most recent successful export since {@link #prepare}, or null. */
    public ReadOnlyObjectProperty<ExportResult> lastExportProperty() { return lastExport.getReadOnlyProperty(); }

    /** True when a stage is chosen, every field is valid and nothing is being generated. */
    public BooleanBinding canExportProperty() { return canExport; }

    /** True when an API is selected, so the dialog can open (the File menu item's enabled state). */
    public BooleanBinding availableProperty() { return available; }

    /** True when {@link #openFolder} can show a folder on this machine. */
    public boolean canOpenFolders() { return opener.available(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /**
     * Resets the dialog for the selected API and reads its stages (keeping the stage chosen before when it still
     * exists) and which of them the local engine serves. Target, version and output folder are kept from the last
     * time; the package name is reset to the language's default when the API changed.
     */
    public void prepare() {
        lastExport.set(null);
        progress.set(0);
        progressText.set("");
        ApiDefinition api = workbench.selectedApi().orElse(null);
        WorkspaceSession session = workbench.session().orElse(null);
        String previousStage = stage.get();
        boolean otherApi = api == null || !api.id().equals(apiId);
        apiId = api == null ? null : api.id();
        apiName.set(api == null ? "" : api.name());
        if (otherApi) {
            defaultPackage = "";
            defaultBaseUrl = "";
            packageName.set("");
            baseUrl.set("");
        }
        runningUrls = Map.of();
        stages.clear();
        stage.set(null);
        targetChanged();
        if (api == null || session == null) {
            stageHint.set(api == null ? "Select an API first" : "Open a workspace first");
            return;
        }
        stageHint.set("Reading the stages…");
        String id = api.id();
        workbench.tasks().run(() -> readStages(session, id), found -> {
            if (!id.equals(apiId)) return; // another API was prepared meanwhile
            runningUrls = found.runningUrls();
            stages.setAll(found.names());
            stageHint.set(found.names().isEmpty()
                    ? api.name() + " has no stages yet: deploy it first (Deploy → Deploy API…), then export its SDK" : "");
            if (!found.names().isEmpty()) stage.set(found.names().contains(previousStage) ? previousStage : found.names().getFirst());
        }, e -> {
            stageHint.set("Cannot read the stages");
            workbench.dialogs().showError("Cannot read the stages of " + api.name(), e);
        });
    }

    /** Asks for the output folder with the directory chooser. */
    public void chooseOutputFolder() {
        Path current = parsePath(outputFolder.get());
        Path initial = current != null && Files.isDirectory(current) ? current : null;
        workbench.dialogs().chooseDirectory("Output folder for the SDK", initial).ifPresent(p -> outputFolder.set(p.toString()));
    }

    /** Generates in the background; does nothing while a field is invalid or another export runs. */
    public void export() {
        if (!canExport.get()) return;
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) {
            workbench.dialogs().showError("Cannot export", "No workspace is open");
            return;
        }
        SdkExportJob.Request request = new SdkExportJob.Request(apiId, apiName.get(), stage.get(), target.get(), packageName.get().trim(),
                version.get().trim(), parsePath(outputFolder.get()), baseUrl.get().trim());
        lastExport.set(null);
        exporting.set(true);
        progress.set(request.target().kind() == ExportTarget.Kind.ALL_SDKS ? 0 : -1);
        progressText.set("Generating the " + SdkExportJob.describe(request.target()) + "…");
        generator.run(() -> SdkExportJob.run(session, request, this::stepStarted), done -> {
            exporting.set(false);
            progress.set(1);
            progressText.set("");
            lastExport.set(done);
            workbench.dialogs().notify("Exported " + request.apiName(), done.summary() + "\n" + done.location());
        }, e -> {
            exporting.set(false);
            progress.set(0);
            progressText.set("");
            String title = "Cannot export the " + SdkExportJob.describe(request.target()) + " of " + request.apiName();
            if (e instanceof SdkException) workbench.dialogs().showError(title, e.getMessage());
            else workbench.dialogs().showError(title, e);
        });
    }

    /** Shows the last export's folder in the file manager. */
    public void openFolder() {
        ExportResult done = lastExport.get();
        if (done != null) opener.open(done.folder());
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private record Stages(List<String> names, Map<String, String> runningUrls) {}

    private static Stages readStages(WorkspaceSession session, String apiId) {
        List<String> names = session.stages(apiId).stream().map(Stage::stageName).sorted().toList();
        Map<String, String> urls = new HashMap<>();
        for (String name : names) session.invokeUrl(apiId, name).ifPresent(url -> urls.put(name, url));
        return new Stages(names, Map.copyOf(urls));
    }

    /** Called on the generator's thread between languages. */
    private void stepStarted(double done, String text) {
        generator.onUiThread(() -> {
            progress.set(done);
            progressText.set(text);
        });
    }

    private void targetChanged() {
        ExportTarget t = target.get();
        if (t != null && t.isSingleSdk()) {
            String fresh = t.language().defaultPackageName(apiName.get().isEmpty() ? "api" : apiName.get());
            // follow the language while the name is still a default; keep what the user typed
            String typed = packageName.get() == null ? "" : packageName.get().trim();
            if (typed.isEmpty() || typed.equals(defaultPackage)) packageName.set(fresh);
            defaultPackage = fresh;
            packageLabel.set(t.language().packageNameLabel());
        } else {
            packageLabel.set("");
        }
        validate();
    }

    private void stageChanged() {
        String s = stage.get();
        if (s != null && apiId != null) {
            String fresh = runningUrls.getOrDefault(s, StageDocument.defaultInvokeUrl(apiId, s, dataPlanePort.getAsInt()));
            String typed = baseUrl.get() == null ? "" : baseUrl.get().trim();
            if (typed.isEmpty() || typed.equals(defaultBaseUrl)) baseUrl.set(fresh);
            defaultBaseUrl = fresh;
        }
        validate();
    }

    private void validate() {
        ExportTarget t = target.get();
        String pkg = packageName.get() == null ? "" : packageName.get().trim();
        if (t == null || !t.isSingleSdk()) packageError.set("");
        else if (pkg.isEmpty()) packageError.set("Enter the " + t.language().packageNameLabel());
        else packageError.set(t.language().packageNameProblem(pkg).orElse(""));

        String v = version.get() == null ? "" : version.get().trim();
        versionError.set(t == null || !t.isSdk() || VERSION.matcher(v).matches() ? ""
                : "Use MAJOR.MINOR.PATCH with an optional -suffix, e.g. 1.0.0 or 2.1.0-beta.1");

        String out = outputFolder.get() == null ? "" : outputFolder.get().trim();
        if (out.isEmpty()) outputError.set("Choose an output folder");
        else outputError.set(parsePath(out) == null ? "Not a valid folder path" : "");

        baseUrlError.set(baseUrlProblem(baseUrl.get() == null ? "" : baseUrl.get().trim()));
    }

    private static String baseUrlProblem(String url) {
        if (url.isEmpty()) return "Enter the URL the clients call";
        try {
            URI uri = new URI(url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? "" : "Use http://host[:port]/path or https://…";
        } catch (java.net.URISyntaxException e) {
            return "Not a URL: " + e.getReason();
        }
    }

    private static Path parsePath(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Path.of(text.trim());
        } catch (InvalidPathException e) {
            return null;
        }
    }
}

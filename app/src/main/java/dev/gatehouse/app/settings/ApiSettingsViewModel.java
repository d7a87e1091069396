package dev.gatehouse.app.settings;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKeySource;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.EndpointType;
import dev.gatehouse.engine.model.RestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings page of the selected API: name, description, version, API key source, endpoint type, binary media
 * types, minimum compression size and the workspace's default-API mark, edited as a form with Save/Revert. Each
 * save is one undoable edit, "Change settings of {name}" (the default-API mark included). Problems show inline
 * and block saving. FX thread only; workspace calls go through the workbench's runner.
 */
public final class ApiSettingsViewModel {
    /** AWS's bounds for {@code minimumCompressionSize}, in bytes. */
    static final int MAX_COMPRESSION_SIZE = 10_485_760;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[^/\\s]+/[^/\\s]+");

    private final Workbench workbench;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty version = new SimpleStringProperty(this, "version", "");
    private final ObjectProperty<ApiKeySource> apiKeySource = new SimpleObjectProperty<>(this, "apiKeySource", ApiKeySource.HEADER);
    private final ObjectProperty<EndpointType> endpointType = new SimpleObjectProperty<>(this, "endpointType", EndpointType.EDGE);
    private final ObservableList<String> binaryMediaTypes = FXCollections.observableArrayList();
    private final ObservableList<String> binaryMediaTypesReadOnly = FXCollections.unmodifiableObservableList(binaryMediaTypes);
    private final StringProperty minimumCompressionSize = new SimpleStringProperty(this, "minimumCompressionSize", "");
    private final BooleanProperty defaultApi = new SimpleBooleanProperty(this, "defaultApi");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No API selected");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper compressionProblem = new ReadOnlyStringWrapper(this, "compressionProblem", "");
    private final ReadOnlyStringWrapper endpointProblem = new ReadOnlyStringWrapper(this, "endpointProblem", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyBooleanWrapper hasApi = new ReadOnlyBooleanWrapper(this, "hasApi");

    /** What the form was loaded from (or last saved as): the form is dirty when it differs. */
    private Form baseline = Form.EMPTY;
    private RestApi loadedFrom;
    private String loadedApiId;

    /** The form's values, compared as a whole. */
    record Form(String name, String description, String version, ApiKeySource apiKeySource, EndpointType endpointType,
                List<String> binaryMediaTypes, String minimumCompressionSize, boolean defaultApi) {
        static final Form EMPTY = new Form("", "", "", ApiKeySource.HEADER, EndpointType.EDGE, List.of(), "", false);

        static Form of(RestApi api, boolean isDefault) {
            EndpointType type = api.endpointConfiguration().types().isEmpty() ? EndpointType.EDGE : api.endpointConfiguration().types().getFirst();
            return new Form(nullToEmpty(api.name()), nullToEmpty(api.description()), nullToEmpty(api.version()), api.apiKeySource(), type,
                    List.copyOf(api.binaryMediaTypes()), api.minimumCompressionSize() == null ? "" : api.minimumCompressionSize().toString(), isDefault);
        }

        Form withDefaultApi(boolean d) {
            return new Form(name, description, version, apiKeySource, endpointType, binaryMediaTypes, minimumCompressionSize, d);
        }
    }

    public ApiSettingsViewModel(Workbench workbench) {
        this.workbench = workbench;
        workbench.selectedApiProperty().addListener((obs, old, api) -> onApiChanged(api));
        workbench.revisionProperty().addListener(o -> refreshDefaultApi());
        name.addListener(o -> validate());
        description.addListener(o -> validate());
        version.addListener(o -> validate());
        apiKeySource.addListener(o -> validate());
        endpointType.addListener(o -> validate());
        binaryMediaTypes.addListener((javafx.collections.ListChangeListener<String>) c -> validate());
        minimumCompressionSize.addListener(o -> validate());
        defaultApi.addListener(o -> validate());
        onApiChanged(workbench.selectedApiProperty().get());
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public StringProperty nameProperty() { return name; }

    public StringProperty descriptionProperty() { return description; }

    public StringProperty versionProperty() { return version; }

    public ObjectProperty<ApiKeySource> apiKeySourceProperty() { return apiKeySource; }

    public ObjectProperty<EndpointType> endpointTypeProperty() { return endpointType; }

    /** Edited through {@link #addBinaryMediaType} and {@link #removeBinaryMediaType}. */
    public ObservableList<String> binaryMediaTypes() { return binaryMediaTypesReadOnly; }

    /** Bytes as typed; empty turns compression off. */
    public StringProperty minimumCompressionSizeProperty() { return minimumCompressionSize; }

    /** Whether plain {@code /{stage}/...} URLs of the local data plane reach this API. */
    public BooleanProperty defaultApiProperty() { return defaultApi; }

    /** "Settings of PetStore". */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    public ReadOnlyStringProperty nameProblemProperty() { return nameProblem.getReadOnlyProperty(); }

    public ReadOnlyStringProperty compressionProblemProperty() { return compressionProblem.getReadOnlyProperty(); }

    public ReadOnlyStringProperty endpointProblemProperty() { return endpointProblem.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** Dirty and free of problems. */
    public ReadOnlyBooleanProperty canSaveProperty() { return canSave.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty hasApiProperty() { return hasApi.getReadOnlyProperty(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Why {@code type} cannot be added as a binary media type, or null when it can. */
    public String mediaTypeProblem(String type) {
        String t = type == null ? "" : type.trim();
        if (t.isEmpty()) return "Enter a media type such as image/png or */*";
        if (!MEDIA_TYPE.matcher(t).matches()) return "Invalid media type " + t + ": expected type/subtype, e.g. image/png";
        if (binaryMediaTypes.contains(t)) return t + " is already listed";
        return null;
    }

    /** Adds a binary media type; false (nothing added) when {@link #mediaTypeProblem} objects. */
    public boolean addBinaryMediaType(String type) {
        if (mediaTypeProblem(type) != null) return false;
        binaryMediaTypes.add(type.trim());
        return true;
    }

    public void removeBinaryMediaType(String type) {
        binaryMediaTypes.remove(type);
    }

    /** Stores the form as one undoable edit; does nothing while it has problems or no changes. */
    public void save() {
        if (!canSave.get() || loadedApiId == null) return;
        Form form = form();
        String apiId = loadedApiId;
        String label = "Change settings of " + nullToEmpty(loadedFrom.name());
        boolean settingsChanged = !form.withDefaultApi(false).equals(baseline.withDefaultApi(false));
        UnaryOperator<ApiDefinition> change = api -> api.withRestApi(applyTo(api.restApi(), form));
        if (form.defaultApi() == baseline.defaultApi()) {
            workbench.edit(label, change, stored -> saved(form));
            return;
        }
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return;
        boolean makeDefault = form.defaultApi();
        // one step in the shared history, so a single Undo reverts settings and mark together
        workbench.tasks().run(() -> {
            session.updateApiAndDefault(apiId, label, settingsChanged ? change : null, makeDefault);
            return null;
        }, done -> saved(form),
                e -> workbench.dialogs().showError("Cannot " + lowerFirst(label), e instanceof DefinitionException ? e.getMessage() : String.valueOf(e)));
    }

    /** Puts back what is stored. */
    public void revert() {
        ApiDefinition api = workbench.selectedApiProperty().get();
        if (api != null) load(api.restApi(), baseline.defaultApi());
    }

    // ---- internals -------------------------------------------------------------------------------------------

    static RestApi applyTo(RestApi api, Form form) {
        String size = form.minimumCompressionSize().trim();
        RestApi.EndpointConfiguration old = api.endpointConfiguration();
        RestApi.EndpointConfiguration endpoint = new RestApi.EndpointConfiguration(List.of(form.endpointType()),
                form.endpointType() == EndpointType.PRIVATE ? old.vpcEndpointIds() : null, old.ipAddressType());
        return api.withName(form.name().trim())
                .withDescription(blankToNull(form.description()))
                .withVersion(blankToNull(form.version()))
                .withApiKeySource(form.apiKeySource())
                .withEndpointConfiguration(endpoint)
                .withBinaryMediaTypes(form.binaryMediaTypes())
                .withMinimumCompressionSize(size.isEmpty() ? null : Integer.valueOf(size));
    }

    /** Why {@code text} is not a valid minimum compression size, or empty (empty text turns compression off). */
    static String compressionProblem(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return "";
        try {
            long n = Long.parseLong(t);
            if (n >= 0 && n <= MAX_COMPRESSION_SIZE) return "";
        } catch (NumberFormatException e) {
            // reported below
        }
        return "Invalid minimum compression size, must be between 0 and " + MAX_COMPRESSION_SIZE + " bytes (empty turns compression off)";
    }

    private void saved(Form form) {
        baseline = form;
        validate();
    }

    private void onApiChanged(ApiDefinition api) {
        hasApi.set(api != null);
        if (api == null) {
            loadedApiId = null;
            loadedFrom = null;
            title.set("No API selected");
            setForm(Form.EMPTY);
            baseline = Form.EMPTY;
            validate();
            return;
        }
        boolean otherApi = !api.id().equals(loadedApiId);
        title.set("Settings of " + api.name());
        // keep what the user typed when the same API changed underneath (another page's edit)
        if (otherApi || !dirty.get()) load(api.restApi(), otherApi ? false : baseline.defaultApi());
        loadedFrom = api.restApi();
        if (otherApi) refreshDefaultApi();
    }

    private void load(RestApi api, boolean isDefault) {
        loadedApiId = api.id();
        loadedFrom = api;
        baseline = Form.of(api, isDefault);
        setForm(baseline);
        validate();
    }

    /** Reads the workspace's default-API mark off the FX thread; leaves the toggle alone if the user changed it. */
    private void refreshDefaultApi() {
        WorkspaceSession session = workbench.session().orElse(null);
        String apiId = loadedApiId;
        if (session == null || apiId == null) return;
        workbench.tasks().run(() -> session.defaultApiId().map(apiId::equals).orElse(false), isDefault -> {
            if (!apiId.equals(loadedApiId) || isDefault == baseline.defaultApi()) return;
            boolean untouched = defaultApi.get() == baseline.defaultApi();
            baseline = baseline.withDefaultApi(isDefault);
            if (untouched) defaultApi.set(isDefault);
            validate();
        }, e -> { /* the mark stays as shown; the next change reads it again */ });
    }

    private void setForm(Form f) {
        name.set(f.name());
        description.set(f.description());
        version.set(f.version());
        apiKeySource.set(f.apiKeySource());
        endpointType.set(f.endpointType());
        binaryMediaTypes.setAll(f.binaryMediaTypes());
        minimumCompressionSize.set(f.minimumCompressionSize());
        defaultApi.set(f.defaultApi());
    }

    private Form form() {
        return new Form(nullToEmpty(name.get()), nullToEmpty(description.get()), nullToEmpty(version.get()), apiKeySource.get(),
                endpointType.get(), List.copyOf(binaryMediaTypes), nullToEmpty(minimumCompressionSize.get()), defaultApi.get());
    }

    private void validate() {
        nameProblem.set(loadedApiId != null && nullToEmpty(name.get()).isBlank() ? "An API needs a name" : "");
        compressionProblem.set(compressionProblem(minimumCompressionSize.get()));
        // AWS converts private APIs to regional only; edge-optimized is reached from regional
        boolean fromPrivate = loadedFrom != null && loadedFrom.endpointConfiguration().types().contains(EndpointType.PRIVATE);
        endpointProblem.set(fromPrivate && endpointType.get() == EndpointType.EDGE
                ? "A private API cannot become edge-optimized directly; make it regional first" : "");
        boolean d = loadedApiId != null && !form().equals(baseline);
        dirty.set(d);
        canSave.set(d && nameProblem.get().isEmpty() && compressionProblem.get().isEmpty() && endpointProblem.get().isEmpty());
        workbench.setUnsaved(this, d);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}

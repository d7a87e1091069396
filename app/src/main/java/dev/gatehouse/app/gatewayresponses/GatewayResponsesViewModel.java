package dev.gatehouse.app.gatewayresponses;

import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.GatewayResponse;
import dev.gatehouse.engine.model.GatewayResponseType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Gateway Responses page: the 21 response types of the selected API, each with the status a client gets and
 * where it comes from (AWS's resolution: the exact type's customisation, else the customised DEFAULT_4XX or
 * DEFAULT_5XX, else the built-in default), and an editor for the selected type's status code, response headers
 * ({@code gatewayresponse.header.NAME}) and templates per content type. Save customises, "Reset to default"
 * removes the customisation; both are undoable edits. FX thread only.
 */
public final class GatewayResponsesViewModel {
    /** AWS's template for every type until customised. */
    public static final String DEFAULT_TEMPLATE = EngineTools.DEFAULT_GATEWAY_RESPONSE_TEMPLATE;
    private static final String HEADER_PREFIX = "gatewayresponse.header.";
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern SOURCE = Pattern.compile(
            "'[^']*'|method\\.request\\.(header|querystring|path)\\.[^\\s]+|context\\.[A-Za-z0-9_.]+|stageVariables\\.[A-Za-z0-9_]+");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[^/\\s]+/[^/\\s]+");

    /** Where a type's response comes from. */
    public enum Source {
        DEFAULT("Default"), INHERITED("Inherited"), CUSTOMISED("Customised");

        private final String text;

        Source(String text) {
            this.text = text;
        }

        public String text() { return text; }
    }

    /**
     * One line of the table.
     *
     * @param status     the status a client gets ("403"), or "—" for DEFAULT_4XX/5XX without one
     * @param sourceText "Customised", "Default", or "Inherited from DEFAULT_4XX"
     */
    public record Row(GatewayResponseType type, String status, Source source, String sourceText, String errorType) {
        public boolean customised() { return source == Source.CUSTOMISED; }
    }

    /** One response header: {@code name} without the {@code gatewayresponse.header.} prefix. */
    public record Header(String name, String value) {}

    private final Workbench workbench;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<GatewayResponseType> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty statusCode = new SimpleStringProperty(this, "statusCode", "");
    private final ObservableList<Header> headers = FXCollections.observableArrayList();
    private final ObservableList<Header> headersReadOnly = FXCollections.unmodifiableObservableList(headers);
    private final ObservableList<String> contentTypes = FXCollections.observableArrayList();
    private final ObservableList<String> contentTypesReadOnly = FXCollections.unmodifiableObservableList(contentTypes);
    private final ObjectProperty<String> selectedContentType = new SimpleObjectProperty<>(this, "selectedContentType");
    private final StringProperty template = new SimpleStringProperty(this, "template", "");
    private final ReadOnlyStringWrapper defaults = new ReadOnlyStringWrapper(this, "defaults", "");
    private final ReadOnlyStringWrapper statusPrompt = new ReadOnlyStringWrapper(this, "statusPrompt", "");
    private final ReadOnlyStringWrapper statusProblem = new ReadOnlyStringWrapper(this, "statusProblem", "");
    private final ReadOnlyStringWrapper headerProblem = new ReadOnlyStringWrapper(this, "headerProblem", "");
    private final ReadOnlyBooleanWrapper customised = new ReadOnlyBooleanWrapper(this, "customised");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyStringWrapper corsTarget = new ReadOnlyStringWrapper(this, "corsTarget", "");
    private final Map<String, String> templates = new LinkedHashMap<>();
    private Editor baseline = Editor.EMPTY;
    private String loadedApiId;
    private boolean loading;

    /** The editor's values, compared as a whole to tell whether anything changed. */
    private record Editor(String status, List<Header> headers, Map<String, String> templates) {
        static final Editor EMPTY = new Editor("", List.of(), Map.of());
    }

    public GatewayResponsesViewModel(Workbench workbench) {
        this.workbench = workbench;
        workbench.selectedApiProperty().addListener((obs, old, api) -> reload(api));
        selected.addListener((obs, old, type) -> loadSelected());
        statusCode.addListener(o -> validate());
        headers.addListener((javafx.collections.ListChangeListener<Header>) c -> validate());
        selectedContentType.addListener((obs, old, ct) -> {
            loading = true;
            try {
                template.set(ct == null ? "" : templates.getOrDefault(ct, ""));
            } finally {
                loading = false;
            }
        });
        template.addListener((obs, old, text) -> {
            String ct = selectedContentType.get();
            if (loading || ct == null) return;
            templates.put(ct, text == null ? "" : text);
            validate();
        });
        workbench.selectionProperty().addListener(o -> updateCorsTarget());
        reload(workbench.selectedApiProperty().get());
    }

    // ---- properties ------------------------------------------------------------------------------------------

    /** The 21 types in AWS's order, replaced after each change. */
    public ObservableList<Row> rows() { return rows; }

    public ObjectProperty<GatewayResponseType> selectedProperty() { return selected; }

    /** Empty keeps the default status (shown by {@link #statusPromptProperty()}). */
    public StringProperty statusCodeProperty() { return statusCode; }

    /** Edited through {@link #addHeader}, {@link #setHeader} and {@link #removeHeader}. */
    public ObservableList<Header> headers() { return headersReadOnly; }

    public ObservableList<String> contentTypes() { return contentTypesReadOnly; }

    public ObjectProperty<String> selectedContentTypeProperty() { return selectedContentType; }

    /** The template of the selected content type. */
    public StringProperty templateProperty() { return template; }

    /** The selected type's built-in status, message and {@code x-amzn-ErrorType}. */
    public ReadOnlyStringProperty defaultsProperty() { return defaults.getReadOnlyProperty(); }

    /** What an empty status means for the selected type ("Default: 403"). */
    public ReadOnlyStringProperty statusPromptProperty() { return statusPrompt.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusProblemProperty() { return statusProblem.getReadOnlyProperty(); }

    public ReadOnlyStringProperty headerProblemProperty() { return headerProblem.getReadOnlyProperty(); }

    /** Whether the selected type has a stored customisation (what "Reset to default" removes). */
    public ReadOnlyBooleanProperty customisedProperty() { return customised.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canSaveProperty() { return canSave.getReadOnlyProperty(); }

    /** The path of the resource selected on the Resources page ("/pets"), or empty: where "Enable CORS" applies. */
    public ReadOnlyStringProperty corsTargetProperty() { return corsTarget.getReadOnlyProperty(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Adds a response header row ({@code X-Header → 'value'}) to fill in. */
    public void addHeader() {
        int n = 1;
        while (hasHeader("X-Header-" + n)) n++;
        headers.add(new Header("X-Header-" + n, "'value'"));
    }

    public void setHeader(int index, String name, String value) {
        if (index < 0 || index >= headers.size()) return;
        headers.set(index, new Header(name == null ? "" : name.trim(), value == null ? "" : value.trim()));
    }

    public void removeHeader(int index) {
        if (index >= 0 && index < headers.size()) headers.remove(index);
    }

    /** Why {@code contentType} cannot get a template, or null when it can. */
    public String contentTypeProblem(String contentType) {
        String ct = contentType == null ? "" : contentType.trim();
        if (!MEDIA_TYPE.matcher(ct).matches()) return "Enter a content type such as application/json";
        if (templates.containsKey(ct)) return "There is already a template for " + ct;
        return null;
    }

    /** Adds a template for {@code contentType} (starting from AWS's default) and selects it. */
    public void addContentType(String contentType) {
        if (selected.get() == null || contentTypeProblem(contentType) != null) return;
        String ct = contentType.trim();
        templates.put(ct, DEFAULT_TEMPLATE);
        contentTypes.add(ct);
        selectedContentType.set(ct);
        validate();
    }

    public void removeContentType(String contentType) {
        if (!templates.containsKey(contentType)) return;
        templates.remove(contentType);
        contentTypes.remove(contentType);
        if (Objects.equals(selectedContentType.get(), contentType)) selectedContentType.set(contentTypes.isEmpty() ? null : contentTypes.getFirst());
        validate();
    }

    /** Stores the editor as the selected type's customisation: "Customise gateway response THROTTLED". */
    public void save() {
        GatewayResponseType type = selected.get();
        if (type == null || !canSave.get()) return;
        String status = statusCode.get() == null || statusCode.get().isBlank() ? null : statusCode.get().trim();
        Map<String, String> params = new LinkedHashMap<>();
        for (Header h : headers) params.put(HEADER_PREFIX + h.name(), h.value());
        GatewayResponse response = new GatewayResponse(type, status, params, new LinkedHashMap<>(templates), false);
        Editor saving = editor();
        workbench.edit("Customise gateway response " + type, api -> api.withGatewayResponses(replace(api, type, response)),
                stored -> {
                    baseline = saving;
                    validate();
                });
    }

    /** Removes the selected type's customisation, so the DEFAULT_4XX/5XX or built-in response applies again. */
    public void resetToDefault() {
        GatewayResponseType type = selected.get();
        if (type == null || !customised.get()) return;
        workbench.edit("Reset gateway response " + type + " to default", api -> api.withGatewayResponses(replace(api, type, null)),
                stored -> loadSelected());
    }

    /**
     * Enables CORS on the resource selected on the Resources page with the console's defaults (an OPTIONS MOCK,
     * Access-Control-Allow-Origin on its methods, the headers on DEFAULT_4XX/DEFAULT_5XX), after asking; one
     * undoable edit "Enable CORS on /pets".
     */
    public void enableCors() {
        var selection = workbench.selectionProperty().get();
        String path = corsTarget.get();
        if (selection == null || path.isEmpty()) return;
        if (!workbench.dialogs().confirm("Enable CORS", "Enable CORS on " + path + "? This adds an OPTIONS method (MOCK) answering "
                + "the preflight, Access-Control-Allow-Origin '*' on the resource's methods, and the CORS headers on the "
                + "DEFAULT_4XX and DEFAULT_5XX gateway responses.", "Enable CORS")) return;
        String resourceId = selection.resourceId();
        workbench.edit("Enable CORS on " + path, api -> EngineTools.enableCors(api, resourceId));
    }

    /** Puts back what is stored for the selected type. */
    public void revert() {
        loadSelected();
    }

    // ---- resolution ------------------------------------------------------------------------------------------

    /** The stored customisation of {@code type}; entries marked as AWS's built-in default do not count. */
    static Optional<GatewayResponse> customisation(ApiDefinition api, GatewayResponseType type) {
        return api.gatewayResponses().stream().filter(r -> r.responseType() == type && !r.defaultResponse()).findFirst();
    }

    /** The table line of {@code type}: AWS's resolution order, exact type → DEFAULT_4XX/5XX → built-in. */
    static Row row(ApiDefinition api, GatewayResponseType type) {
        var runtime = engineType(type);
        String builtIn = runtime.defaultStatus() == 0 ? "—" : String.valueOf(runtime.defaultStatus());
        Optional<GatewayResponse> own = customisation(api, type);
        if (own.isPresent()) {
            return new Row(type, own.get().statusCode() != null ? own.get().statusCode() : builtIn, Source.CUSTOMISED, Source.CUSTOMISED.text(),
                    runtime.errorType());
        }
        var fallback = runtime.fallback();
        Optional<GatewayResponse> inherited = fallback == null ? Optional.empty() : customisation(api, GatewayResponseType.valueOf(fallback.name()));
        if (inherited.isPresent()) {
            String status = inherited.get().statusCode() != null ? inherited.get().statusCode() : builtIn;
            return new Row(type, status, Source.INHERITED, "Inherited from " + fallback.name(), runtime.errorType());
        }
        return new Row(type, builtIn, Source.DEFAULT, Source.DEFAULT.text(), runtime.errorType());
    }

    private static dev.gatehouse.engine.errors.GatewayResponseType engineType(GatewayResponseType type) {
        return dev.gatehouse.engine.errors.GatewayResponseType.valueOf(type.name());
    }

    private static List<GatewayResponse> replace(ApiDefinition api, GatewayResponseType type, GatewayResponse with) {
        List<GatewayResponse> list = new ArrayList<>();
        for (GatewayResponse r : api.gatewayResponses()) if (r.responseType() != type) list.add(r);
        if (with != null) list.add(with);
        return list;
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void reload(ApiDefinition api) {
        boolean otherApi = api == null || !api.id().equals(loadedApiId);
        loadedApiId = api == null ? null : api.id();
        updateCorsTarget();
        GatewayResponseType keep = selected.get();
        rows.setAll(api == null ? List.of() : java.util.Arrays.stream(GatewayResponseType.values()).map(t -> row(api, t)).toList());
        if (api == null) {
            selected.set(null);
        } else if (keep == null || otherApi) {
            if (Objects.equals(selected.get(), GatewayResponseType.values()[0])) loadSelected();
            else selected.set(GatewayResponseType.values()[0]);
        } else if (!dirty.get()) {
            loadSelected(); // the stored customisation changed (undo, redo, another edit): show it
        } else {
            customised.set(customisation(api, keep).isPresent());
        }
    }

    private void updateCorsTarget() {
        var selection = workbench.selectionProperty().get();
        ApiDefinition api = workbench.selectedApiProperty().get();
        corsTarget.set(selection == null || api == null ? "" : api.resource(selection.resourceId()).map(r -> r.path()).orElse(""));
    }

    private void loadSelected() {
        GatewayResponseType type = selected.get();
        ApiDefinition api = workbench.selectedApiProperty().get();
        Optional<GatewayResponse> own = type == null || api == null ? Optional.empty() : customisation(api, type);
        customised.set(own.isPresent());
        Map<String, String> stored = own.map(GatewayResponse::responseTemplates).filter(m -> !m.isEmpty())
                .orElse(type == null ? Map.of() : Map.of("application/json", DEFAULT_TEMPLATE));
        List<Header> list = new ArrayList<>();
        own.ifPresent(r -> r.responseParameters().forEach((k, v) ->
                list.add(new Header(k.startsWith(HEADER_PREFIX) ? k.substring(HEADER_PREFIX.length()) : k, v))));
        templates.clear();
        templates.putAll(new java.util.TreeMap<>(stored));
        baseline = new Editor(own.map(GatewayResponse::statusCode).orElse(""), List.copyOf(list), Map.copyOf(templates));
        statusCode.set(baseline.status());
        headers.setAll(list);
        contentTypes.setAll(templates.keySet());
        String ct = templates.containsKey("application/json") ? "application/json" : contentTypes.isEmpty() ? null : contentTypes.getFirst();
        selectedContentType.set(null);
        selectedContentType.set(ct);
        describeDefaults(type);
        validate();
    }

    private void describeDefaults(GatewayResponseType type) {
        if (type == null) {
            defaults.set("");
            statusPrompt.set("");
            return;
        }
        var runtime = engineType(type);
        String status = runtime.defaultStatus() == 0 ? "no status of its own (each type keeps its own)" : "status " + runtime.defaultStatus();
        String message = runtime.defaultMessage() == null ? "null" : "\"" + runtime.defaultMessage() + "\"";
        String fallback = runtime.fallback() == null ? "" : "; falls back to " + runtime.fallback().name();
        defaults.set("Built-in: " + status + ", message " + message + ", x-amzn-ErrorType " + runtime.errorType() + fallback);
        statusPrompt.set(runtime.defaultStatus() == 0 ? "Keep each type's status" : "Default: " + runtime.defaultStatus());
    }

    private Editor editor() {
        return new Editor(statusCode.get() == null ? "" : statusCode.get().trim(), List.copyOf(headers), Map.copyOf(templates));
    }

    private boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }

    private void validate() {
        String status = statusCode.get() == null ? "" : statusCode.get().trim();
        statusProblem.set(status.isEmpty() || STATUS.matcher(status).matches() ? ""
                : "Invalid status code " + status + ": expected a number from 100 to 599");
        headerProblem.set(headerProblem());
        boolean d = selected.get() != null && !editor().equals(baseline);
        dirty.set(d);
        canSave.set(d && statusProblem.get().isEmpty() && headerProblem.get().isEmpty());
        workbench.setUnsaved(this, d);
    }

    private String headerProblem() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Header h : headers) {
            if (!HEADER_NAME.matcher(h.name()).matches()) return "Invalid header name '" + h.name() + "'";
            if (!seen.add(h.name().toLowerCase(java.util.Locale.ROOT))) return "Header " + h.name() + " is listed twice";
            if (!SOURCE.matcher(h.value()).matches()) {
                return "Invalid mapping expression for " + h.name() + ": " + h.value()
                        + " (use 'static', method.request.header|querystring|path.NAME, context.NAME or stageVariables.NAME)";
            }
        }
        return "";
    }
}

package dev.gatehouse.app.method;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.RequestValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Method request phase: the settings form (authorization, API key, request validator, operation name; saved
 * together), the request parameters with their required flags, and the request models. FX thread only.
 */
public final class MethodRequestViewModel {
    /** Where a request parameter comes from, as AWS names the locations. */
    public static final List<String> LOCATIONS = List.of("path", "querystring", "header", "multivalueheader", "multivaluequerystring");
    private static final Pattern NAME = Pattern.compile("[^.\\s]+");

    /** A request validator choice; the "none" choice has a null id. */
    public record ValidatorChoice(String id, String name) {
        @Override public String toString() {
            return name;
        }
    }

    /** An authorizer of the API a CUSTOM (Lambda) or COGNITO_USER_POOLS method can use. */
    public record AuthorizerChoice(String id, String name, dev.gatehouse.engine.model.AuthorizerType type) {
        @Override public String toString() {
            return name + (type == dev.gatehouse.engine.model.AuthorizerType.COGNITO_USER_POOLS ? " (Cognito)" : " (Lambda " + type + ")");
        }
    }

    static final ValidatorChoice NO_VALIDATOR = new ValidatorChoice(null, "None");

    private final MethodViewModel parent;
    private final ObjectProperty<AuthorizationType> authorizationType = new SimpleObjectProperty<>(this, "authorizationType", AuthorizationType.NONE);
    private final BooleanProperty apiKeyRequired = new SimpleBooleanProperty(this, "apiKeyRequired");
    private final ObjectProperty<ValidatorChoice> validator = new SimpleObjectProperty<>(this, "validator", NO_VALIDATOR);
    private final StringProperty operationName = new SimpleStringProperty(this, "operationName", "");
    private final ObjectProperty<AuthorizerChoice> authorizer = new SimpleObjectProperty<>(this, "authorizer");
    private final StringProperty scopes = new SimpleStringProperty(this, "scopes", "");
    private final ObservableList<AuthorizerChoice> authorizers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ObservableList<ValidatorChoice> validators = FXCollections.observableArrayList();
    private final ObservableList<Rows.Parameter> parameters = FXCollections.observableArrayList();
    private final ObservableList<Rows.Mapping> models = FXCollections.observableArrayList();
    private final ObservableList<String> modelNames = FXCollections.observableArrayList();

    MethodRequestViewModel(MethodViewModel parent) {
        this.parent = parent;
        parent.methodProperty().addListener((obs, old, m) -> load(m));
        authorizationType.addListener(o -> updateDirty());
        apiKeyRequired.addListener(o -> updateDirty());
        validator.addListener(o -> updateDirty());
        operationName.addListener(o -> updateDirty());
        authorizer.addListener(o -> updateDirty());
        scopes.addListener(o -> updateDirty());
    }

    /** The authorizer of a CUSTOM or COGNITO_USER_POOLS method (choices: {@link #authorizers()}). */
    public ObjectProperty<AuthorizerChoice> authorizerProperty() { return authorizer; }

    /** The method's OAuth {@code authorizationScopes}, space separated (Cognito methods). */
    public StringProperty scopesProperty() { return scopes; }

    /** The API's authorizers that fit the chosen authorization type (Lambda for CUSTOM, Cognito for COGNITO_USER_POOLS). */
    public ObservableList<AuthorizerChoice> authorizers() { return authorizers; }

    public ObjectProperty<AuthorizationType> authorizationTypeProperty() { return authorizationType; }

    public BooleanProperty apiKeyRequiredProperty() { return apiKeyRequired; }

    public ObjectProperty<ValidatorChoice> validatorProperty() { return validator; }

    public StringProperty operationNameProperty() { return operationName; }

    /** True while the settings form differs from the stored method. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** "None" and the API's request validators. */
    public ObservableList<ValidatorChoice> validators() { return validators; }

    public ObservableList<Rows.Parameter> parameters() { return parameters; }

    /** Content type → model name. */
    public ObservableList<Rows.Mapping> models() { return models; }

    /** The API's model names, for the request model picker. */
    public ObservableList<String> modelNames() { return modelNames; }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Stores the settings form as one edit. */
    public void saveSettings() {
        if (!dirty.get()) return;
        AuthorizationType type = authorizationType.get();
        boolean key = apiKeyRequired.get();
        String validatorId = validator.get() == null ? null : validator.get().id();
        String op = operationName.get() == null || operationName.get().isBlank() ? null : operationName.get().trim();
        boolean usesAuthorizer = type == AuthorizationType.CUSTOM || type == AuthorizationType.COGNITO_USER_POOLS;
        String authorizerId = usesAuthorizer && authorizer.get() != null ? authorizer.get().id() : null;
        java.util.List<String> scopeList = type == AuthorizationType.COGNITO_USER_POOLS ? scopeList() : null;
        parent.editMethod("Update method request of", m -> m
                .withAuthorization(type, authorizerId, scopeList == null || scopeList.isEmpty() ? null : scopeList)
                .withApiKeyRequired(key)
                .withRequestValidatorId(validatorId)
                .withOperationName(op));
    }

    /** Resets the settings form to the stored method. */
    public void revertSettings() {
        load(parent.methodProperty().get());
    }

    /** Why a parameter cannot be added, or null when it can. */
    public String parameterProblem(String location, String name) {
        if (!LOCATIONS.contains(location)) return "Choose where the parameter comes from";
        if (name == null || !NAME.matcher(name.trim()).matches()) return "Enter a name without dots or spaces";
        Method m = parent.methodProperty().get();
        if (m != null && m.requestParameters().containsKey("method.request." + location + "." + name.trim())) {
            return "The parameter exists already";
        }
        return null;
    }

    public void addParameter(String location, String name, boolean required) {
        if (parameterProblem(location, name) != null) return;
        String key = new Rows.Parameter(location, name.trim(), required).key();
        parent.editMethod("Add request parameter " + location + "." + name.trim() + " to", m -> m.withRequestParameters(put(m.requestParameters(), key, required)));
    }

    public void setRequired(Rows.Parameter row, boolean required) {
        if (row.required() == required) return;
        parent.editMethod((required ? "Require " : "Make optional ") + row.location() + "." + row.name() + " of",
                m -> m.withRequestParameters(put(m.requestParameters(), row.key(), required)));
    }

    public void removeParameter(Rows.Parameter row) {
        parent.editMethod("Remove request parameter " + row.location() + "." + row.name() + " from",
                m -> m.withRequestParameters(remove(m.requestParameters(), row.key())));
    }

    /** Sets the model for a request content type. */
    public void putModel(String contentType, String modelName) {
        if (contentType == null || contentType.isBlank() || modelName == null) return;
        String ct = contentType.trim();
        parent.editMethod("Set request model " + ct + " of", m -> m.withRequestModels(put(m.requestModels(), ct, modelName)));
    }

    public void removeModel(Rows.Mapping row) {
        parent.editMethod("Remove request model " + row.key() + " from", m -> m.withRequestModels(remove(m.requestModels(), row.key())));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void load(Method m) {
        ApiDefinition api = parent.api();
        validators.setAll(NO_VALIDATOR);
        modelNames.clear();
        if (api != null) {
            for (RequestValidator v : api.requestValidators()) validators.add(new ValidatorChoice(v.id(), v.name()));
            modelNames.setAll(api.models().stream().map(Model::name).toList());
        }
        if (m == null) {
            parameters.clear();
            models.clear();
            dirty.set(false);
            return;
        }
        authorizationType.set(m.authorizationType());
        authorizers.setAll(api == null ? java.util.List.of() : api.authorizers().stream()
                .map(a -> new AuthorizerChoice(a.id(), a.name(), a.type())).toList());
        authorizer.set(authorizers.stream().filter(a -> a.id().equals(m.authorizerId())).findFirst().orElse(null));
        scopes.set(m.authorizationScopes() == null ? "" : String.join(" ", m.authorizationScopes()));
        apiKeyRequired.set(Boolean.TRUE.equals(m.apiKeyRequired()));
        validator.set(validators.stream().filter(v -> Objects.equals(v.id(), m.requestValidatorId())).findFirst().orElse(NO_VALIDATOR));
        operationName.set(m.operationName() == null ? "" : m.operationName());
        parameters.setAll(m.requestParameters().entrySet().stream()
                .map(e -> Rows.Parameter.of(e.getKey(), Boolean.TRUE.equals(e.getValue())))
                .sorted(java.util.Comparator.comparing(Rows.Parameter::location).thenComparing(Rows.Parameter::name)).toList());
        models.setAll(m.requestModels().entrySet().stream().map(e -> new Rows.Mapping(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(Rows.Mapping::key)).toList());
        updateDirty();
    }

    private void updateDirty() {
        Method m = parent.methodProperty().get();
        boolean d = m != null && (authorizationType.get() != m.authorizationType()
                || apiKeyRequired.get() != Boolean.TRUE.equals(m.apiKeyRequired())
                || !Objects.equals(validator.get() == null ? null : validator.get().id(), m.requestValidatorId())
                || !Objects.equals(blankToNull(operationName.get()), m.operationName())
                || !Objects.equals(authorizer.get() == null ? null : authorizer.get().id(), m.authorizerId())
                || !Objects.equals(scopeList(), m.authorizationScopes() == null ? java.util.List.of() : m.authorizationScopes()));
        dirty.set(d);
        parent.workbench().setUnsaved(this, d);
    }

    private java.util.List<String> scopeList() {
        String text = scopes.get() == null ? "" : scopes.get().strip();
        return text.isEmpty() ? java.util.List.of() : java.util.List.of(text.split("[\\s,]+"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    static <V> Map<String, V> remove(Map<String, V> map, String key) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }
}

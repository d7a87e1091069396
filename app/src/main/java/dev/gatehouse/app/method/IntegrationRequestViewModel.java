package dev.gatehouse.app.method;

import dev.gatehouse.engine.model.ContentHandling;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DefinitionValidator;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.PassthroughBehavior;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
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
 * The Integration request phase: the settings form (type, endpoint, HTTP method, timeout, passthrough, content
 * handling) checked live with AWS's rules and saved together; the parameter mappings; and the request mapping
 * templates. FX thread only.
 */
public final class IntegrationRequestViewModel {
    /** The integration types the console offers; AWS and AWS_PROXY call a Lambda function of the workspace. */
    public static final List<IntegrationType> TYPES = List.of(IntegrationType.MOCK, IntegrationType.HTTP,
            IntegrationType.HTTP_PROXY, IntegrationType.AWS, IntegrationType.AWS_PROXY);
    public static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");
    private static final Pattern TARGET = Pattern.compile("integration\\.request\\.(path|querystring|header|multivalueheader|multivaluequerystring)\\.\\S+");

    private final MethodViewModel parent;
    private final ObjectProperty<IntegrationType> type = new SimpleObjectProperty<>(this, "type", IntegrationType.MOCK);
    private final StringProperty httpMethod = new SimpleStringProperty(this, "httpMethod", "GET");
    private final StringProperty uri = new SimpleStringProperty(this, "uri", "");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout", String.valueOf(Integration.DEFAULT_TIMEOUT_MILLIS));
    private final ObjectProperty<PassthroughBehavior> passthrough = new SimpleObjectProperty<>(this, "passthrough", PassthroughBehavior.WHEN_NO_MATCH);
    private final ObjectProperty<ContentHandling> contentHandling = new SimpleObjectProperty<>(this, "contentHandling");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper stageVariableHint = new ReadOnlyStringWrapper(this, "stageVariableHint", "");
    private final ObservableList<Rows.Mapping> mappings = FXCollections.observableArrayList();
    private final TemplatesModel templates;
    private final StringProperty lambdaFunction = new SimpleStringProperty(this, "lambdaFunction", "");
    private final javafx.beans.property.BooleanProperty lambdaProxy = new javafx.beans.property.SimpleBooleanProperty(this, "lambdaProxy");
    private final ObservableList<String> functionNames = FXCollections.observableArrayList();
    private boolean syncingLambda;
    // "AWS Service" (an AWS integration calling a service other than Lambda): its fields, in step with the URI
    private final javafx.beans.property.BooleanProperty awsService = new javafx.beans.property.SimpleBooleanProperty(this, "awsService");
    private final dev.gatehouse.app.awsservice.AwsServiceFieldsViewModel awsFields = new dev.gatehouse.app.awsservice.AwsServiceFieldsViewModel();
    private final StringProperty credentials = new SimpleStringProperty(this, "credentials", "");
    private boolean loading;

    IntegrationRequestViewModel(MethodViewModel parent) {
        this.parent = parent;
        templates = new TemplatesModel(parent.workbench(), this::storedTemplates,
                (map, description) -> parent.editIntegration(description, i -> i.withRequestTemplates(map)));
        parent.methodProperty().addListener((obs, old, m) -> load(m));
        type.addListener(o -> check());
        type.addListener((obs, old, t) -> syncLambdaFromType(old, t));
        lambdaFunction.addListener((obs, old, name) -> syncUriFromFunction(name));
        lambdaProxy.addListener((obs, old, proxy) -> {
            if (syncingLambda || !isLambda(type.get())) return;
            type.set(proxy ? IntegrationType.AWS_PROXY : IntegrationType.AWS);
        });
        uri.addListener((obs, old, u) -> syncFunctionFromUri(u));
        httpMethod.addListener(o -> check());
        uri.addListener(o -> check());
        timeout.addListener(o -> check());
        passthrough.addListener(o -> check());
        contentHandling.addListener(o -> check());
        awsFields.credentialsProperty().bindBidirectional(credentials);
        credentials.addListener((obs, old, v) -> check());
        awsFields.problemProperty().addListener((obs, old, v) -> check());
        awsService.addListener((obs, old, on) -> switchAwsService(on));
        type.addListener((obs, old, t) -> {
            if (t != IntegrationType.AWS) awsService.set(false);
        });
    }

    /**
     * True when the AWS integration calls an AWS service's API (the AWS Service fields edit the URI), false when it
     * invokes a Lambda function (the Lambda fields do). Only meaningful for type AWS.
     */
    public javafx.beans.property.BooleanProperty awsServiceProperty() { return awsService; }

    /** The AWS Service fields (Region, service, subdomain, action or path override, execution role). */
    public dev.gatehouse.app.awsservice.AwsServiceFieldsViewModel awsFields() { return awsFields; }

    /** The integration's credentials (execution role ARN); empty for none. */
    public StringProperty credentialsProperty() { return credentials; }

    private void switchAwsService(boolean on) {
        if (!on) {
            awsFields.uriProperty().unbindBidirectional(uri);
            return;
        }
        if (!loading) {
            // from a Lambda URI (or none) to a service: start with empty fields, not the Lambda ARN
            String u = uri.get() == null ? "" : uri.get();
            boolean lambda;
            try {
                lambda = dev.gatehouse.app.awsservice.AwsServiceUri.parse(u).isLambdaInvocation();
            } catch (IllegalArgumentException notAnArn) {
                lambda = false;
            }
            if (lambda || u.isBlank()) {
                awsFields.reset();
                uri.set("");
                httpMethod.set("POST");
            }
        }
        awsFields.uriProperty().bindBidirectional(uri);
    }

    /** True for an AWS integration URI that calls a service, not a Lambda function (an unreadable one too: its error shows). */
    static boolean isServiceUri(IntegrationType t, String u) {
        if (t != IntegrationType.AWS || u == null || u.isBlank()) return false;
        try {
            return !dev.gatehouse.app.awsservice.AwsServiceUri.parse(u).isLambdaInvocation();
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    public ObjectProperty<IntegrationType> typeProperty() { return type; }

    public StringProperty httpMethodProperty() { return httpMethod; }

    /** The endpoint URL; may use {@code ${stageVariables.name}}. */
    public StringProperty uriProperty() { return uri; }

    /** Milliseconds, 50 to 29000, as typed. */
    public StringProperty timeoutProperty() { return timeout; }

    public ObjectProperty<PassthroughBehavior> passthroughProperty() { return passthrough; }

    /** Null means "passthrough" (no conversion). */
    public ObjectProperty<ContentHandling> contentHandlingProperty() { return contentHandling; }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** Why the form cannot be saved (AWS's message), or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Which stage variables the endpoint URL uses ("Uses stage variables: backend"), or empty. */
    public ReadOnlyStringProperty stageVariableHintProperty() { return stageVariableHint.getReadOnlyProperty(); }

    /** Target ({@code integration.request.header.X}) → source expression. */
    public ObservableList<Rows.Mapping> mappings() { return mappings; }

    public TemplatesModel templates() { return templates; }

    /** The Lambda function an AWS or AWS_PROXY integration invokes (its name); writing it rewrites the URI. */
    public StringProperty lambdaFunctionProperty() { return lambdaFunction; }

    /** "Use Lambda proxy integration": AWS_PROXY when true, AWS when false (Lambda types only). */
    public javafx.beans.property.BooleanProperty lambdaProxyProperty() { return lambdaProxy; }

    /** The workspace's functions, for the function picker; read when a Lambda type is chosen. */
    public ObservableList<String> functionNames() { return functionNames; }

    /** True for the types that call Lambda (AWS, AWS_PROXY). */
    public static boolean isLambda(IntegrationType t) {
        return t == IntegrationType.AWS || t == IntegrationType.AWS_PROXY;
    }

    private void syncLambdaFromType(IntegrationType old, IntegrationType t) {
        syncingLambda = true;
        try {
            lambdaProxy.set(t == IntegrationType.AWS_PROXY);
        } finally {
            syncingLambda = false;
        }
        if (isLambda(t) && !isLambda(old)) {
            // Lambda is always invoked with POST; the function list fills the picker
            httpMethod.set("POST");
            refreshFunctionNames();
        }
    }

    private void syncUriFromFunction(String name) {
        if (syncingLambda || awsService.get() || !isLambda(type.get()) || name == null || name.isBlank()) return;
        if (dev.gatehouse.app.functions.LambdaUri.problem(name).isPresent()) return;
        syncingLambda = true;
        try {
            uri.set(dev.gatehouse.app.functions.LambdaUri.of(name));
            httpMethod.set("POST");
        } finally {
            syncingLambda = false;
        }
    }

    private void syncFunctionFromUri(String u) {
        if (syncingLambda) return;
        syncingLambda = true;
        try {
            lambdaFunction.set(dev.gatehouse.app.functions.LambdaUri.functionName(u).orElse(""));
        } finally {
            syncingLambda = false;
        }
    }

    /** Reads the workspace's function names for the picker (in the background). */
    public void refreshFunctionNames() {
        parent.workbench().session().ifPresent(s -> parent.workbench().tasks().run(() -> {
            try {
                return s.functions().list().stream().map(dev.gatehouse.engine.functions.FunctionConfig::name).toList();
            } catch (UnsupportedOperationException none) {
                return List.<String>of();
            }
        }, functionNames::setAll, e -> functionNames.clear()));
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Stores the settings form as one edit (creating the integration if the method had none). */
    public void saveSettings() {
        Integration draft = draft();
        if (draft == null || !problem.get().isEmpty()) return;
        Method m = parent.methodProperty().get();
        if (m == null) return;
        if (m.methodIntegration() == null) {
            parent.editMethod("Set up integration of", x -> x.withIntegration(draft));
        } else {
            parent.editIntegration("Update integration request of", i -> Integrations.withSettings(i, draft.type(),
                    draft.httpMethod(), draft.uri(), draft.timeoutInMillis(), draft.passthroughBehavior(), draft.contentHandling(),
                    draft.credentials()));
        }
    }

    public void revertSettings() {
        load(parent.methodProperty().get());
    }

    /** Why a mapping cannot be added, or null when it can. */
    public String mappingProblem(String target, String source) {
        if (target == null || !TARGET.matcher(target.trim()).matches()) {
            return "Target must look like integration.request.header.Name";
        }
        if (source == null || source.isBlank()) return "Enter a source, e.g. method.request.path.petId or 'literal'";
        return null;
    }

    public void putMapping(String target, String source) {
        if (mappingProblem(target, source) != null) return;
        String t = target.trim();
        String s = source.trim();
        parent.editIntegration("Map " + t + " of", i -> i.withRequestParameters(MethodRequestViewModel.put(i.requestParameters(), t, s)));
    }

    public void removeMapping(Rows.Mapping row) {
        parent.editIntegration("Remove mapping " + row.key() + " of",
                i -> i.withRequestParameters(MethodRequestViewModel.remove(i.requestParameters(), row.key())));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private Map<String, String> storedTemplates() {
        Method m = parent.methodProperty().get();
        return m == null || m.methodIntegration() == null ? Map.of() : m.methodIntegration().requestTemplates();
    }

    private void load(Method m) {
        Integration i = m == null ? null : m.methodIntegration();
        if (i == null) {
            type.set(IntegrationType.MOCK);
            httpMethod.set(m == null ? "GET" : m.httpMethod());
            uri.set("");
            timeout.set(String.valueOf(Integration.DEFAULT_TIMEOUT_MILLIS));
            passthrough.set(PassthroughBehavior.WHEN_NO_MATCH);
            contentHandling.set(null);
            credentials.set("");
            awsService.set(false);
            mappings.clear();
        } else {
            loading = true;
            try {
                awsService.set(isServiceUri(i.type(), i.uri()));
            } finally {
                loading = false;
            }
            credentials.set(i.credentials() == null ? "" : i.credentials());
            type.set(i.type());
            httpMethod.set(i.httpMethod() == null ? m.httpMethod() : i.httpMethod());
            uri.set(i.uri() == null ? "" : i.uri());
            timeout.set(String.valueOf(i.timeoutInMillis()));
            passthrough.set(i.passthroughBehavior());
            contentHandling.set(i.contentHandling());
            mappings.setAll(i.requestParameters().entrySet().stream().map(e -> new Rows.Mapping(e.getKey(), e.getValue()))
                    .sorted(java.util.Comparator.comparing(Rows.Mapping::key)).toList());
        }
        templates.reload();
        check();
    }

    /** The integration the form describes, or null when the timeout is not a number. */
    private Integration draft() {
        int millis;
        try {
            millis = Integer.parseInt(timeout.get().trim());
        } catch (NumberFormatException e) {
            return null;
        }
        Method m = parent.methodProperty().get();
        Integration base = m == null || m.methodIntegration() == null ? Integration.mock() : m.methodIntegration();
        return Integrations.withSettings(base, type.get(), httpMethod.get(), uri.get() == null ? null : uri.get().trim(),
                millis, passthrough.get(), contentHandling.get(), credentials.get());
    }

    private void check() {
        Method m = parent.methodProperty().get();
        Integration draft = draft();
        String message = "";
        if (draft == null) {
            message = "Timeout must be a number of milliseconds between 50 and 29000";
        } else if (awsService.get() && !awsFields.problemProperty().get().isEmpty()) {
            message = awsFields.problemProperty().get();
        } else {
            try {
                DefinitionValidator.checkIntegration(draft);
            } catch (DefinitionException e) {
                message = e.getMessage();
            }
        }
        problem.set(m == null ? "" : message);
        java.util.Set<String> vars = new java.util.TreeSet<>();
        Matcher matcher = STAGE_VARIABLE.matcher(uri.get() == null ? "" : uri.get());
        while (matcher.find()) vars.add(matcher.group(1));
        stageVariableHint.set(vars.isEmpty() ? "Tip: use ${stageVariables.name} to vary the endpoint per stage"
                : "Uses stage variables: " + String.join(", ", vars));
        Integration stored = m == null ? null : m.methodIntegration();
        boolean d = m != null && (stored == null || draft == null || !sameSettings(stored, draft));
        dirty.set(d);
        parent.workbench().setUnsaved(this, d && stored != null);
    }

    private static boolean sameSettings(Integration a, Integration b) {
        return a.type() == b.type() && Objects.equals(a.httpMethod(), b.httpMethod()) && Objects.equals(a.uri(), b.uri())
                && Objects.equals(a.timeoutInMillis(), b.timeoutInMillis()) && a.passthroughBehavior() == b.passthroughBehavior()
                && a.contentHandling() == b.contentHandling() && Objects.equals(a.credentials(), b.credentials());
    }
}

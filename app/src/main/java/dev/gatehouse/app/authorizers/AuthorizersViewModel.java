package dev.gatehouse.app.authorizers;

import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.invoke.AuthorizerTestRequest;
import dev.gatehouse.engine.invoke.AuthorizerTestResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Authorizer;
import dev.gatehouse.engine.model.AuthorizerType;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
 * The Authorizers page of the selected API: the list (with the methods that use each), an editor for Lambda TOKEN /
 * REQUEST authorizers (function from the workspace's {@code functions/}, identity sources, validation expression, TTL)
 * and Cognito authorizers (user pool, token header), delete (refused, naming the methods, while methods use it, as
 * AWS refuses it), the "Test authorizer" panel (AWS TestInvokeAuthorizer) and the token minter (a JWT signed with the
 * workspace key; "Use in test panel" sets {@code Authorization: <token>} in this panel and the method test panel).
 * Saving is one undoable edit. FX thread only; engine work runs on the task runner.
 */
public final class AuthorizersViewModel {

    static final String REGION_ACCOUNT = "us-east-1:123456789012";
    private static final Pattern FUNCTION = Pattern.compile(":function:([A-Za-z0-9_-]+)");

    /** One authorizer of the list; {@code usedBy} names its methods ("GET /pets"). */
    public record Row(String id, String name, AuthorizerType type, String detail, List<String> usedBy) {
        public String typeText() {
            return type == AuthorizerType.COGNITO_USER_POOLS ? "Cognito" : "Lambda " + type;
        }
    }

    private final Workbench workbench;
    private final TaskRunner runner;
    private final Consumer<String> useInMethodTestPanel;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<String> functionChoices = FXCollections.observableArrayList();
    private final ObservableList<String> poolChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    // editor
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<AuthorizerType> type = new SimpleObjectProperty<>(this, "type", AuthorizerType.TOKEN);
    private final StringProperty function = new SimpleStringProperty(this, "function", "");
    private final StringProperty identitySource = new SimpleStringProperty(this, "identitySource", "method.request.header.Authorization");
    private final StringProperty validationExpression = new SimpleStringProperty(this, "validationExpression", "");
    private final StringProperty ttl = new SimpleStringProperty(this, "ttl", "300");
    private final StringProperty userPool = new SimpleStringProperty(this, "userPool", "");
    private String editingId;

    // test panel
    private final StringProperty testHeaders = new SimpleStringProperty(this, "testHeaders", "");
    private final StringProperty testQuery = new SimpleStringProperty(this, "testQuery", "");
    private final StringProperty testStageVariables = new SimpleStringProperty(this, "testStageVariables", "");
    private final ReadOnlyStringWrapper testStatus = new ReadOnlyStringWrapper(this, "testStatus", "");
    private final ReadOnlyStringWrapper testPrincipal = new ReadOnlyStringWrapper(this, "testPrincipal", "");
    private final ReadOnlyStringWrapper testPolicy = new ReadOnlyStringWrapper(this, "testPolicy", "");
    private final ReadOnlyStringWrapper testClaims = new ReadOnlyStringWrapper(this, "testClaims", "");
    private final ReadOnlyStringWrapper testLog = new ReadOnlyStringWrapper(this, "testLog", "");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");

    // token minter
    private final StringProperty sub = new SimpleStringProperty(this, "sub", "local-user");
    private final StringProperty aud = new SimpleStringProperty(this, "aud", "");
    private final StringProperty scopes = new SimpleStringProperty(this, "scopes", "");
    private final StringProperty groups = new SimpleStringProperty(this, "groups", "");
    private final StringProperty customClaims = new SimpleStringProperty(this, "customClaims", "");
    private final StringProperty expiryMinutes = new SimpleStringProperty(this, "expiryMinutes", "60");
    private final ReadOnlyStringWrapper token = new ReadOnlyStringWrapper(this, "token", "");

    /** @param useInMethodTestPanel receives a minted token for the method test panel's headers */
    public AuthorizersViewModel(Workbench workbench, TaskRunner runner, Consumer<String> useInMethodTestPanel) {
        this.workbench = workbench;
        this.runner = runner;
        this.useInMethodTestPanel = useInMethodTestPanel;
        workbench.selectedApiProperty().addListener((obs, old, api) -> reload(api));
        selected.addListener((obs, old, row) -> load(row));
        reload(workbench.selectedApiProperty().get());
    }

    public ObservableList<Row> rows() { return rows; }
    public ObjectProperty<Row> selectedProperty() { return selected; }
    public ObservableList<String> functionChoices() { return functionChoices; }
    public ObservableList<String> poolChoices() { return poolChoices; }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<AuthorizerType> typeProperty() { return type; }
    public StringProperty functionProperty() { return function; }
    public StringProperty identitySourceProperty() { return identitySource; }
    public StringProperty validationExpressionProperty() { return validationExpression; }
    public StringProperty ttlProperty() { return ttl; }
    public StringProperty userPoolProperty() { return userPool; }
    public StringProperty testHeadersProperty() { return testHeaders; }
    public StringProperty testQueryProperty() { return testQuery; }
    public StringProperty testStageVariablesProperty() { return testStageVariables; }
    public ReadOnlyStringProperty testStatusProperty() { return testStatus.getReadOnlyProperty(); }
    public ReadOnlyStringProperty testPrincipalProperty() { return testPrincipal.getReadOnlyProperty(); }
    public ReadOnlyStringProperty testPolicyProperty() { return testPolicy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty testClaimsProperty() { return testClaims.getReadOnlyProperty(); }
    public ReadOnlyStringProperty testLogProperty() { return testLog.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty testingProperty() { return testing.getReadOnlyProperty(); }
    public StringProperty subProperty() { return sub; }
    public StringProperty audProperty() { return aud; }
    public StringProperty scopesProperty() { return scopes; }
    public StringProperty groupsProperty() { return groups; }
    public StringProperty customClaimsProperty() { return customClaims; }
    public StringProperty expiryMinutesProperty() { return expiryMinutes; }
    public ReadOnlyStringProperty tokenProperty() { return token.getReadOnlyProperty(); }

    /** Clears the editor for a new authorizer of the current type. */
    public void newAuthorizer() {
        selected.set(null);
        editingId = null;
        name.set("");
        function.set(functionChoices.isEmpty() ? "" : functionChoices.getFirst());
        identitySource.set("method.request.header.Authorization");
        validationExpression.set("");
        ttl.set("300");
        userPool.set(poolChoices.isEmpty() ? "" : poolChoices.getFirst());
        problem.set("");
    }

    /** Creates or changes the authorizer in the editor as one undoable edit; a problem is shown instead when invalid. */
    public void save() {
        Authorizer a;
        try {
            a = editorAuthorizer();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        String id = a.id();
        workbench.edit((editingId == null ? "Create" : "Change") + " authorizer " + a.name(), api -> {
            List<Authorizer> all = new ArrayList<>(api.authorizers().stream().filter(x -> !x.id().equals(id)).toList());
            if (all.stream().anyMatch(x -> x.name().equals(a.name()))) {
                throw dev.gatehouse.engine.model.DefinitionException.conflict("Authorizer with name '" + a.name() + "' already exists");
            }
            all.add(a);
            return api.withAuthorizers(all);
        }, api -> {
            editingId = id;
            rows.stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(selected::set);
        });
    }

    /** Deletes the selected authorizer, unless methods use it (then the problem names them, as AWS refuses it). */
    public void delete() {
        Row row = selected.get();
        if (row == null) return;
        if (!row.usedBy().isEmpty()) {
            problem.set("Cannot delete authorizer '" + row.name() + "': it is used by " + String.join(", ", row.usedBy())
                    + ". Choose another authorization for those methods first.");
            return;
        }
        workbench.edit("Delete authorizer " + row.name(),
                api -> api.withAuthorizers(api.authorizers().stream().filter(x -> !x.id().equals(row.id())).toList()),
                api -> newAuthorizer());
    }

    /** Adds the workspace key's user pool to {@code user-pools.json} and picks it for this authorizer. */
    public void trustWorkspaceKey() {
        workbench.session().ifPresent(s -> runner.run(() -> {
            String arn = s.trustWorkspaceKey();
            return new Object[] {arn, s.userPoolArns()};
        }, out -> {
            @SuppressWarnings("unchecked") List<String> arns = (List<String>) out[1];
            String fn = function.get();
            poolChoices.setAll(arns);
            function.set(fn);
            userPool.set((String) out[0]);
        }, e -> problem.set("Cannot update user-pools.json: " + e.getMessage())));
    }

    /** Runs TestInvokeAuthorizer for the selected (saved) authorizer with the panel's headers, query and variables. */
    public void test() {
        Row row = selected.get();
        WorkspaceSession s = workbench.session().orElse(null);
        ApiDefinition api = workbench.selectedApi().orElse(null);
        if (row == null || s == null || api == null) {
            testStatus.set("Save the authorizer, then test it");
            return;
        }
        AuthorizerTestRequest request;
        try {
            String query = testQuery.get().strip();
            request = new AuthorizerTestRequest(lines(testHeaders.get(), ':', "Header"), null,
                    query.isEmpty() ? "/" : "/?" + (query.startsWith("?") ? query.substring(1) : query), null,
                    lines(testStageVariables.get(), '=', "Stage variable"), null);
        } catch (IllegalArgumentException e) {
            testStatus.set(e.getMessage());
            return;
        }
        testing.set(true);
        runner.run(() -> s.testInvokeAuthorizer(api.id(), row.id(), request), this::show, e -> {
            testing.set(false);
            testStatus.set("Test failed: " + e.getMessage());
        });
    }

    private void show(AuthorizerTestResult r) {
        testing.set(false);
        testStatus.set("Response code " + r.clientStatus() + (r.clientStatus() == 200 ? " (allowed)" : " (refused)")
                + " · latency " + r.latency() + " ms");
        testPrincipal.set(r.principalId() == null ? "" : r.principalId());
        testPolicy.set(r.policy() == null ? "" : pretty(r.policy()));
        StringBuilder claims = new StringBuilder();
        if (r.claims() != null) r.claims().forEach((k, v) -> claims.append(k).append(" = ").append(v).append('\n'));
        if (r.authorization() != null) r.authorization().forEach((k, v) -> claims.append("context.").append(k).append(" = ")
                .append(String.join(", ", v)).append('\n'));
        testClaims.set(claims.toString());
        testLog.set(r.log());
    }

    /** Mints a token with the chosen claims and expiry, signed by the workspace key. */
    public void mint() {
        WorkspaceSession s = workbench.session().orElse(null);
        if (s == null) return;
        Map<String, String> claims = new LinkedHashMap<>();
        long minutes;
        try {
            minutes = Long.parseLong(expiryMinutes.get().strip());
            if (minutes < 1 || minutes > 60 * 24 * 30) throw new NumberFormatException();
            claims.putAll(lines(customClaims.get(), '=', "Custom claim"));
        } catch (NumberFormatException e) {
            token.set("");
            problem.set("Expiry must be a whole number of minutes from 1 to 43200");
            return;
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        if (!sub.get().isBlank()) claims.put("sub", sub.get().strip());
        if (!aud.get().isBlank()) claims.put("aud", aud.get().strip());
        if (!groups.get().isBlank()) claims.put("cognito:groups", groups.get().strip());
        List<String> scopeList = List.of(scopes.get().strip().split("\\s+")).stream().filter(x -> !x.isEmpty()).toList();
        problem.set("");
        runner.run(() -> s.mintToken(claims, scopeList, Duration.ofMinutes(minutes)), token::set,
                e -> problem.set("Cannot mint a token: " + e.getMessage()));
    }

    /** Puts {@code Authorization: <token>} into this panel's headers and the method test panel's. */
    public void useInTestPanel() {
        String t = token.get();
        if (t.isEmpty()) return;
        testHeaders.set(withAuthorization(testHeaders.get(), t));
        useInMethodTestPanel.accept(t);
    }

    /** {@code headers} ("Name: value" lines) with its Authorization line replaced by (or added as) one for {@code token}. */
    public static String withAuthorization(String headers, String token) {
        StringBuilder out = new StringBuilder("Authorization: ").append(token);
        for (String line : (headers == null ? "" : headers).split("\n")) {
            if (line.isBlank() || line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("authorization:")) continue;
            out.append('\n').append(line);
        }
        return out.toString();
    }

    private Authorizer editorAuthorizer() {
        String n = name.get().strip();
        if (n.isEmpty()) throw new IllegalArgumentException("Name the authorizer");
        int seconds;
        try {
            seconds = Integer.parseInt(ttl.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Authorizer caching (TTL) must be a whole number of seconds from 0 to 3600");
        }
        if (seconds < 0 || seconds > 3600) {
            throw new IllegalArgumentException("Authorizer caching (TTL) must be a whole number of seconds from 0 to 3600");
        }
        String id = editingId != null ? editingId : Ids.shortId();
        String source = identitySource.get().strip();
        if (type.get() == AuthorizerType.COGNITO_USER_POOLS) {
            if (userPool.get().isBlank()) throw new IllegalArgumentException("Choose a user pool (or use the workspace key)");
            if (source.isEmpty()) source = "method.request.header.Authorization";
            return new Authorizer(id, n, AuthorizerType.COGNITO_USER_POOLS, List.of(userPool.get().strip()), null, null, null,
                    source, null, seconds);
        }
        if (function.get() == null || function.get().isBlank()) throw new IllegalArgumentException("Choose the Lambda function");
        if (type.get() == AuthorizerType.TOKEN && !source.toLowerCase(java.util.Locale.ROOT).startsWith("method.request.header.")) {
            throw new IllegalArgumentException("A TOKEN authorizer reads one header: method.request.header.NAME");
        }
        String expression = validationExpression.get().strip();
        if (!expression.isEmpty()) {
            try {
                Pattern.compile(expression);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("Token validation is not a valid regular expression: " + e.getDescription());
            }
        }
        return new Authorizer(id, n, type.get(), null, null, lambdaUri(function.get().strip()), null, source,
                type.get() == AuthorizerType.TOKEN && !expression.isEmpty() ? expression : null, seconds);
    }

    static String lambdaUri(String functionName) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:" + REGION_ACCOUNT
                + ":function:" + functionName + "/invocations";
    }

    private void reload(ApiDefinition api) {
        Row keep = selected.get();
        List<Row> out = new ArrayList<>();
        if (api != null) {
            for (Authorizer a : api.authorizers()) {
                List<String> used = new ArrayList<>();
                for (Resource r : api.resources()) {
                    for (Method m : r.resourceMethods().values()) {
                        if (a.id().equals(m.authorizerId())) used.add(m.httpMethod() + " " + r.path());
                    }
                }
                String detail = a.type() == AuthorizerType.COGNITO_USER_POOLS
                        ? String.join(", ", a.providerARNs() == null ? List.of() : a.providerARNs())
                        : functionName(a.authorizerUri());
                out.add(new Row(a.id(), a.name(), a.type(), detail, List.copyOf(used)));
            }
        }
        rows.setAll(out);
        if (keep != null) rows.stream().filter(r -> r.id().equals(keep.id())).findFirst().ifPresentOrElse(selected::set, () -> selected.set(null));
        refreshChoices();
    }

    private void refreshChoices() {
        workbench.session().ifPresent(s -> runner.run(() -> {
            List<String> fns = new ArrayList<>();
            try {
                s.functions().list().forEach(f -> fns.add(f.name()));
            } catch (UnsupportedOperationException ignored) {
                // a session without local functions offers none
            }
            return new Object[] {fns, s.userPoolArns()};
        }, out -> {
            @SuppressWarnings("unchecked") List<String> fns = (List<String>) out[0];
            @SuppressWarnings("unchecked") List<String> pools = (List<String>) out[1];
            // replacing a combo box's items clears its value: keep what the editor holds
            String fn = function.get();
            String pool = userPool.get();
            functionChoices.setAll(fns);
            poolChoices.setAll(pools);
            function.set(fn);
            userPool.set(pool);
        }, e -> problem.set("Cannot read functions/ or user-pools.json: " + e.getMessage())));
    }

    private void load(Row row) {
        ApiDefinition api = workbench.selectedApi().orElse(null);
        if (row == null || api == null) return;
        Authorizer a = api.authorizer(row.id()).orElse(null);
        if (a == null) return;
        editingId = a.id();
        name.set(a.name());
        type.set(a.type());
        function.set(functionName(a.authorizerUri()));
        identitySource.set(a.identitySource() == null ? "" : a.identitySource());
        validationExpression.set(a.identityValidationExpression() == null ? "" : a.identityValidationExpression());
        ttl.set(String.valueOf(a.authorizerResultTtlInSeconds() == null ? 300 : a.authorizerResultTtlInSeconds()));
        userPool.set(a.providerARNs() == null || a.providerARNs().isEmpty() ? "" : a.providerARNs().getFirst());
        problem.set("");
        testStatus.set("");
        testPrincipal.set("");
        testPolicy.set("");
        testClaims.set("");
        testLog.set("");
    }

    static String functionName(String uri) {
        if (uri == null) return "";
        Matcher m = FUNCTION.matcher(uri);
        return m.find() ? m.group(1) : uri;
    }

    /** "Name: value" (or "k=v") lines as a map; a line without the separator is an error naming the line. */
    static Map<String, String> lines(String text, char separator, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String line : (text == null ? "" : text).split("\n")) {
            n++;
            if (line.isBlank()) continue;
            int at = line.indexOf(separator);
            if (at <= 0) throw new IllegalArgumentException(what + " line " + n + " must read NAME" + (separator == ':' ? ": " : "=") + "value");
            out.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
        }
        return out;
    }

    private static String pretty(String json) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }
}

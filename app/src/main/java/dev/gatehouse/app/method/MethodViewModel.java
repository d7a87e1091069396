package dev.gatehouse.app.method;

import dev.gatehouse.app.session.Selection;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The method execution view: which method is shown (the workbench's selection), which phase is open, a one-line
 * summary per phase for the pipeline diagram, and the four phase editors' ViewModels. Every change the editors
 * make is one undoable workspace edit on this method ({@link #editMethod}). FX thread only.
 */
public final class MethodViewModel {
    private final Workbench workbench;
    private final ReadOnlyObjectWrapper<Resource> resource = new ReadOnlyObjectWrapper<>(this, "resource");
    private final ReadOnlyObjectWrapper<Method> method = new ReadOnlyObjectWrapper<>(this, "method");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.METHOD_REQUEST);
    private final ReadOnlyObjectWrapper<Map<Phase, String>> summaries = new ReadOnlyObjectWrapper<>(this, "summaries", Map.of());

    private final MethodRequestViewModel methodRequest;
    private final IntegrationRequestViewModel integrationRequest;
    private final IntegrationResponsesViewModel integrationResponses;
    private final MethodResponsesViewModel methodResponses;

    public MethodViewModel(Workbench workbench) {
        this.workbench = workbench;
        workbench.selectionProperty().addListener((obs, old, sel) -> reload());
        workbench.selectedApiProperty().addListener((obs, old, api) -> reload());
        methodRequest = new MethodRequestViewModel(this);
        integrationRequest = new IntegrationRequestViewModel(this);
        integrationResponses = new IntegrationResponsesViewModel(this);
        methodResponses = new MethodResponsesViewModel(this);
        reload();
    }

    public ReadOnlyObjectProperty<Resource> resourceProperty() { return resource.getReadOnlyProperty(); }

    /** The method shown, in its newest stored version; null when no method is selected. */
    public ReadOnlyObjectProperty<Method> methodProperty() { return method.getReadOnlyProperty(); }

    /** "GET /pets/{petId}". */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** The phase whose editor is open. */
    public ObjectProperty<Phase> phaseProperty() { return phase; }

    /** A short description of each phase ("Auth NONE · API key not required", "MOCK", ...). */
    public ReadOnlyObjectProperty<Map<Phase, String>> summariesProperty() { return summaries.getReadOnlyProperty(); }

    public MethodRequestViewModel methodRequest() { return methodRequest; }

    public IntegrationRequestViewModel integrationRequest() { return integrationRequest; }

    public IntegrationResponsesViewModel integrationResponses() { return integrationResponses; }

    public MethodResponsesViewModel methodResponses() { return methodResponses; }

    Workbench workbench() { return workbench; }

    /** The selected API (for model and validator names). */
    ApiDefinition api() { return workbench.selectedApi().orElse(null); }

    // ---- commands --------------------------------------------------------------------------------------------

    public void showPhase(Phase p) { phase.set(p); }

    /** Changes this method as one undoable edit named "{what} {VERB} {path}". */
    void editMethod(String what, UnaryOperator<Method> change) {
        Resource r = resource.get();
        Method m = method.get();
        if (r == null || m == null) return;
        String verb = m.httpMethod();
        workbench.edit(what + " " + verb + " " + r.path(), api -> api.updateResource(r.id(), res -> {
            Method current = res.method(verb);
            if (current == null) throw DefinitionException.notFound("Invalid Method identifier specified");
            return res.withMethod(change.apply(current));
        }));
    }

    /** Changes this method's integration (404 if it has none) as one undoable edit. */
    void editIntegration(String what, UnaryOperator<Integration> change) {
        editMethod(what, m -> {
            if (m.methodIntegration() == null) throw DefinitionException.notFound("No integration defined for method");
            return m.withIntegration(change.apply(m.methodIntegration()));
        });
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void reload() {
        Selection sel = workbench.selectionProperty().get();
        ApiDefinition api = workbench.selectedApi().orElse(null);
        Resource r = sel == null || api == null ? null : api.resource(sel.resourceId()).orElse(null);
        Method m = r == null || !sel.isMethod() ? null : r.method(sel.httpMethod());
        boolean otherMethod = method.get() == null || m == null
                || !method.get().httpMethod().equals(m.httpMethod()) || resource.get() == null || !resource.get().id().equals(r.id());
        resource.set(r);
        method.set(m);
        title.set(m == null ? "" : m.httpMethod() + " " + r.path());
        summaries.set(m == null ? Map.of() : summarise(m));
        if (otherMethod && m != null && m.methodIntegration() == null && phase.get() != Phase.METHOD_REQUEST) {
            phase.set(Phase.INTEGRATION_REQUEST);
        }
    }

    static Map<Phase, String> summarise(Method m) {
        Map<Phase, String> map = new EnumMap<>(Phase.class);
        String auth = "Auth " + m.authorizationType() + (Boolean.TRUE.equals(m.apiKeyRequired()) ? " · API key" : "");
        int params = m.requestParameters().size();
        map.put(Phase.METHOD_REQUEST, auth + (params == 0 ? "" : " · " + params + " param" + (params == 1 ? "" : "s")));
        Integration i = m.methodIntegration();
        if (i == null) {
            map.put(Phase.INTEGRATION_REQUEST, "No integration");
            map.put(Phase.INTEGRATION_RESPONSE, "—");
        } else {
            String target = switch (i.type()) {
                case MOCK -> "MOCK";
                case HTTP, HTTP_PROXY -> i.type() + " " + (i.httpMethod() == null ? "" : i.httpMethod() + " ") + hostOf(i.uri());
                case AWS, AWS_PROXY -> i.type() + " " + (i.uri() == null ? "" : tail(i.uri()));
            };
            map.put(Phase.INTEGRATION_REQUEST, target);
            map.put(Phase.INTEGRATION_RESPONSE, i.isProxy() ? "Proxy: passed through"
                    : i.integrationResponses().size() + " response" + (i.integrationResponses().size() == 1 ? "" : "s"));
        }
        map.put(Phase.METHOD_RESPONSE, m.methodResponses().isEmpty() ? "No status codes"
                : String.join(", ", new java.util.TreeSet<>(m.methodResponses().keySet())));
        return map;
    }

    private static String hostOf(String uri) {
        if (uri == null) return "";
        try {
            String host = java.net.URI.create(uri).getHost();
            return host == null ? uri : host;
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    private static String tail(String text) {
        int slash = text.lastIndexOf('/');
        return slash >= 0 && slash < text.length() - 1 ? text.substring(slash + 1) : text;
    }
}

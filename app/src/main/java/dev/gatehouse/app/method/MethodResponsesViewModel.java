package dev.gatehouse.app.method;

import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.Model;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Method response phase: the status codes the method declares, and for the selected one its headers (with
 * required flags) and response models. FX thread only.
 */
public final class MethodResponsesViewModel {
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d{2}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private final MethodViewModel parent;
    private final ObservableList<String> statusCodes = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Rows.Header> headers = FXCollections.observableArrayList();
    private final ObservableList<Rows.Mapping> models = FXCollections.observableArrayList();
    private final ObservableList<String> modelNames = FXCollections.observableArrayList();
    private String pendingSelection;

    MethodResponsesViewModel(MethodViewModel parent) {
        this.parent = parent;
        parent.methodProperty().addListener((obs, old, m) -> load());
        selected.addListener((obs, old, code) -> loadSelected());
    }

    public ObservableList<String> statusCodes() { return statusCodes; }

    public ObjectProperty<String> selectedProperty() { return selected; }

    public ObservableList<Rows.Header> headers() { return headers; }

    /** Content type → model name, of the selected status code. */
    public ObservableList<Rows.Mapping> models() { return models; }

    public ObservableList<String> modelNames() { return modelNames; }

    // ---- commands --------------------------------------------------------------------------------------------

    public String statusProblem(String status) {
        Method m = parent.methodProperty().get();
        if (m == null) return "No method";
        if (status == null || !STATUS.matcher(status.trim()).matches()) return "Status must be a code from 100 to 599";
        if (m.methodResponses().containsKey(status.trim())) return "Method response " + status.trim() + " exists";
        return null;
    }

    public void addStatus(String status) {
        if (statusProblem(status) != null) return;
        String code = status.trim();
        pendingSelection = code;
        parent.editMethod("Add method response " + code + " to",
                m -> m.withMethodResponses(MethodRequestViewModel.put(m.methodResponses(), code, MethodResponse.of(code))));
    }

    /** Removes the selected status code (AWS refuses while an integration response still maps to it). */
    public void removeSelected() {
        String code = selected.get();
        if (code == null) return;
        parent.editMethod("Remove method response " + code + " from", m -> {
            if (m.methodIntegration() != null && m.methodIntegration().integrationResponses().containsKey(code)) {
                throw DefinitionException.conflict("Cannot delete method response " + code
                        + ": integration response " + code + " uses it; remove that first");
            }
            return m.withMethodResponses(MethodRequestViewModel.remove(m.methodResponses(), code));
        });
    }

    public String headerProblem(String name) {
        if (name == null || !HEADER.matcher(name.trim()).matches()) return "Enter a header name such as Content-Type";
        return selectedResponse().filter(r -> r.responseParameters().containsKey("method.response.header." + name.trim()))
                .map(r -> "Header " + name.trim() + " exists").orElse(null);
    }

    public void addHeader(String name, boolean required) {
        if (headerProblem(name) != null) return;
        String key = "method.response.header." + name.trim();
        editSelected("Add header " + name.trim() + " to method response " + selected.get() + " of",
                r -> new MethodResponse(r.statusCode(), MethodRequestViewModel.put(r.responseParameters(), key, required), r.responseModels()));
    }

    public void setHeaderRequired(Rows.Header row, boolean required) {
        if (row.required() == required) return;
        editSelected((required ? "Require" : "Make optional") + " header " + row.name() + " of",
                r -> new MethodResponse(r.statusCode(), MethodRequestViewModel.put(r.responseParameters(), row.key(), required), r.responseModels()));
    }

    public void removeHeader(Rows.Header row) {
        editSelected("Remove header " + row.name() + " from method response " + selected.get() + " of",
                r -> new MethodResponse(r.statusCode(), MethodRequestViewModel.remove(r.responseParameters(), row.key()), r.responseModels()));
    }

    public void putModel(String contentType, String modelName) {
        if (contentType == null || contentType.isBlank() || modelName == null) return;
        String ct = contentType.trim();
        editSelected("Set response model " + ct + " of method response " + selected.get() + " of",
                r -> new MethodResponse(r.statusCode(), r.responseParameters(), MethodRequestViewModel.put(r.responseModels(), ct, modelName)));
    }

    public void removeModel(Rows.Mapping row) {
        editSelected("Remove response model " + row.key() + " of",
                r -> new MethodResponse(r.statusCode(), r.responseParameters(), MethodRequestViewModel.remove(r.responseModels(), row.key())));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private Optional<MethodResponse> selectedResponse() {
        Method m = parent.methodProperty().get();
        return m == null || selected.get() == null ? Optional.empty() : Optional.ofNullable(m.methodResponses().get(selected.get()));
    }

    private void editSelected(String description, java.util.function.UnaryOperator<MethodResponse> change) {
        String code = selected.get();
        if (code == null) return;
        parent.editMethod(description, m -> {
            MethodResponse r = m.methodResponses().get(code);
            if (r == null) throw DefinitionException.notFound("Invalid Response status code specified");
            Map<String, MethodResponse> map = new LinkedHashMap<>(m.methodResponses());
            map.put(code, change.apply(r));
            return m.withMethodResponses(map);
        });
    }

    private void load() {
        Method m = parent.methodProperty().get();
        modelNames.setAll(parent.api() == null ? List.of() : parent.api().models().stream().map(Model::name).toList());
        statusCodes.setAll(m == null ? List.of() : new java.util.TreeSet<>(m.methodResponses().keySet()));
        String keep = pendingSelection != null && statusCodes.contains(pendingSelection) ? pendingSelection : selected.get();
        pendingSelection = null;
        if (keep == null || !statusCodes.contains(keep)) keep = statusCodes.isEmpty() ? null : statusCodes.getFirst();
        if (Objects.equals(keep, selected.get())) loadSelected();
        else selected.set(keep);
    }

    private void loadSelected() {
        Optional<MethodResponse> r = selectedResponse();
        headers.setAll(r.map(x -> x.responseParameters().entrySet().stream()
                .map(e -> new Rows.Header(e.getKey().replaceFirst("^method\\.response\\.header\\.", ""), Boolean.TRUE.equals(e.getValue())))
                .sorted(Comparator.comparing(Rows.Header::name)).toList()).orElse(List.of()));
        models.setAll(r.map(x -> x.responseModels().entrySet().stream().map(e -> new Rows.Mapping(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Rows.Mapping::key)).toList()).orElse(List.of()));
    }
}

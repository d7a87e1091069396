package dev.gatehouse.app.method;

import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Integration response phase: the integration responses (selection regex → status), and for the selected one
 * its header mappings and response templates. FX thread only.
 */
public final class IntegrationResponsesViewModel {
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d{2}");
    private static final Pattern HEADER_TARGET = Pattern.compile("method\\.response\\.header\\.\\S+");

    private final MethodViewModel parent;
    private final ObservableList<Rows.IntegrationResponseRow> responses = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Rows.Mapping> headerMappings = FXCollections.observableArrayList();
    private final TemplatesModel templates;

    IntegrationResponsesViewModel(MethodViewModel parent) {
        this.parent = parent;
        templates = new TemplatesModel(parent.workbench(), () -> selectedResponse().map(IntegrationResponse::responseTemplates).orElse(Map.of()),
                (map, description) -> editSelected(description, r -> r.withResponseTemplates(map)));
        parent.methodProperty().addListener((obs, old, m) -> load());
        selected.addListener((obs, old, status) -> loadSelected());
    }

    public ObservableList<Rows.IntegrationResponseRow> responses() { return responses; }

    /** The status code of the integration response being edited. */
    public ObjectProperty<String> selectedProperty() { return selected; }

    /** {@code method.response.header.X} → source expression, of the selected response. */
    public ObservableList<Rows.Mapping> headerMappings() { return headerMappings; }

    public TemplatesModel templates() { return templates; }

    /** True when the method's integration is a proxy (responses pass through unmapped). */
    public boolean isProxy() {
        Method m = parent.methodProperty().get();
        return m != null && m.methodIntegration() != null && m.methodIntegration().isProxy();
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Why a response cannot be added, or null when it can. */
    public String responseProblem(String status, String pattern) {
        Method m = parent.methodProperty().get();
        if (m == null || m.methodIntegration() == null) return "The method has no integration";
        if (status == null || !STATUS.matcher(status.trim()).matches()) return "Status must be a code from 100 to 599";
        if (!m.methodResponses().containsKey(status.trim())) return "Add method response " + status.trim() + " first";
        if (m.methodIntegration().integrationResponses().containsKey(status.trim())) return "Integration response " + status.trim() + " exists";
        return patternProblem(pattern);
    }

    /** Why a selection pattern is not a valid regular expression, or null. */
    public String patternProblem(String pattern) {
        if (pattern == null || pattern.isEmpty()) return null;
        try {
            Pattern.compile(pattern);
            return null;
        } catch (PatternSyntaxException e) {
            return "Invalid regular expression: " + e.getDescription();
        }
    }

    public void addResponse(String status, String pattern) {
        if (responseProblem(status, pattern) != null) return;
        String code = status.trim();
        String regex = pattern == null || pattern.isBlank() ? null : pattern;
        pendingSelection = code;
        parent.editIntegration("Add integration response " + code + " to", i -> i.withIntegrationResponses(
                MethodRequestViewModel.put(i.integrationResponses(), code, new IntegrationResponse(code, regex, null, Map.of("application/json", ""), null))));
    }

    /** Changes the selected response's selection regex (empty = default response). */
    public void setSelectionPattern(String pattern) {
        if (patternProblem(pattern) != null) return;
        String regex = pattern == null || pattern.isEmpty() ? null : pattern;
        if (Objects.equals(regex, selectedResponse().map(IntegrationResponse::selectionPattern).orElse(null))) return;
        editSelected("Set selection pattern of integration response " + selected.get() + " of",
                r -> new IntegrationResponse(r.statusCode(), regex, r.responseParameters(), r.responseTemplates(), r.contentHandling()));
    }

    public void removeSelected() {
        String code = selected.get();
        if (code == null) return;
        parent.editIntegration("Remove integration response " + code + " from",
                i -> i.withIntegrationResponses(MethodRequestViewModel.remove(i.integrationResponses(), code)));
    }

    public String headerMappingProblem(String target, String source) {
        if (target == null || !HEADER_TARGET.matcher(target.trim()).matches()) return "Target must look like method.response.header.Name";
        if (source == null || source.isBlank()) return "Enter a source, e.g. integration.response.header.X or 'literal'";
        return null;
    }

    public void putHeaderMapping(String target, String source) {
        if (headerMappingProblem(target, source) != null) return;
        String t = target.trim();
        String s = source.trim();
        editSelected("Map " + t + " of", r -> r.withResponseParameters(MethodRequestViewModel.put(r.responseParameters(), t, s)));
    }

    public void removeHeaderMapping(Rows.Mapping row) {
        editSelected("Remove mapping " + row.key() + " of", r -> r.withResponseParameters(MethodRequestViewModel.remove(r.responseParameters(), row.key())));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private String pendingSelection;

    private java.util.Optional<IntegrationResponse> selectedResponse() {
        Method m = parent.methodProperty().get();
        String code = selected.get();
        if (m == null || m.methodIntegration() == null || code == null) return java.util.Optional.empty();
        return java.util.Optional.ofNullable(m.methodIntegration().integrationResponses().get(code));
    }

    private void editSelected(String description, java.util.function.UnaryOperator<IntegrationResponse> change) {
        String code = selected.get();
        if (code == null) return;
        parent.editIntegration(description, i -> {
            IntegrationResponse r = i.integrationResponses().get(code);
            if (r == null) throw DefinitionException.notFound("Invalid Response status code specified");
            Map<String, IntegrationResponse> map = new LinkedHashMap<>(i.integrationResponses());
            map.put(code, change.apply(r));
            return i.withIntegrationResponses(map);
        });
    }

    private void load() {
        Method m = parent.methodProperty().get();
        Integration i = m == null ? null : m.methodIntegration();
        if (i == null) {
            responses.clear();
            selected.set(null);
            loadSelected();
            return;
        }
        responses.setAll(i.integrationResponses().values().stream()
                .map(r -> new Rows.IntegrationResponseRow(r.statusCode(), r.selectionPattern()))
                .sorted(Comparator.comparing((Rows.IntegrationResponseRow r) -> !isDefault(r)).thenComparing(Rows.IntegrationResponseRow::statusCode))
                .toList());
        String keep = pendingSelection != null && i.integrationResponses().containsKey(pendingSelection) ? pendingSelection : selected.get();
        pendingSelection = null;
        if (keep == null || !i.integrationResponses().containsKey(keep)) keep = responses.isEmpty() ? null : responses.getFirst().statusCode();
        if (Objects.equals(keep, selected.get())) loadSelected();
        else selected.set(keep);
    }

    private static boolean isDefault(Rows.IntegrationResponseRow r) {
        return r.selectionPattern() == null || r.selectionPattern().isEmpty();
    }

    private void loadSelected() {
        headerMappings.setAll(selectedResponse().map(r -> r.responseParameters().entrySet().stream()
                .map(e -> new Rows.Mapping(e.getKey(), e.getValue())).sorted(Comparator.comparing(Rows.Mapping::key)).toList())
                .orElse(java.util.List.of()));
        templates.reload();
    }
}

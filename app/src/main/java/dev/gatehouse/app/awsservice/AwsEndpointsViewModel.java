package dev.gatehouse.app.awsservice;

import dev.gatehouse.app.session.AwsEndpoint;
import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The AWS endpoints page: for every service the workspace's AWS service integrations call (and every service
 * {@code aws.json} overrides), the endpoint the engine will use and where it comes from — the workspace's
 * {@code aws.json}, {@code AWS_ENDPOINT_URL_<SERVICE>} / {@code AWS_ENDPOINT_URL}, the shared config file's
 * {@code services} section, or the default regional endpoint — resolved by the engine itself through
 * {@link EngineTools#awsEndpoints}; and the form that edits the workspace's overrides. A refused URL leaves what was
 * typed in the form with the engine's message under it. FX thread; the files are read and written on the
 * workbench's task runner.
 */
public final class AwsEndpointsViewModel {
    private static final Pattern SERVICE = Pattern.compile("\\*|[a-z0-9][a-z0-9.-]*");

    private final Workbench workbench;
    private final ObservableList<AwsEndpoint> rows = FXCollections.observableArrayList();
    private final StringProperty service = new SimpleStringProperty(this, "service", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Map<String, String> overrides = Map.of();

    public AwsEndpointsViewModel(Workbench workbench) {
        this.workbench = workbench;
        workbench.sessionProperty().addListener((obs, old, s) -> refresh());
        workbench.revisionProperty().addListener((obs, old, r) -> refresh());
        service.addListener((obs, old, v) -> problem.set(""));
        url.addListener((obs, old, v) -> problem.set(""));
    }

    /** One row a service, in name order; {@code *} (every other service) last when the workspace sets it. */
    public ObservableList<AwsEndpoint> rows() { return rows; }

    /** The service of the override being edited ({@code dynamodb}, or {@code *} for every service). */
    public StringProperty serviceProperty() { return service; }

    /** The override's URL as typed. */
    public StringProperty urlProperty() { return url; }

    /** Why the override was not saved, in the engine's words; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** What the last save did ("Saved: dynamodb → http://127.0.0.1:8000 in aws.json"), or empty. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** Puts a row's service and its workspace override (if any) into the form. */
    public void edit(AwsEndpoint row) {
        if (row == null) return;
        service.set(row.service());
        url.set(row.override());
    }

    /** Reads the overrides and resolves every service again (the environment and ~/.aws/config may have changed). */
    public void refresh() {
        WorkspaceSession s = workbench.session().orElse(null);
        if (s == null) {
            rows.clear();
            return;
        }
        Path root = s.root();
        workbench.tasks().run(() -> {
            Map<String, String> regions = new TreeMap<>();
            for (ApiDefinition api : s.apis()) usedServices(api, regions);
            Map<String, String> own;
            try {
                own = EngineTools.awsEndpointOverrides(root);
            } catch (IllegalArgumentException invalid) {
                own = Map.of(); // the rows carry the message
            }
            Set<String> services = new TreeSet<>(regions.keySet());
            services.addAll(own.keySet());
            services.remove("*");
            java.util.List<String> ordered = new java.util.ArrayList<>(services);
            if (own.containsKey("*")) ordered.add("*");
            return new Loaded(own, EngineTools.awsEndpoints(root, regions, ordered));
        }, loaded -> {
            overrides = loaded.overrides();
            rows.setAll(loaded.rows());
        }, e -> status.set("Cannot read the AWS endpoint settings: " + e.getMessage()));
    }

    /** Saves the form's override into the workspace's {@code aws.json}; a refused URL stays in the form. */
    public void save() {
        String svc = service.get() == null ? "" : service.get().strip().toLowerCase(java.util.Locale.ROOT);
        String u = url.get() == null ? "" : url.get().strip();
        if (!SERVICE.matcher(svc).matches()) {
            problem.set("Choose or type the service as written in integration URIs (dynamodb, s3, sqs …), or * for every service");
            return;
        }
        if (u.isEmpty()) {
            problem.set("Enter the endpoint URL, e.g. http://127.0.0.1:8000 (or Remove the override)");
            return;
        }
        Map<String, String> next = new LinkedHashMap<>(overrides);
        next.put(svc, u);
        write(next, "Saved: " + svc + " → " + u + " in aws.json");
    }

    /** Removes the workspace's override of the form's service. */
    public void remove() {
        String svc = service.get() == null ? "" : service.get().strip().toLowerCase(java.util.Locale.ROOT);
        if (!overrides.containsKey(svc)) {
            problem.set("The workspace has no override for \"" + svc + "\"");
            return;
        }
        Map<String, String> next = new LinkedHashMap<>(overrides);
        next.remove(svc);
        write(next, "Removed the override of " + svc + " from aws.json");
    }

    private void write(Map<String, String> next, String done) {
        WorkspaceSession s = workbench.session().orElse(null);
        if (s == null) return;
        Path root = s.root();
        problem.set("");
        workbench.tasks().run(() -> {
            EngineTools.saveAwsEndpointOverrides(root, next);
            return next;
        }, saved -> {
            status.set(done);
            refresh();
        }, e -> problem.set(e.getMessage()));
    }

    /** Services the API's AWS service integrations call, with the region of the first one seen. */
    static void usedServices(ApiDefinition api, Map<String, String> regions) {
        for (Resource r : api.resources()) {
            for (Method m : r.resourceMethods().values()) {
                Integration i = m.methodIntegration();
                if (i == null || i.type() != IntegrationType.AWS || i.uri() == null) continue;
                try {
                    AwsServiceUri f = AwsServiceUri.parse(i.uri());
                    if (!f.isLambdaInvocation()) {
                        regions.putIfAbsent(f.service(), f.region());
                    }
                } catch (IllegalArgumentException notAService) {
                    // shown in the method's editor, not here
                }
            }
        }
    }

    private record Loaded(Map<String, String> overrides, java.util.List<AwsEndpoint> rows) {}
}

package dev.gatehouse.app.playground;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.EngineTools;
import dev.gatehouse.app.session.SampleRequest;
import dev.gatehouse.engine.mapping.MappingException;
import dev.gatehouse.engine.mapping.Playground;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The template playground: the template text, a sample request, and what the engine's {@link Playground}
 * rendered from them. Every change of an input bumps {@link #inputRevisionProperty()}; the view debounces it and
 * calls {@link #render()}, which snapshots the inputs on the FX thread, renders on the injected runner and
 * applies the result only if no newer render was asked for meanwhile (stale results are dropped). FX thread only.
 */
public final class PlaygroundViewModel {
    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** Which payload {@code $input.body} stands for. */
    public enum Kind {
        /** An integration request template: the method request's body. */
        REQUEST("Method request body"),
        /** An integration response template: the backend's response body. */
        RESPONSE("Integration response body");

        private final String bodyLabel;

        Kind(String bodyLabel) {
            this.bodyLabel = bodyLabel;
        }

        public String bodyLabel() {
            return bodyLabel;
        }
    }

    /** A render error and where it is (1-based line and column; 0 when unknown). */
    public record TemplateError(String message, int line, int column) {
        /** The offset of the position in {@code text}, clamped to it; -1 when the position is unknown. */
        public int offsetIn(String text) {
            if (line <= 0) return -1;
            int offset = 0;
            for (int l = 1; l < line && offset >= 0; l++) {
                int nl = text.indexOf('\n', offset);
                if (nl < 0) return text.length();
                offset = nl + 1;
            }
            return Math.min(text.length(), offset + Math.max(0, column - 1));
        }
    }

    /** One value the template could read, e.g. {@code $input.params.path.id = 7}. */
    public record ResolvedValue(String name, String value) {}

    private final LatestTask renders;
    private final EngineTools.TemplateRenderer renderer = EngineTools.templateRenderer();
    private final Kind kind;
    private final StringProperty template = new SimpleStringProperty(this, "template", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final StringProperty pathParameters = new SimpleStringProperty(this, "pathParameters", "");
    private final StringProperty queryString = new SimpleStringProperty(this, "queryString", "");
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    private final StringProperty stageVariables = new SimpleStringProperty(this, "stageVariables", "");
    private final ReadOnlyLongWrapper inputRevision = new ReadOnlyLongWrapper(this, "inputRevision");
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper(this, "output", "");
    private final ReadOnlyObjectWrapper<TemplateError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<ResolvedValue> resolved = FXCollections.observableArrayList();
    private final ObservableList<ResolvedValue> resolvedReadOnly = FXCollections.unmodifiableObservableList(resolved);
    private final String requestId = UUID.randomUUID().toString();

    public PlaygroundViewModel(TaskRunner runner, Kind kind) {
        this.renders = new LatestTask(runner);
        this.kind = kind;
        body.set(kind == Kind.REQUEST ? "{\"name\": \"Rex\", \"type\": \"dog\"}" : "{\"id\": 7, \"name\": \"Rex\"}");
        pathParameters.set("id=7");
        queryString.set("type=dog");
        headers.set("Accept: application/json");
        stageVariables.set("env=dev");
        InvalidationListener changed = obs -> inputRevision.set(inputRevision.get() + 1);
        for (StringProperty p : List.of(template, body, pathParameters, queryString, headers, stageVariables)) p.addListener(changed);
    }

    public Kind kind() { return kind; }

    /** The template being edited; the view binds it to the editor's text. */
    public StringProperty templateProperty() { return template; }

    public StringProperty bodyProperty() { return body; }

    /** {@code name=value} per line. */
    public StringProperty pathParametersProperty() { return pathParameters; }

    /** {@code a=1&b=2}. */
    public StringProperty queryStringProperty() { return queryString; }

    /** {@code Name: value} per line. */
    public StringProperty headersProperty() { return headers; }

    /** {@code name=value} per line. */
    public StringProperty stageVariablesProperty() { return stageVariables; }

    /** Increases on every change of the template or the sample: the view debounces it into {@link #render()}. */
    public ReadOnlyLongProperty inputRevisionProperty() { return inputRevision.getReadOnlyProperty(); }

    /** The newest rendered text; empty while there is an error. */
    public ReadOnlyStringProperty outputProperty() { return output.getReadOnlyProperty(); }

    /** The newest render's error, or null. */
    public ReadOnlyObjectProperty<TemplateError> errorProperty() { return error.getReadOnlyProperty(); }

    /** "Rendered in 1.2 ms", "Rendering…", or the sample's problem. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** {@code $input}, {@code $context} and {@code $stageVariables} as the template saw them, flattened. */
    public ObservableList<ResolvedValue> resolved() { return resolvedReadOnly; }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Renders the current template against the current sample; only the newest render's result is shown. */
    public void render() {
        String text = template.get() == null ? "" : template.get();
        SampleRequest sample = new SampleRequest(body.get(), pathParameters.get(), queryString.get(), headers.get(), stageVariables.get());
        Map<String, Object> context = context();
        status.set("Rendering…");
        renders.run(BackgroundTask.of(() -> renderer.render(text, sample, context)).onSuccess(this::apply).onFailure(failure -> {
            output.set("");
            if (failure instanceof IllegalArgumentException malformed) {
                error.set(null); // the sample, not the template: "Header line 2 must read name: value"
                status.set(malformed.getMessage());
            } else {
                error.set(new TemplateError(String.valueOf(failure.getMessage()), 0, 0));
                status.set("Render failed");
            }
        }));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void apply(Playground.Result result) {
        MappingException e = result.error();
        if (e == null) {
            output.set(result.output() == null ? "" : result.output());
            error.set(null);
            status.set(String.format(Locale.ROOT, "Rendered in %.1f ms", result.renderNanos() / 1e6));
        } else {
            output.set("");
            // the product's words, position first ("line 2, column 5: unexpected …"), never the parser's internals
            error.set(new TemplateError(dev.gatehouse.app.session.TemplateProblem.of(e).message(), e.line(), e.column()));
            status.set(e.line() > 0 ? "Error at line " + e.line() + ", column " + e.column() : "Error");
        }
        List<ResolvedValue> rows = new ArrayList<>();
        flatten("$input", result.input(), rows);
        flatten("$context", result.context(), rows);
        flatten("$stageVariables", result.stageVariables(), rows);
        resolved.setAll(rows);
    }

    private static void flatten(String prefix, Object value, List<ResolvedValue> rows) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) rows.add(new ResolvedValue(prefix, "{}"));
            map.forEach((k, v) -> flatten(prefix + "." + k, v, rows));
        } else {
            rows.add(new ResolvedValue(prefix, value == null ? "" : String.valueOf(value)));
        }
    }

    /** A {@code $context} like a test invoke's: fixed request id, the time of this render. */
    private Map<String, Object> context() {
        Instant now = Instant.now();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("requestId", requestId);
        values.put("extendedRequestId", requestId);
        values.put("accountId", "123456789012");
        values.put("apiId", "playground");
        values.put("stage", "test-invoke-stage");
        values.put("httpMethod", "POST");
        values.put("resourcePath", "/");
        values.put("path", "/");
        values.put("protocol", "HTTP/1.1");
        values.put("requestTime", CLF.format(now));
        values.put("requestTimeEpoch", now.toEpochMilli());
        values.put("identity.sourceIp", "127.0.0.1");
        values.put("identity.userAgent", "Gatehouse playground");
        return values;
    }
}

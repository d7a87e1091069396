package dev.gatehouse.engine.validation;

import dev.gatehouse.engine.mapping.MappingRequest;
import dev.gatehouse.engine.mapping.TemplateSelector;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.RequestValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request validation of one method, compiled at deploy time from the method, its request validator and the
 * API's models. {@link #validate} runs per request on any thread (immutable): required parameters first
 * ({@code method.request.{path|querystring|header|multivaluequerystring|multivalueheader}.NAME: true}; a missing
 * or blank value counts as missing; reported in AWS's order, see {@link #compile}), then the body against the model the method
 * declares for the request's Content-Type (MIME type only; absent → application/json; no model for the type →
 * the {@code $default} model if any, else the body is not checked).
 */
public final class RequestValidation {

    /** Validation that accepts everything (no validator on the method). */
    public static final RequestValidation NONE = new RequestValidation(List.of(), Map.of());

    private record Required(String location, String name, String declared) {}

    private final List<Required> required;
    private final Map<String, ModelSchema> bodyModels;

    private RequestValidation(List<Required> required, Map<String, ModelSchema> bodyModels) {
        this.required = List.copyOf(required);
        this.bodyModels = Map.copyOf(bodyModels);
    }

    /**
     * Compiles the checks {@code validator} asks for on {@code method}.
     *
     * @param validator null → {@link #NONE}
     * @throws ModelSchemaException when the method names a model the API does not have
     */
    public static RequestValidation compile(Method method, RequestValidator validator, ModelSchemas models) {
        if (validator == null) return NONE;
        List<Required> required = new ArrayList<>();
        if (validator.validateRequestParameters()) {
            // AWS's order: sorted by the declared key, so headers, then path, then query string, each by name. Source:
            // LocalStack's AWS-validated snapshot test_apigateway_common.snapshot.json
            // "missing-all-required-request-params-post" (recorded 2024-01-10): "[x-header-param, issuer, qs1]".
            // A required path parameter the resource path lacks ({issuer} there) is never present, so it is listed.
            new java.util.TreeMap<>(method.requestParameters()).forEach((key, isRequired) -> {
                if (!Boolean.TRUE.equals(isRequired) || !key.startsWith("method.request.")) return;
                String rest = key.substring("method.request.".length());
                int dot = rest.indexOf('.');
                if (dot <= 0) return;
                required.add(new Required(rest.substring(0, dot), rest.substring(dot + 1), key));
            });
        }
        Map<String, ModelSchema> bodyModels = new LinkedHashMap<>();
        if (validator.validateRequestBody()) {
            method.requestModels().forEach((contentType, modelName) -> {
                if (modelName == null) return;
                ModelSchema schema = models.get(modelName).orElseThrow(() ->
                        new ModelSchemaException(modelName, "is used by a method but not defined in the API"));
                bodyModels.put(contentType.toLowerCase(java.util.Locale.ROOT), schema);
            });
        }
        return new RequestValidation(required, bodyModels);
    }

    /** Validates one request; never throws for client input. */
    public ValidationResult validate(MappingRequest request) {
        List<String> missing = new ArrayList<>();
        for (Required r : required) {
            if (isBlank(valueOf(r, request))) missing.add(r.name());
        }
        if (!missing.isEmpty()) return new ValidationResult.MissingParameters(missing);
        if (bodyModels.isEmpty()) return ValidationResult.VALID;
        String mime = TemplateSelector.mimeType(request.header("Content-Type"));
        ModelSchema schema = bodyModels.get(mime);
        if (schema == null) schema = bodyModels.get(TemplateSelector.DEFAULT_KEY);
        if (schema == null) return ValidationResult.VALID;
        List<String> errors = schema.validate(request.body(), request.utf8Body(),
                (tree, convertible) -> request.offerValidatedJson(tree, convertible)); // one parse for both
        return errors.isEmpty() ? ValidationResult.VALID : new ValidationResult.InvalidBody(schema.name(), errors);
    }

    private static String valueOf(Required r, MappingRequest request) {
        return switch (r.location()) {
            case "path" -> request.pathParameters().get(r.name());
            case "querystring" -> request.queryParameter(r.name());
            case "header" -> request.header(r.name());
            case "multivaluequerystring" -> firstNonBlank(request.queryValues(r.name()));
            case "multivalueheader" -> firstNonBlank(request.headerValues(r.name()));
            default -> "present"; // unknown locations are not AWS's to check
        };
    }

    private static String firstNonBlank(List<String> values) {
        for (String v : values) if (!isBlank(v)) return v;
        return null;
    }

    private static boolean isBlank(String v) {
        return v == null || v.isBlank();
    }

    /** True when this validation checks nothing. */
    public boolean isEmpty() {
        return required.isEmpty() && bodyModels.isEmpty();
    }

    @Override
    public String toString() {
        return "RequestValidation{required=" + required.stream().map(Required::declared).toList()
                + ", models=" + bodyModels.keySet() + "}";
    }
}

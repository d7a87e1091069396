package dev.gatehouse.engine.validation;

import dev.gatehouse.engine.pipeline.MethodFilterFactory;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.RequestValidator;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.pipeline.Filter;
import java.util.List;

/**
 * The validation filter of a method, when it has a request validator. An API's models are compiled once per
 * definition (a deployment compiles all its methods from one definition object, so the last one is kept).
 */
public final class ValidationFilters implements MethodFilterFactory {

    /** The last definition's compiled models: a deployment compiles all its methods from one definition. */
    private record Last(ApiDefinition api, ModelSchemas schemas) {}

    private volatile Last last;

    @Override public List<Filter> filtersFor(ApiDefinition api, Resource resource, Method method) {
        if (method.requestValidatorId() == null) return List.of();
        RequestValidator validator = api.requestValidator(method.requestValidatorId()).orElseThrow(
                () -> DefinitionException.badRequest("Invalid Request Validator identifier specified"));
        Last cached = last;
        if (cached == null || cached.api() != api) {
            cached = new Last(api, ModelSchemas.compile(api.id(), api.models()));
            last = cached;
        }
        ModelSchemas models = cached.schemas();
        RequestValidation validation = RequestValidation.compile(method, validator, models);
        return validation.isEmpty() ? List.of() : List.of(new ValidationFilter(validation));
    }
}

package dev.gatehouse.engine.pipeline;

import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.pipeline.Filter;
import java.util.List;

/**
 * Builds the filters one method runs once routed to (validation, request mapping, the terminal integration), in
 * order, outermost first. Called by {@link DeploymentCompiler} at deploy time, never on the request path; may
 * throw {@link dev.gatehouse.engine.model.DefinitionException} when the method cannot be compiled (the deploy then
 * fails with that message and nothing is swapped).
 */
@FunctionalInterface
public interface MethodFilterFactory {

    List<Filter> filtersFor(ApiDefinition api, Resource resource, Method method);
}

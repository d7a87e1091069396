/**
 * Routing: the compiled {@link dev.gatehouse.engine.routing.RouteTable} (literal &gt; {param} &gt; {proxy+},
 * explicit method &gt; ANY), invoke-URL addressing ({@link dev.gatehouse.engine.routing.InvokeAddress}, custom
 * domains through {@link dev.gatehouse.engine.routing.DomainResolver}), the runtime plan types the deploy step
 * builds ({@link dev.gatehouse.engine.routing.RuntimePlan} → {@link dev.gatehouse.engine.routing.ApiPlan} →
 * {@link dev.gatehouse.engine.routing.StagePlan} → {@link dev.gatehouse.engine.routing.MethodPlan}) and the
 * {@link dev.gatehouse.engine.routing.RoutingFilter} that dispatches a request into its method's filters.
 */
package dev.gatehouse.engine.routing;

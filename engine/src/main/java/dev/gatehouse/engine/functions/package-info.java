/**
 * Local Lambda-compatible functions (DESIGN.md "Local functions"): {@code functions/NAME/function.json} plus
 * code in the workspace ({@link dev.gatehouse.engine.functions.FunctionStore}), the Lambda Runtime API served on
 * loopback to worker processes on a Vert.x HTTP server ({@link dev.gatehouse.engine.functions.RuntimeApiEndpoint}), warm worker pools that
 * grow, shrink, time out, replace crashed workers and recycle on code change
 * ({@link dev.gatehouse.engine.functions.WorkerPool}), and the facade {@link dev.gatehouse.engine.functions.LocalFunctions}
 * that invokes a function by name as Lambda's Invoke API does.
 */
package dev.gatehouse.engine.functions;

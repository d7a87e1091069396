/**
 * Deploy: definitions → compiled runtime plans. A deployment (an immutable {@link
 * dev.gatehouse.engine.model.DeploymentSnapshot}) compiles once into a route table of method plans
 * ({@link dev.gatehouse.engine.deploy.DeploymentCompiler}); a stage adds its variables and canary
 * ({@link dev.gatehouse.engine.deploy.PlanBuilder}); the server swaps the whole {@link
 * dev.gatehouse.engine.routing.RuntimePlan} atomically. Nothing here runs on the request path.
 */
package dev.gatehouse.engine.deploy;

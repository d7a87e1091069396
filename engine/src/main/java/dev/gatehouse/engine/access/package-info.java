/**
 * Access control on the request path: API keys, authorizers, IAM and (later) usage plans, throttles and resource
 * policies. Until each feature exists, its filter fails closed: a method that requires a check the engine cannot
 * run refuses every call, as AWS does for a caller that is not allowed ({@link dev.gatehouse.engine.access.FailClosedAccess}).
 */
package dev.gatehouse.engine.access;

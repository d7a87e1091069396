/**
 * Observation through the pipeline's paired events: {@link dev.gatehouse.engine.observe.ExecutionLog} renders a
 * request's events in API Gateway's test-invoke log format. Metrics, access logs and the request-log store are
 * further listeners.
 */
package dev.gatehouse.engine.observe;

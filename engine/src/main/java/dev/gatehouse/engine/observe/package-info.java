/**
 * Observation of served requests and administrative actions.
 *
 * <p>Requests: {@link dev.gatehouse.engine.observe.ObservingListener} (on request threads) turns each request's
 * paired events into one {@link dev.gatehouse.engine.observe.RequestRecord} on a bounded
 * {@link dev.gatehouse.engine.observe.ObserveQueue} (full: dropped and counted, never blocking), the execution log
 * as its captured events ({@code ExecutionTrace}), not text; the
 * {@link dev.gatehouse.engine.observe.ObserveWriter} thread batches them, one SQLite transaction per 100 ms, into
 * AWS's metrics ({@link dev.gatehouse.engine.observe.MetricsStore}: 1 s for an hour, 1 min for a week; Micrometer
 * meters for {@code /metrics}), the request log ({@link dev.gatehouse.engine.observe.RequestLogStore}) and
 * access-log files ({@link dev.gatehouse.engine.observe.AccessLogFormat}), the execution logs kept as their events
 * ({@code StoredTrace}) and written as text when read ({@link dev.gatehouse.engine.observe.ExecutionLog#replay}).
 * The stage's {@code methodSettings} and
 * {@code accessLogSettings} decide what is kept. {@link dev.gatehouse.engine.observe.Observability} is the facade.
 *
 * <p>Administrative actions: {@link dev.gatehouse.engine.observe.AuditTrail} (append-only JSON lines) with
 * {@link dev.gatehouse.engine.observe.AuditActor} naming who. {@link dev.gatehouse.engine.observe.ExecutionLog}
 * renders a request's events in API Gateway's test-invoke log format; {@link dev.gatehouse.engine.observe.ConsoleTraces}
 * keeps those of requests the console marks.
 */
package dev.gatehouse.engine.observe;

/**
 * The request pipeline contract: {@link dev.gatehouse.engine.pipeline.Filter} (one method, OkHttp style), the
 * contract-checking {@link dev.gatehouse.engine.pipeline.FilterChain}, the plain request/response values,
 * typed per-request state ({@link dev.gatehouse.engine.pipeline.RequestContext},
 * {@link dev.gatehouse.engine.pipeline.ContextKey}) and the paired
 * {@link dev.gatehouse.engine.pipeline.GatewayEventListener} events. No transport types appear here.
 */
package dev.gatehouse.engine.pipeline;

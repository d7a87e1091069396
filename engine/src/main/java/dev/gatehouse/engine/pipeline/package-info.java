/**
 * The request pipeline contract: {@link dev.gatehouse.engine.pipeline.Filter} (one method, OkHttp style), the
 * contract-checking {@link dev.gatehouse.engine.pipeline.FilterChain}, the plain request/response values,
 * typed per-request state ({@link dev.gatehouse.engine.pipeline.RequestContext},
 * {@link dev.gatehouse.engine.pipeline.ContextKey}) and the paired
 * {@link dev.gatehouse.engine.pipeline.GatewayEventListener} events. No transport types appear here.
 *
 * <p>{@link dev.gatehouse.engine.pipeline.RequestPipeline} is the one place the order of all filters is written,
 * outer and per method; the feature packages implement the contract and it puts them in their slots.
 */
package dev.gatehouse.engine.pipeline;

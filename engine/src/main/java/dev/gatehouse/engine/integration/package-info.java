/**
 * Integrations: the terminal filters {@link dev.gatehouse.engine.integration.MockIntegration},
 * {@link dev.gatehouse.engine.integration.HttpIntegration} and
 * {@link dev.gatehouse.engine.integration.HttpProxyIntegration}; the {@link dev.gatehouse.engine.integration.HttpBackend}
 * seam (plain types; {@link dev.gatehouse.engine.integration.LoopHttpBackend} runs the exchange on the inbound
 * connection's event loop with Netty's HTTP codec, over connections that loop's
 * {@link dev.gatehouse.engine.integration.LoopConnectionPool} keeps) and its failures mapped to AWS's answers
 * ({@link dev.gatehouse.engine.integration.BackendFailure}); URI templates and integration-response selection.
 */
package dev.gatehouse.engine.integration;

/**
 * Integrations: the terminal filters {@link dev.gatehouse.engine.integration.MockIntegration},
 * {@link dev.gatehouse.engine.integration.HttpIntegration} and
 * {@link dev.gatehouse.engine.integration.HttpProxyIntegration}; the {@link dev.gatehouse.engine.integration.HttpBackend}
 * seam (plain types; {@link dev.gatehouse.engine.integration.VertxHttpBackend} runs the exchange on the inbound
 * connection's event loop) and its failures mapped to AWS's answers
 * ({@link dev.gatehouse.engine.integration.BackendFailure}); URI templates and integration-response selection.
 */
package dev.gatehouse.engine.integration;

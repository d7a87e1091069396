/**
 * Gateway responses: the typed {@link dev.gatehouse.engine.errors.GatewayException} (one
 * {@link dev.gatehouse.engine.errors.GatewayResponseType} of AWS's 21), per-API customisations
 * ({@link dev.gatehouse.engine.errors.GatewayResponses}) and the outermost
 * {@link dev.gatehouse.engine.errors.ErrorMappingFilter}, the one place exceptions become wire responses.
 */
package dev.gatehouse.engine.errors;

/**
 * Definitions: immutable records mirroring Amazon API Gateway's REST API resources, with AWS's JSON field names,
 * enum values and defaults, so one serialisation serves workspace files, the control-plane API and the AWS CLI.
 *
 * <p>Records are values: compact constructors fill AWS's defaults and copy collections, {@code with...} methods
 * return changed copies. {@link dev.gatehouse.engine.model.ApiDefinition} is the aggregate stored per API; the
 * {@link dev.gatehouse.engine.model.DefinitionValidator} applies AWS's rules and messages.
 * {@link dev.gatehouse.engine.model.Json} is the one configured Jackson mapper for all of them.
 */
package dev.gatehouse.engine.model;

/**
 * The template playground beside a mapping-template editor: a sample request (body, path, query, headers,
 * stage variables) and the live rendered output of the template being typed, with the {@code $input},
 * {@code $context} and {@code $stageVariables} values it resolved and the position of a render error. Renders
 * on its own background runner, debounced, newest result only (the engine's
 * {@link dev.gatehouse.engine.mapping.Playground}).
 */
package dev.gatehouse.app.playground;

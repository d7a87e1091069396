/**
 * The OPERATE pages of the console (issue 14): the live Dashboard of a stage's metrics, the Logs browser with each
 * request's trace, Replay of a logged request against the draft or a stage with a side-by-side diff, export as JSON
 * lines and HAR 1.2, and the Audit trail. Reaches the engine only through
 * {@link dev.gatehouse.app.session.Observations} and the {@link dev.gatehouse.app.session.WorkspaceSession}.
 */
package dev.gatehouse.app.observe;

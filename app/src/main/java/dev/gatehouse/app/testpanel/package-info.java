/**
 * The test panel beside the method view: a request form (a field per path parameter, query string, headers,
 * body, stage variables), a target (the draft through the engine's test invoke, or a deployed stage over real
 * HTTP), the response with its execution log split into phases, a history of runs, and "Copy as curl".
 */
package dev.gatehouse.app.testpanel;

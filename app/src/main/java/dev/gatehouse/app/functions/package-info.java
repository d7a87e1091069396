/**
 * The Functions page (the workspace's local Lambda functions: list, create from a runtime's template, code,
 * configuration, test with saved events, logs) and the "Lambda function" integration type of Create method.
 * Reaches the functions only through {@link dev.gatehouse.app.session.WorkspaceFunctions}.
 */
package dev.gatehouse.app.functions;

/**
 * Test invoke (AWS TestInvokeMethod, aws-reference §7): runs one method of the draft in-process through the same
 * filters a deployment would compile, and returns status, headers, body, latency and the execution log.
 */
package dev.gatehouse.engine.invoke;

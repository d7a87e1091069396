/**
 * AWS Signature Version 4 verification, shared by the control plane (service {@code apigateway}) and the data
 * plane's AWS_IAM methods (service {@code execute-api}): {@link dev.gatehouse.engine.sigv4.SigV4} recomputes a
 * request's signature from what arrived; callers turn its {@link dev.gatehouse.engine.sigv4.SigV4Exception}s into
 * their own error shapes.
 */
package dev.gatehouse.engine.sigv4;

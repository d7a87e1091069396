/**
 * The AWS-shaped control plane (DESIGN.md "Remote gateways and scale"): Amazon API Gateway's REST API (service
 * {@code apigateway}, rest-json, the routes, members, status codes and error types of botocore's 2015-07-09 model)
 * on its own port, so the AWS CLI, the AWS SDKs and a console pushing definitions manage a Gatehouse engine as they
 * manage AWS. {@link dev.gatehouse.engine.control.ControlPlaneServer} listens (one Vert.x event loop of its own, a
 * virtual thread per request); {@link dev.gatehouse.engine.control.ControlApi} checks the SigV4 signature
 * ({@link dev.gatehouse.engine.control.SigV4Verifier}), routes, and maps failures to AWS's error shape. Every change
 * is an ordinary workspace edit through the {@link dev.gatehouse.engine.Gateway}'s undo history.
 */
package dev.gatehouse.engine.control;

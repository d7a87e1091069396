/**
 * Remote gateways (DESIGN.md "Remote gateways and scale"): named endpoints — another Gatehouse engine's control
 * plane, or Amazon API Gateway in a region — kept in a user-level file outside every workspace
 * ({@link dev.gatehouse.engine.remote.RemoteStore}), and the two ways definitions flow between a workspace and a
 * remote: {@link dev.gatehouse.engine.remote.Pusher} (put-rest-api in overwrite mode, then create-deployment) and
 * {@link dev.gatehouse.engine.remote.Puller} (get-export of a remote stage, imported into the workspace). Both speak
 * to the remote only through the AWS SDK for Java v2 {@code apigateway} client ({@link
 * dev.gatehouse.engine.remote.RemoteClients}), so a Gatehouse engine and AWS are driven by the same calls.
 */
package dev.gatehouse.engine.remote;

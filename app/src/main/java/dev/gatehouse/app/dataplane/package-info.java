/**
 * The local data plane in the console: {@link dev.gatehouse.app.dataplane.DataPlaneViewModel} starts the engine's
 * server when a workspace opens (the preferred port, else any free one) and tells the status bar its state and
 * the invoke URL of the stage in view; {@link dev.gatehouse.app.dataplane.DataPlaneStatusView} shows them.
 */
package dev.gatehouse.app.dataplane;

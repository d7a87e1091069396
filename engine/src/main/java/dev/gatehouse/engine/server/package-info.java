/**
 * The data-plane HTTP listener: {@link dev.gatehouse.engine.server.DataPlaneServer} (Vert.x 5 event loops for
 * socket I/O, a virtual thread per request, body limit and global body budget, graceful shutdown) and
 * {@link dev.gatehouse.engine.server.PlanHolder}, the atomic reference a deploy swaps. Filters never see the
 * Vert.x types used here.
 */
package dev.gatehouse.engine.server;

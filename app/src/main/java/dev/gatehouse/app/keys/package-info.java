/**
 * The API Keys page (ACCESS): keys listed, created (generated or imported), enabled or disabled, shown on demand,
 * deleted; and {@link dev.gatehouse.app.keys.TrafficTasks}, how it and the Usage Plans page reach the session.
 */
package dev.gatehouse.app.keys;

/**
 * The open workspace as the console sees it: {@link dev.gatehouse.app.session.WorkspaceSession} (the engine
 * facade behind an interface), and {@link dev.gatehouse.app.session.Workbench}, the shared state and edit
 * commands every feature ViewModel uses.
 */
package dev.gatehouse.app.session;

/**
 * The workspace store: one folder per workspace, meant for git (pretty JSON, sorted keys, stable ids), holding
 * API definitions, stages, immutable deployments, API keys, usage plans and domain names.
 *
 * <p>{@link dev.gatehouse.engine.workspace.Workspace} opens a folder (reporting, never overwriting, hand-broken
 * files), answers queries from an immutable {@link dev.gatehouse.engine.workspace.WorkspaceState}, and applies
 * {@link dev.gatehouse.engine.workspace.Edit}s — command objects with before/after snapshots that
 * {@link dev.gatehouse.engine.workspace.EditHistory} undoes and redoes. Writes are atomic
 * ({@link dev.gatehouse.engine.workspace.AtomicFiles}), serialised and coordinated per write across processes
 * (several may edit one folder), and
 * announced to {@link dev.gatehouse.engine.workspace.WorkspaceListener}s as
 * {@link dev.gatehouse.engine.workspace.WorkspaceEvent}s — as are changes other processes make on disk, when followed.
 */
package dev.gatehouse.engine.workspace;

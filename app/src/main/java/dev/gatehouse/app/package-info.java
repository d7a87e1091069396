/**
 * The Gatehouse console (JavaFX). {@link dev.gatehouse.app.Console} is the composition root; each feature
 * package holds a View and its ViewModel; ViewModels reach the engine only through
 * {@link dev.gatehouse.app.session.WorkspaceSession} and run engine work on an injected task runner.
 */
package dev.gatehouse.app;

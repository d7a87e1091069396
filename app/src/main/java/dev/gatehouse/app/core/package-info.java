/**
 * Console infrastructure shared by every feature: the background {@link dev.gatehouse.app.core.TaskRunner},
 * the {@link dev.gatehouse.app.core.DialogService} and remembered {@link dev.gatehouse.app.core.ConsolePreferences}.
 */
package dev.gatehouse.app.core;

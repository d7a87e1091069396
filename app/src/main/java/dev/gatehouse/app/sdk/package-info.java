/**
 * Exporting client SDKs and HTML documentation of a deployed stage from the console (File → Export SDK…):
 * {@link dev.gatehouse.app.sdk.SdkExportViewModel} (stage, language or all languages or documentation, package name
 * and version checked as typed with the language's rules, output folder, base URL; the generation on a runner of
 * its own), {@link dev.gatehouse.app.sdk.SdkExportDialog} (progress bar, then a banner with the zip and "Open
 * folder") and {@link dev.gatehouse.app.sdk.SdkExportView} (the menu item). The engine's
 * {@link dev.gatehouse.engine.sdk.SdkGenerator} does the work; {@link dev.gatehouse.app.sdk.FolderOpener} keeps the
 * desktop out of tests.
 */
package dev.gatehouse.app.sdk;

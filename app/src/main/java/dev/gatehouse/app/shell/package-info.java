/**
 * The main window: menus with accelerators, the left navigation with the API selector, the status bar, the
 * welcome screen with recent workspaces, and the theme toggle. Features plug in as pages ({@link dev.gatehouse.app.shell.Page}).
 */
package dev.gatehouse.app.shell;

/**
 * The command palette (Ctrl+K): a searchable popup listing every resource, method and stage of the open
 * workspace; Enter jumps there through the workbench's selection and the shell's pages.
 */
package dev.gatehouse.app.palette;

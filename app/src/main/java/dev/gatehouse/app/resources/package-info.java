/**
 * The Resources page: the API's resource tree (filter, context menus, create/rename/delete resources, add
 * methods; every action an undoable edit) and a resource's summary.
 */
package dev.gatehouse.app.resources;

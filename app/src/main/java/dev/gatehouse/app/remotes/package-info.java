/**
 * The Remotes page (OPERATE): the user's remote gateways (another Gatehouse engine, or Amazon API Gateway in a
 * region) with their credentials kept in the user-level remotes file, Test connection, and Push of the selected API
 * with a preview of the semantic diff, and Pull with the diff before anything is overwritten.
 */
package dev.gatehouse.app.remotes;

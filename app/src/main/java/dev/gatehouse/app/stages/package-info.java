/**
 * The Stages page: an API's stages, their invoke URLs, deployment history with diffs and one-click rollback,
 * stage variables and canary settings. Every stage change is an undoable edit of the workspace's history.
 */
package dev.gatehouse.app.stages;

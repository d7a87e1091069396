/** The Stages page: an API's stages, their deployments and variables (read-only until deploy lands). */
package dev.gatehouse.app.stages;

/** The Models page: an API's models with their JSON Schemas, edited with live JSON checks. */
package dev.gatehouse.app.models;

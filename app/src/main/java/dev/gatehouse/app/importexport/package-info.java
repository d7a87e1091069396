/**
 * OpenAPI import and export: File → Import OpenAPI… (or a .json/.yaml dropped on the window) parses in the
 * background and shows the fidelity report before anything is applied, then applies the document as a new API
 * or into the selected one (overwrite or merge) as one undoable edit; File → Export… writes the selected API as
 * OpenAPI 3.0 or Swagger 2.0, JSON or YAML, with or without the API Gateway extensions.
 */
package dev.gatehouse.app.importexport;

/**
 * OpenAPI import and export, as Amazon API Gateway does them (aws-reference §9, §9.1).
 *
 * <p>{@link dev.gatehouse.engine.openapi.OpenApiImporter} reads Swagger 2.0, OpenAPI 3.0 and 3.1 (JSON or YAML) into
 * a new {@link dev.gatehouse.engine.model.ApiDefinition} or into an existing one (overwrite / merge), maps every
 * {@code x-amazon-apigateway-*} extension, and reports each construct it dropped or changed in a
 * {@link dev.gatehouse.engine.openapi.FidelityReport}; broken input is an
 * {@link dev.gatehouse.engine.openapi.OpenApiImportException} naming the file and location, never a partial result.
 * The document is read as a JSON tree with Jackson (not through a third-party OpenAPI model), so every finding
 * points into the source with a JSON pointer and extensions are read exactly as written.
 *
 * <p>{@link dev.gatehouse.engine.openapi.OpenApiExporter} writes a definition (the draft or a stage) as OpenAPI 3.0
 * or Swagger 2.0 with or without extensions; with all extensions, importing the export gives back an equal
 * definition ({@link dev.gatehouse.engine.openapi.DefinitionNormaliser}).
 *
 * <p>One file per concern: loading ({@code DocumentLoader}, {@code SourceLocator}), references
 * ({@code RefResolver}), paths ({@code ResourceTree}), operations ({@code OperationMapper},
 * {@code MessageMapper}), models ({@code ModelRegistry}, {@code SchemaConverter}), one class per extension
 * (both directions), and the export writers.
 */
package dev.gatehouse.engine.openapi;

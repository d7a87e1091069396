package dev.gatehouse.engine.sdk;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Generated documentation for a stage.
 *
 * @param html    the one-file HTML page ({@code index.html}: operations, models, request and response examples)
 * @param openApi the OpenAPI 3.0 document beside it ({@code openapi.json})
 * @param elapsed wall time of the generation
 */
public record DocsResult(Path html, Path openApi, Duration elapsed) {}

package dev.gatehouse.engine.openapi;

import dev.gatehouse.engine.model.ApiDefinition;

/**
 * A successful import: the complete new definition (to be applied as one edit) and what changed on the way in.
 */
public record ImportResult(ApiDefinition api, FidelityReport report) {
}

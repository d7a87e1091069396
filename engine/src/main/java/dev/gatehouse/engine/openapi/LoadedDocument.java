package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed source document and what is needed to point back into it.
 *
 * @param bytes the UTF-8 text without a BOM, kept to find line/column of a JSON pointer on error
 */
record LoadedDocument(String sourceName, byte[] bytes, boolean yaml, JsonNode root, SpecVersion version) {
}

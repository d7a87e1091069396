package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/** What every part of one import shares: the document, the findings, reference and id resolution, options. */
final class ImportContext {
    final LoadedDocument doc;
    final JsonNode root;
    final SpecVersion version;
    final Findings findings;
    final Shapes shapes;
    final RefResolver refs;
    final IdAllocator ids;
    final ImportOptions options;
    final ModelRegistry models;

    ImportContext(LoadedDocument doc, IdAllocator ids, ImportOptions options) {
        this.doc = doc;
        this.root = doc.root();
        this.version = doc.version();
        this.findings = new Findings();
        this.shapes = new Shapes(findings);
        this.refs = new RefResolver(root, findings);
        this.ids = ids;
        this.options = options;
        this.models = new ModelRegistry(this);
    }

    boolean swagger() {
        return version.isSwagger();
    }
}

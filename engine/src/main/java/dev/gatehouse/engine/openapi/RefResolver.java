package dev.gatehouse.engine.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows local {@code $ref}s ({@code #/...}) inside the document. External references (other files, URLs) are
 * never read: they are reported as unresolved, so an import cannot be made to read {@code file:///etc/passwd}.
 * Chains of references are followed; a loop is an error naming every step.
 */
final class RefResolver {
    /** A node after following references, with the pointer it was found at. */
    record Located(JsonNode node, String pointer) {}

    private final JsonNode root;
    private final Findings findings;

    RefResolver(JsonNode root, Findings findings) {
        this.root = root;
        this.findings = findings;
    }

    static boolean isRef(JsonNode node) {
        return node != null && node.isObject() && node.has("$ref") && node.get("$ref").isTextual();
    }

    /** The node itself when it is no reference; the referenced node otherwise; null (and an ERROR) if unresolved. */
    Located resolve(JsonNode node, String pointer) {
        List<String> chain = new ArrayList<>();
        JsonNode current = node;
        String at = pointer;
        while (isRef(current)) {
            String ref = current.get("$ref").asText();
            if (chain.contains(ref)) {
                chain.add(ref);
                findings.error(Pointers.child(at, "$ref"), "circular $ref: " + String.join(" → ", chain));
                return null;
            }
            chain.add(ref);
            Located target = target(ref, Pointers.child(at, "$ref"));
            if (target == null) return null;
            current = target.node();
            at = target.pointer();
        }
        return new Located(current, at);
    }

    /** One step: the node a reference names, or null with an ERROR at {@code refPointer}. */
    Located target(String ref, String refPointer) {
        if (!ref.startsWith("#")) {
            findings.error(refPointer, "unresolved $ref '" + ref + "': references to other files or URLs are not "
                    + "supported (only #/... inside the document); nothing was read");
            return null;
        }
        String pointer = Pointers.fromRef(ref);
        JsonNode target;
        try {
            target = pointer.isEmpty() ? root : root.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            target = null;
        }
        if (target == null || target.isMissingNode()) {
            findings.error(refPointer, "unresolved $ref '" + ref + "': nothing at " + (pointer.isEmpty() ? "/" : pointer));
            return null;
        }
        return new Located(target, pointer);
    }

    JsonNode root() {
        return root;
    }
}

package dev.gatehouse.engine.model;

/**
 * One thing wrong in a definition, found by {@link DefinitionValidator}.
 *
 * @param pointer JSON pointer into the API definition file, e.g. {@code /resources/3/resourceMethods/GET}
 * @param kind    the AWS error kind an edit causing it would get
 * @param message AWS's message where AWS defines one
 */
public record Problem(String pointer, DefinitionException.Kind kind, String message) {
    @Override public String toString() {
        return pointer + ": " + message;
    }
}

package dev.gatehouse.engine.openapi;

import java.util.Locale;

/** Model names: AWS allows only letters and digits. */
final class Names {
    private Names() {}

    /** Letters and digits only; "Model" if nothing is left. */
    static String alphanumeric(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upperNext = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(upperNext && out.length() > 0 ? Character.toUpperCase(c) : c);
                upperNext = false;
            } else {
                upperNext = true;
            }
        }
        return out.length() == 0 ? "Model" : out.toString();
    }

    /** A base for names derived from an operation: its operationId, else method and path ("GetPetsPetId"). */
    static String operationBase(String httpMethod, String path, String operationId) {
        String base = operationId != null && !operationId.isBlank()
                ? operationId
                : httpMethod.toLowerCase(Locale.ROOT) + "/" + path;
        String clean = alphanumeric(base.replace('{', '/').replace('}', '/'));
        return Character.toUpperCase(clean.charAt(0)) + clean.substring(1);
    }
}

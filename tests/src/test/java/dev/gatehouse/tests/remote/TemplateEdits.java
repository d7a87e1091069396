package dev.gatehouse.tests.remote;

import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import java.util.Map;

/** Edits the push/pull tests (CLI and console) make to a method, so "one changed method" means the same in both. */
public final class TemplateEdits {
    private TemplateEdits() { }

    /** {@code m} with its integration's 200 response answering {@code html} as {@code text/html}, nothing else changed. */
    public static Method withHtml(Method m, String html) {
        Integration i = m.methodIntegration();
        IntegrationResponse ok = i.integrationResponses().get("200");
        IntegrationResponse changed = new IntegrationResponse(ok.statusCode(), ok.selectionPattern(), ok.responseParameters(),
                Map.of("text/html", html), ok.contentHandling());
        return m.withIntegration(i.withIntegrationResponses(Map.of("200", changed)));
    }
}

package dev.gatehouse.app.method;

import dev.gatehouse.engine.model.ContentHandling;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.PassthroughBehavior;

/** Copies of an {@link Integration} with its request settings changed (the record has no withers for these). */
final class Integrations {
    private Integrations() {}

    /** The integration with the settings of the integration request form; everything else is kept. */
    static Integration withSettings(Integration i, IntegrationType type, String httpMethod, String uri, int timeout,
                                    PassthroughBehavior passthrough, ContentHandling contentHandling) {
        boolean http = type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY;
        return new Integration(type, type == IntegrationType.MOCK ? null : httpMethod, type == IntegrationType.MOCK ? null : uri,
                http ? i.connectionType() : null, i.connectionId(), i.credentials(), i.requestParameters(),
                i.requestTemplates(), passthrough, contentHandling, timeout, i.cacheNamespace(), i.cacheKeyParameters(),
                i.integrationResponses(), i.tlsConfig());
    }

    /** As above, with the integration's credentials (execution role) too: kept for AWS types, null for the others. */
    static Integration withSettings(Integration i, IntegrationType type, String httpMethod, String uri, int timeout,
                                    PassthroughBehavior passthrough, ContentHandling contentHandling, String credentials) {
        Integration s = withSettings(i, type, httpMethod, uri, timeout, passthrough, contentHandling);
        boolean aws = type == IntegrationType.AWS || type == IntegrationType.AWS_PROXY;
        String role = aws && credentials != null && !credentials.isBlank() ? credentials.strip() : null;
        return new Integration(s.type(), s.httpMethod(), s.uri(), s.connectionType(), s.connectionId(), role,
                s.requestParameters(), s.requestTemplates(), s.passthroughBehavior(), s.contentHandling(),
                s.timeoutInMillis(), s.cacheNamespace(), s.cacheKeyParameters(), s.integrationResponses(), s.tlsConfig());
    }
}

package dev.gatehouse.engine.routing;

import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.Filter;
import java.util.List;
import java.util.Objects;

/**
 * One compiled method of a deployment: the filters that run once a request is routed to it, the terminal
 * integration filter last (e.g. {@code List.of(validation, requestMapping, new HttpProxyIntegration(...))}).
 *
 * @param resourceId      {@code $context.resourceId}
 * @param resourcePath    the resource template, {@code /pets/{petId}}
 * @param httpMethod      the declared method ({@code GET} or {@code ANY})
 * @param integrationType label for logs and metrics ({@code MOCK}, {@code HTTP}, {@code HTTP_PROXY}, ...)
 * @param filters         the method's filters, outermost first; must end in a filter that does not proceed
 * @param minimumCompressionSize the deployed API's {@code minimumCompressionSize}, or null when it compresses nothing
 */
public record MethodPlan(String resourceId, String resourcePath, String httpMethod, String integrationType,
                         List<Filter> filters, Integer minimumCompressionSize) {

    /** A method of an API that does not compress responses. */
    public MethodPlan(String resourceId, String resourcePath, String httpMethod, String integrationType,
                      List<Filter> filters) {
        this(resourceId, resourcePath, httpMethod, integrationType, filters, null);
    }

    /** What this method's filters wait for when they run {@code request}, together ({@link Filter#waiting}). */
    public Waiting waiting(dev.gatehouse.engine.pipeline.GatewayRequest request,
                           dev.gatehouse.engine.pipeline.RequestContext context) {
        Waiting w = Waiting.NONE;
        for (Filter f : filters) {
            w = w.and(f.waiting(request, context));
            if (w == Waiting.BLOCKING) break;
        }
        return w;
    }

    public MethodPlan {
        Objects.requireNonNull(resourcePath, "resourcePath");
        Objects.requireNonNull(httpMethod, "httpMethod");
        filters = List.copyOf(filters);
        if (filters.isEmpty()) throw new IllegalArgumentException(httpMethod + " " + resourcePath + " has no filters");
    }
}

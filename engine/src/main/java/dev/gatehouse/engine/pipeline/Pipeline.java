package dev.gatehouse.engine.pipeline;

import java.util.List;

/**
 * A {@link RequestHandler} running one ordered filter list, the outermost first, and reporting
 * {@code requestStart}/{@code requestEnd}/{@code requestFailed} (the observe slot). Only {@link RequestPipeline},
 * the one place the order is written, builds one (an architecture test holds it to that).
 */
public final class Pipeline implements RequestHandler {

    private final List<Filter> filters;

    public Pipeline(List<Filter> filters) {
        this.filters = List.copyOf(filters);
        if (this.filters.isEmpty()) throw new IllegalArgumentException("a pipeline needs at least one filter");
    }

    public List<Filter> filters() {
        return filters;
    }

    @Override public GatewayResponse handle(GatewayRequest request, RequestContext context) {
        GatewayEventListener events = context.events();
        events.requestStart(context, request);
        GatewayResponse response;
        try {
            response = FilterChain.run(filters, request, context);
        } catch (RuntimeException | Error e) {
            events.requestFailed(context, e);
            throw e;
        }
        events.requestEnd(context, response);
        return response;
    }

    /** What its filters wait for, together (the routing filter answers for the routed method). */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        Waiting w = Waiting.NONE;
        for (Filter f : filters) {
            w = w.and(f.waiting(request, context));
            if (w == Waiting.BLOCKING) break;
        }
        return w;
    }

    @Override public String toString() {
        return "Pipeline" + filters;
    }
}

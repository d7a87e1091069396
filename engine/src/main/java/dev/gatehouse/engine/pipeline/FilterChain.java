package dev.gatehouse.engine.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * Runs a list of filters, OkHttp {@code RealInterceptorChain} style: each filter gets a fresh chain positioned
 * after it. Checks the {@link Filter} contract and names the culprit ("X called proceed() twice",
 * "X returned null", "X called proceed() but no filter follows") with IllegalStateException, which the
 * outermost error mapping answers as an internal error. Reports filterStart/filterEnd for every filter.
 */
public final class FilterChain implements Filter.Chain {

    private final List<Filter> filters;
    private final int index;
    private final RequestContext context;
    private int calls;

    private FilterChain(List<Filter> filters, int index, RequestContext context) {
        this.filters = filters;
        this.index = index;
        this.context = context;
    }

    /**
     * Runs {@code filters} (already an immutable list, e.g. from {@code List.of}) for one request on the calling
     * thread and returns the first filter's response. Exceptions from filters propagate unchanged.
     */
    public static GatewayResponse run(List<Filter> filters, GatewayRequest request, RequestContext context) {
        Objects.requireNonNull(request, "request");
        if (filters.isEmpty()) throw new IllegalStateException("empty filter list: nothing can answer " + request);
        return new FilterChain(filters, 0, context).invoke(request);
    }

    @Override public GatewayResponse proceed(GatewayRequest request) {
        Filter caller = filters.get(index - 1);
        if (++calls > 1) throw new IllegalStateException(caller + " called proceed() twice");
        if (request == null) throw new IllegalStateException(caller + " called proceed(null)");
        if (index >= filters.size()) {
            throw new IllegalStateException(caller + " called proceed() but no filter follows it");
        }
        return invoke(request);
    }

    private GatewayResponse invoke(GatewayRequest request) {
        Filter filter = filters.get(index);
        FilterChain next = new FilterChain(filters, index + 1, context);
        GatewayEventListener events = context.events();
        events.filterStart(context, filter);
        GatewayResponse response;
        try {
            response = filter.filter(request, next);
        } catch (RuntimeException | Error e) {
            events.filterEnd(context, filter, null, e);
            throw e;
        }
        if (response == null) {
            IllegalStateException e = new IllegalStateException(filter + " returned null");
            events.filterEnd(context, filter, null, e);
            throw e;
        }
        events.filterEnd(context, filter, response, null);
        return response;
    }

    @Override public RequestContext context() {
        return context;
    }
}

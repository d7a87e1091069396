package dev.gatehouse.engine.access;

import dev.gatehouse.engine.errors.ErrorMappingFilter;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.FilterChain;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Runs one access filter between the error mapping (AWS's bodies) and a terminal that records what reached it. */
final class AccessFixtures {

    private AccessFixtures() { }

    /** What a call produced: the wire response and the {@code $context.authorizer} the integration would see. */
    record Outcome(GatewayResponse response, Map<String, String> authorizer, boolean reachedIntegration) {
        int status() {
            return response.status();
        }

        String body() {
            return response.bodyText();
        }
    }

    static Outcome run(Filter filter, GatewayRequest request) {
        return run(filter, request, "127.0.0.1");
    }

    static Outcome run(Filter filter, GatewayRequest request, String sourceIp) {
        AtomicReference<Map<String, String>> authorizer = new AtomicReference<>();
        AtomicReference<Boolean> reached = new AtomicReference<>(false);
        Filter terminal = (req, chain) -> {
            reached.set(true);
            authorizer.set(chain.context().get(ContextKeys.AUTHORIZER));
            return GatewayResponse.of(200, Headers.empty(), "{\"ok\":true}");
        };
        RequestContext ctx = RequestContext.create(GatewayEventListener.NONE);
        ctx.put(ContextKeys.API_ID, "a1b2c3d4e5");
        ctx.put(ContextKeys.STAGE, "prod");
        ctx.put(ContextKeys.SOURCE_IP, sourceIp);
        ctx.put(ContextKeys.RESOURCE_REQUEST_PATH, request.rawPath().substring("/prod".length()));
        GatewayResponse response = FilterChain.run(List.of(ErrorMappingFilter.INSTANCE, filter, terminal), request, ctx);
        return new Outcome(response, authorizer.get(), reached.get());
    }

    static GatewayRequest get(String path, String... headers) {
        return GatewayRequest.of("GET", path, Headers.of(headers), null);
    }
}

package dev.gatehouse.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterChainTest {

    private static final GatewayRequest REQUEST = GatewayRequest.of("GET", "/prod/pets", Headers.empty(), null);

    private static Filter named(String name, Filter body) {
        return new Filter() {
            @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
                return body.filter(request, chain);
            }

            @Override public String toString() {
                return name;
            }
        };
    }

    private static final Filter TERMINAL = named("Terminal", (r, c) -> GatewayResponse.of(200, Headers.empty(), "ok"));

    @Test
    void filtersRunOutermostFirstAndSeeTheResponseOnTheWayBack() {
        List<String> trace = new ArrayList<>();
        Filter outer = (r, c) -> {
            trace.add("outer>");
            GatewayResponse res = c.proceed(r);
            trace.add("<outer");
            return res;
        };
        Filter inner = (r, c) -> {
            trace.add("inner>");
            return c.proceed(r.withPath("/rewritten"));
        };
        Filter terminal = (r, c) -> {
            trace.add("terminal " + r.rawPath());
            return GatewayResponse.of(201, Headers.empty(), "");
        };
        GatewayResponse res = FilterChain.run(List.of(outer, inner, terminal), REQUEST,
                RequestContext.create(GatewayEventListener.NONE));
        assertThat(res.status()).isEqualTo(201);
        assertThat(trace).containsExactly("outer>", "inner>", "terminal /rewritten", "<outer");
    }

    @Test
    void aFilterCanShortCircuitWithoutCallingTheRest() {
        Filter cache = (r, c) -> GatewayResponse.of(203, Headers.empty(), "cached");
        Filter boom = (r, c) -> { throw new AssertionError("must not run"); };
        assertThat(FilterChain.run(List.of(cache, boom), REQUEST, RequestContext.create(null)).status()).isEqualTo(203);
    }

    @Test
    void callingProceedTwiceNamesTheCulprit() {
        Filter twice = named("RetryFilter{attempts=2}", (r, c) -> {
            c.proceed(r);
            return c.proceed(r);
        });
        assertThatThrownBy(() -> FilterChain.run(List.of(twice, TERMINAL), REQUEST, RequestContext.create(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("RetryFilter{attempts=2} called proceed() twice");
    }

    @Test
    void returningNullNamesTheCulprit() {
        Filter nothing = named("MappingTemplateFilter", (r, c) -> null);
        assertThatThrownBy(() -> FilterChain.run(List.of(nothing), REQUEST, RequestContext.create(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("MappingTemplateFilter returned null");
    }

    @Test
    void proceedingPastTheLastFilterNamesTheCulprit() {
        Filter last = named("ValidationFilter", (r, c) -> c.proceed(r));
        assertThatThrownBy(() -> FilterChain.run(List.of(last), REQUEST, RequestContext.create(null)))
                .hasMessage("ValidationFilter called proceed() but no filter follows it");
    }

    @Test
    void everyFilterReportsPairedStartAndEndEventsAndAThrowingListenerIsHarmless() {
        List<String> events = new ArrayList<>();
        GatewayEventListener recorder = new GatewayEventListener() {
            @Override public void filterStart(RequestContext ctx, Filter filter) {
                events.add("start " + filter);
            }

            @Override public void filterEnd(RequestContext ctx, Filter filter, GatewayResponse response, Throwable failure) {
                events.add("end " + filter + " " + (response == null ? failure.getMessage() : response.status()));
            }
        };
        GatewayEventListener broken = new GatewayEventListener() {
            @Override public void filterStart(RequestContext ctx, Filter filter) {
                throw new IllegalStateException("listener bug");
            }
        };
        Filter outer = named("Outer", (r, c) -> c.proceed(r));
        RequestContext ctx = RequestContext.create(GatewayEventListener.composite(List.of(broken, recorder)));
        new Pipeline(List.of(outer, TERMINAL)).handle(REQUEST, ctx);
        assertThat(events).containsExactly("start Outer", "start Terminal", "end Terminal 200", "end Outer 200");
    }

    @Test
    void contextKeysAreTypedAndRequireNamesAMissingKey() {
        RequestContext ctx = RequestContext.create(null);
        ContextKey<Integer> attempts = ContextKey.named("attempts");
        ctx.put(attempts, 3);
        assertThat(ctx.get(attempts)).isEqualTo(3);
        assertThat(ctx.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(ctx.get(ContextKeys.EXTENDED_REQUEST_ID)).hasSize(16).endsWith("=");
        assertThatThrownBy(() -> ctx.require(ContextKeys.STAGE)).hasMessage("stage is not set on this request");
    }

    @Test
    void headersIgnoreCaseButKeepTheClientsCasingAndQueryKeepsAllValues() {
        Headers h = Headers.builder().add("tEsT-HEADeR", "a").add("TEST-header", "b").build();
        assertThat(h.names()).containsExactly("tEsT-HEADeR");
        assertThat(h.all("test-header")).containsExactly("a", "b");
        assertThat(h.last("Test-Header")).isEqualTo("b");
        QueryParams q = QueryParams.parse("name=you&name=me&x=a+b%21&flag");
        assertThat(q.all("name")).containsExactly("you", "me");
        assertThat(q.lastValues()).containsExactly(
                java.util.Map.entry("name", "me"), java.util.Map.entry("x", "a b!"), java.util.Map.entry("flag", ""));
    }
}

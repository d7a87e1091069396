package dev.gatehouse.engine.caching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.Headers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static final GatewayRequest REQUEST = GatewayRequest.of("GET", "/p/a/b", "q=1&q=2&m=a&m=b",
            Headers.builder().add("X-Id", "7").add("tag", "t1").add("tag", "t2").build(), new byte[0]);

    @Test
    void everyKeyParameterKindContributesItsValueLengthPrefixedInDeclaredOrder() {
        CacheKey.Part[] parts = CacheKey.parts(List.of("method.request.path.proxy", "method.request.querystring.q",
                "Method.Request.Header.X-Id", "method.request.multivalueheader.tag",
                "method.request.multivaluequerystring.m", "method.request.body.x"));
        String key = CacheKey.of("GET", "/{proxy+}", parts, REQUEST, Map.of("proxy", "a/b"));
        // written out by hand: NUL before each parameter, "length:value", multi-values joined by \u0001,
        // the query string's last value (AWS's single-valued querystring), nothing for an unknown source
        assertThat(key).isEqualTo("GET /{proxy+}"
                + "\u0000method.request.path.proxy=3:a/b"
                + "\u0000method.request.querystring.q=1:2"
                + "\u0000Method.Request.Header.X-Id=1:7"
                + "\u0000method.request.multivalueheader.tag=5:t1\u0001t2"
                + "\u0000method.request.multivaluequerystring.m=3:a\u0001b"
                + "\u0000method.request.body.x=");
    }

    @Test
    void aMissingValueLeavesOnlyTheParameterNameSoItDiffersFromAnEmptyOne() {
        CacheKey.Part[] parts = CacheKey.parts(List.of("method.request.header.absent"));
        assertThat(CacheKey.of("GET", "/r", parts, REQUEST, Map.of())).isEqualTo("GET /r\u0000method.request.header.absent=");
        GatewayRequest empty = GatewayRequest.of("GET", "/r", null,
                Headers.builder().add("absent", "").build(), new byte[0]);
        assertThat(CacheKey.of("GET", "/r", parts, empty, Map.of())).isEqualTo("GET /r\u0000method.request.header.absent=0:");
    }

    @Test
    void withoutKeyParametersTheKeyIsMethodAndResource() {
        assertThat(CacheKey.of("GET", "/pets", CacheKey.parts(List.of()), REQUEST, Map.of())).isEqualTo("GET /pets");
    }
}

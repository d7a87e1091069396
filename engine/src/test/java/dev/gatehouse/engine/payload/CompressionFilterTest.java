package dev.gatehouse.engine.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.pipeline.FilterChain;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CompressionFilterTest {

    private static GatewayResponse run(int min, String acceptEncoding, String body) {
        Headers h = acceptEncoding == null ? Headers.empty() : Headers.of("Accept-Encoding", acceptEncoding);
        RequestContext ctx = RequestContext.create(null);
        if (min >= 0) ctx.put(CompressionFilter.MINIMUM_COMPRESSION_SIZE, min);
        return FilterChain.run(List.of(CompressionFilter.INSTANCE, (r, c) -> GatewayResponse.of(200, null, body)),
                GatewayRequest.of("GET", "/p", h, null), ctx);
    }

    @Test
    void bodiesAtOrAboveTheMinimumAreGzippedWhenTheClientAcceptsIt() throws Exception {
        GatewayResponse r = run(10, "deflate, gzip;q=0.8", "0123456789abc");
        assertThat(r.headers().first("Content-Encoding")).isEqualTo("gzip");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes())).isEqualTo("0123456789abc");
    }

    @Test
    void smallBodiesRefusedGzipAndMissingAcceptEncodingStayPlain() {
        assertThat(run(100, "gzip", "short").headers().contains("Content-Encoding")).isFalse();
        assertThat(run(0, "gzip;q=0", "body").headers().contains("Content-Encoding")).isFalse();
        assertThat(run(0, null, "body").bodyText()).isEqualTo("body");
    }

    @Test
    void nothingIsCompressedWhenTheRoutedApiSetsNoMinimum() {
        assertThat(run(-1, "gzip", "0123456789abc").headers().contains("Content-Encoding")).isFalse();
    }

    @Test
    void zeroQualityIsARefusalInEverySpelling() {
        assertThat(run(0, "gzip;q=0.000", "body").headers().contains("Content-Encoding")).isFalse();
        assertThat(run(0, "gzip; q=0.", "body").headers().contains("Content-Encoding")).isFalse();
        assertThat(run(0, "gzip;q=0.001", "body").headers().first("Content-Encoding")).isEqualTo("gzip");
    }
}

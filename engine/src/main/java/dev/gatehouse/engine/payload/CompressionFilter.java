package dev.gatehouse.engine.payload;

import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.ContextKey;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * An API's {@code minimumCompressionSize}: gzips a response body of at least that many bytes when the client's
 * {@code Accept-Encoding} allows gzip and the response is not already encoded. It is the outermost filter of the
 * served pipeline, so gateway errors rendered after routing are compressed too; the size comes from the routed
 * method's deployment ({@link #MINIMUM_COMPRESSION_SIZE}, set by routing), and nothing is compressed before a
 * request is routed or when the API does not set it. AWS's request-side decompression is not done here.
 * Stateless singleton.
 */
public final class CompressionFilter implements Filter {

    /** The routed API's {@code minimumCompressionSize} in bytes; absent when compression is off. */
    public static final ContextKey<Integer> MINIMUM_COMPRESSION_SIZE = ContextKey.named("minimumCompressionSize");

    public static final CompressionFilter INSTANCE = new CompressionFilter();

    private CompressionFilter() { }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        GatewayResponse response = chain.proceed(request);
        Integer minimum = chain.context().get(MINIMUM_COMPRESSION_SIZE);
        if (minimum == null || response.body().length < minimum || response.body().length == 0
                || response.headers().contains("Content-Encoding") || !acceptsGzip(request)) {
            return response;
        }
        return new GatewayResponse(response.status(),
                response.headers().toBuilder().set("Content-Encoding", "gzip").build(), gzip(response.body()));
    }

    static boolean acceptsGzip(GatewayRequest request) {
        for (String header : request.headers().all("Accept-Encoding")) {
            for (String token : header.split(",")) {
                String[] parts = token.trim().split(";");
                String coding = parts[0].trim().toLowerCase(Locale.ROOT);
                if (!coding.equals("gzip") && !coding.equals("*")) continue;
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim().replace(" ", "");
                    if (isZeroQuality(p)) refused = true;
                }
                if (!refused) return true;
            }
        }
        return false;
    }

    /** {@code q=0}, {@code q=0.}, {@code q=0.000}: the coding is refused (RFC 9110 §12.4.2). */
    private static boolean isZeroQuality(String parameter) {
        if (!parameter.startsWith("q=0")) return false;
        for (int i = 3; i < parameter.length(); i++) {
            char c = parameter.charAt(i);
            if (!(c == '0' || (c == '.' && i == 3))) return false;
        }
        return true;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 3));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override public String toString() {
        return "CompressionFilter";
    }

    /** Uses only the calling thread ({@link Waiting#NONE}): may run on the event loop itself. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.NONE;
    }
}

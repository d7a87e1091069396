package dev.gatehouse.engine.server;

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
 * {@code Accept-Encoding} allows gzip and the response is not already encoded. The deploy step adds it (right
 * after the error mapping, so gateway errors are compressed too) only for APIs that set the value; AWS's
 * request-side decompression is not done here. Thread-safe.
 */
public final class CompressionFilter implements Filter {

    private final int minimumCompressionSize;

    /** @param minimumCompressionSize 0–10,485,760 bytes, as AWS allows */
    public CompressionFilter(int minimumCompressionSize) {
        if (minimumCompressionSize < 0 || minimumCompressionSize > 10 * 1024 * 1024) {
            throw new IllegalArgumentException("minimumCompressionSize " + minimumCompressionSize);
        }
        this.minimumCompressionSize = minimumCompressionSize;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        GatewayResponse response = chain.proceed(request);
        if (response.body().length < minimumCompressionSize || response.body().length == 0
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
                    if (p.equals("q=0") || p.matches("q=0\\.0*")) refused = true;
                }
                if (!refused) return true;
            }
        }
        return false;
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
        return "CompressionFilter{minimumCompressionSize=" + minimumCompressionSize + "}";
    }
}

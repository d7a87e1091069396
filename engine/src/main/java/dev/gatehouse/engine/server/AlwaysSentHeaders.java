package dev.gatehouse.engine.server;

import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.RequestContext;
import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The headers API Gateway puts on every data-plane response, whatever produced it (an integration, MOCK, a
 * gateway error, or the server's own early rejections and last-resort 500): {@code Date}, {@code x-amzn-RequestId}
 * and {@code x-amz-apigw-id}. Source: every response recorded on real AWS in LocalStack's AWS-validated snapshots
 * carries all three, including gateway errors ({@code test_apigateway_integrations.snapshot.json}
 * {@code header_remapping} "content-length" / "transfer-encoding" 500s) and MOCK
 * ({@code test_apigateway_common.snapshot.json} {@code test_invocation_trace_id}). The server writes every
 * response through {@link #stamp}, so this is the one place they are added. {@code Date} is always the gateway's
 * own (a backend's arrives renamed {@code x-amzn-Remapped-Date}). Event-loop only.
 */
final class AlwaysSentHeaders {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A formatted second, shared by the requests of that second: its text, and the same as the bytes written. */
    private record FormattedSecond(long epochSecond, String text, CharSequence wire) { }

    private static volatile FormattedSecond last = new FormattedSecond(Long.MIN_VALUE, "", "");

    private AlwaysSentHeaders() { }

    // names as Netty's AsciiString: hashed once, and written to the socket as bytes, not character by character
    private static final CharSequence DATE = io.vertx.core.http.HttpHeaders.DATE;
    private static final CharSequence REQUEST_ID = io.vertx.core.http.HttpHeaders.createOptimized("x-amzn-RequestId");
    private static final CharSequence APIGW_ID = io.vertx.core.http.HttpHeaders.createOptimized("x-amz-apigw-id");

    /** Sets {@code Date} and, when the response lacks them, the request's id headers. */
    static void stamp(MultiMap headers, RequestContext ctx) {
        headers.set(DATE, formatted(Instant.now()).wire());
        String requestId = ctx.get(ContextKeys.REQUEST_ID);
        String extended = ctx.get(ContextKeys.EXTENDED_REQUEST_ID);
        if (requestId != null && !headers.contains(REQUEST_ID)) headers.set(REQUEST_ID, requestId);
        if (extended != null && !headers.contains(APIGW_ID)) headers.set(APIGW_ID, extended);
    }

    /** RFC 9110 IMF-fixdate, e.g. {@code Thu, 30 Sep 2021 10:16:40 GMT}. */
    static String httpDate(Instant now) {
        return formatted(now).text();
    }

    /** The second of {@code now}, formatted once for all the requests of that second. */
    private static FormattedSecond formatted(Instant now) {
        FormattedSecond f = last;
        long second = now.getEpochSecond();
        if (f.epochSecond() == second) return f;
        String text = HTTP_DATE.format(now);
        // as an AsciiString, made once a second: written into the buffer as bytes, not char by char
        f = new FormattedSecond(second, text, new AsciiString(text));
        last = f;
        return f;
    }
}

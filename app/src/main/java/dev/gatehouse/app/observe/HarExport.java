package dev.gatehouse.app.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.app.session.Observations.LoggedRequest;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Logged requests as an HTTP Archive, HAR 1.2 (Jan Odvarko's spec, softwareishard.com/blog/har-12-spec): one
 * {@code log} with {@code version} "1.2", {@code creator}, and an {@code entries} item per request with every
 * field the spec requires — {@code startedDateTime} (ISO 8601), {@code time}, {@code request} (method, absolute
 * url, httpVersion, cookies, headers, queryString, postData when there is a body, headersSize, bodySize),
 * {@code response} (status, statusText, httpVersion, cookies, headers, content, redirectURL, headersSize,
 * bodySize), {@code cache} and {@code timings} (send, wait, receive; their sum is {@code time}). Sizes not known
 * are -1, as the spec says. A body that is not UTF-8 text goes in base64 ({@code content.encoding}). Pure.
 */
public final class HarExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One request to export with what is known of its messages. */
    public record Item(LoggedRequest entry, LoggedMessage message) { }

    private HarExport() { }

    /**
     * The archive's JSON text.
     *
     * @param origin the data plane's {@code http://host:port}, for requests whose Host header is not known
     */
    public static String of(List<Item> items, String origin, String creatorVersion) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode log = root.putObject("log");
        log.put("version", "1.2");
        ObjectNode creator = log.putObject("creator");
        creator.put("name", "Gatehouse");
        creator.put("version", creatorVersion);
        ArrayNode entries = log.putArray("entries");
        for (Item item : items) entries.add(entry(item, origin));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode entry(Item item, String origin) {
        LoggedRequest e = item.entry();
        LoggedMessage m = item.message();
        ObjectNode out = JSON.createObjectNode();
        out.put("startedDateTime", Instant.ofEpochMilli(e.epochMillis()).toString());
        out.put("time", e.latencyMs());
        ObjectNode request = out.putObject("request");
        request.put("method", m.method());
        String host = m.requestHeader("Host");
        String base = host != null && m.exact() ? "http://" + host : origin;
        request.put("url", base + m.pathWithQuery());
        request.put("httpVersion", "HTTP/1.1");
        request.set("cookies", cookies(m.requestHeader("Cookie")));
        request.set("headers", headers(m.requestHeaders()));
        ArrayNode query = request.putArray("queryString");
        if (m.query() != null && !m.query().isEmpty()) {
            for (String pair : m.query().split("&")) {
                int eq = pair.indexOf('=');
                ObjectNode q = query.addObject();
                q.put("name", decode(eq < 0 ? pair : pair.substring(0, eq)));
                q.put("value", eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        if (m.requestBody().length > 0) {
            ObjectNode post = request.putObject("postData");
            String type = m.requestHeader("Content-Type");
            post.put("mimeType", type == null ? "application/octet-stream" : type);
            post.putArray("params");
            String text = utf8(m.requestBody());
            post.put("text", text != null ? text : Base64.getEncoder().encodeToString(m.requestBody()));
        }
        request.put("headersSize", -1);
        request.put("bodySize", m.exact() ? m.requestBody().length : -1);
        ObjectNode response = out.putObject("response");
        response.put("status", m.status());
        response.put("statusText", StatusText.of(m.status()));
        response.put("httpVersion", "HTTP/1.1");
        response.set("cookies", setCookies(m.responseHeaders()));
        response.set("headers", headers(m.responseHeaders()));
        ObjectNode content = response.putObject("content");
        content.put("size", m.responseBody().length);
        String type = m.responseHeader("Content-Type");
        content.put("mimeType", type == null ? "x-unknown" : type);
        String text = utf8(m.responseBody());
        if (text != null) {
            content.put("text", text);
        } else {
            content.put("text", Base64.getEncoder().encodeToString(m.responseBody()));
            content.put("encoding", "base64");
        }
        String location = m.responseHeader("Location");
        response.put("redirectURL", location == null ? "" : location);
        response.put("headersSize", -1);
        response.put("bodySize", m.exact() ? m.responseBody().length : -1);
        out.putObject("cache");
        ObjectNode timings = out.putObject("timings");
        timings.put("send", 0);
        timings.put("wait", e.latencyMs());
        timings.put("receive", 0);
        out.put("comment", "requestId " + e.requestId() + ", stage " + e.stage()
                + (m.exact() ? "" : "; headers and bodies from the execution log (credentials masked)"));
        return out;
    }

    private static ArrayNode headers(List<Map.Entry<String, String>> headers) {
        ArrayNode out = JSON.createArrayNode();
        for (Map.Entry<String, String> h : headers) {
            ObjectNode o = out.addObject();
            o.put("name", h.getKey());
            o.put("value", h.getValue());
        }
        return out;
    }

    /** {@code Cookie: a=1; b=2} as HAR cookies. */
    private static ArrayNode cookies(String header) {
        ArrayNode out = JSON.createArrayNode();
        if (header == null) return out;
        for (String c : header.split(";")) {
            int eq = c.indexOf('=');
            if (eq <= 0) continue;
            ObjectNode o = out.addObject();
            o.put("name", c.substring(0, eq).trim());
            o.put("value", c.substring(eq + 1).trim());
        }
        return out;
    }

    /** Each {@code Set-Cookie: name=value; attributes} as a HAR cookie (name and value). */
    private static ArrayNode setCookies(List<Map.Entry<String, String>> headers) {
        ArrayNode out = JSON.createArrayNode();
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equalsIgnoreCase("Set-Cookie")) continue;
            String first = h.getValue().split(";", 2)[0];
            int eq = first.indexOf('=');
            if (eq <= 0) continue;
            ObjectNode o = out.addObject();
            o.put("name", first.substring(0, eq).trim());
            o.put("value", first.substring(eq + 1).trim());
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

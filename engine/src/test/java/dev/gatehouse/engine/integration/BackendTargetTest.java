package dev.gatehouse.engine.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The backend exchange's request target, taken from the parsed URI instead of a second parse by Vert.x. */
class BackendTargetTest {

    @Test
    void hostPortTlsAndTargetAreWhatVertxsOwnAbsoluteUriParsingGives() {
        String[] uris = {"http://h", "http://h/", "http://h:8080/p?q=1", "https://h/p", "https://h:8443", "http://h?x=1",
                "http://[::1]:9/p", "http://127.0.0.1:18081/prod/hello", "http://h/a%20b/c?d=%2F&e=f%20g", "HTTP://H/P",
                "http://user:pw@h:81/p", "http://h/p?", "http://h/p#frag", "http://h//double//slash"};
        for (String u : uris) {
            RequestOptions vertx = new RequestOptions().setAbsoluteURI(u);
            LoopHttpBackend.Target ours = LoopHttpBackend.target(URI.create(u));
            assertEquals(vertx.getHost(), ours.host(), u);
            assertEquals(vertx.getPort(), ours.port(), u);
            assertEquals(vertx.isSsl(), ours.ssl(), u);
            assertEquals(vertx.getURI(), ours.uri(), u);
        }
    }

    @Test
    void aSchemeOtherThanHttpOrHttpsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LoopHttpBackend.target(URI.create("ftp://h/p")));
    }

    @Test
    void aWrappedBodyHasTheSameBytesWithoutCopyingThem() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Buffer wrapped = LoopHttpBackend.wrap(body);
        assertArrayEquals(body, wrapped.getBytes());
        body[0] = '['; // shared, not copied (bodies are never changed in the product; this proves the wrap)
        assertEquals('[', (char) wrapped.getByte(0));
        assertEquals(0, LoopHttpBackend.wrap(new byte[0]).length());
    }
}

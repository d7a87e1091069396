package dev.gatehouse.engine.access;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a JWT authorizer finds the public keys of its issuer, looked up by the token's {@code kid}. Blocking (a URL
 * source may fetch); called on the request's virtual thread. Thread-safe.
 */
@FunctionalInterface
interface JwtKeys {

    /**
     * The keys that may have signed a token with this {@code kid} (all keys when the token names none).
     *
     * @throws IllegalStateException when the keys cannot be had at all (unreachable URL, unreadable file): the
     *                               authorizer is then misconfigured, not the caller unauthorized
     */
    List<JWK> candidates(String kid);

    /** A fixed key set (tests, the workspace's own signing key). */
    static JwtKeys of(Supplier<JWKSet> set) {
        return kid -> select(set.get(), kid);
    }

    /** A JWK set file, read again when it changes. */
    static JwtKeys file(Path file) {
        WatchedFile<JWKSet> watched = new WatchedFile<>(file, f -> {
            try {
                return JWKSet.load(f.toFile());
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("cannot read the JWK set " + f + ": " + e.getMessage(), e);
            }
        }, null);
        return kid -> {
            JWKSet set = watched.get();
            if (set == null) throw new IllegalStateException("the JWK set file " + file + " does not exist");
            return select(set, kid);
        };
    }

    /**
     * A JWKS URL: fetched on first use (5 s timeouts, at most 512 KB), cached (5 minutes) and fetched again, at most
     * once every 30 seconds, when a token names a {@code kid} the cached set lacks (keys rotate), as Nimbus's
     * {@link JWKSourceBuilder} does.
     */
    static JwtKeys url(String url) {
        JWKSource<SecurityContext> source;
        try {
            // Nimbus's default timeouts (500 ms) are too short for a busy machine; a fetch blocks only its virtual thread
            source = JWKSourceBuilder.create(URI.create(url).toURL(),
                    new DefaultResourceRetriever(5_000, 5_000, 512 * 1024)).retrying(false).build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWKS URL: " + url, e);
        }
        return kid -> {
            try {
                return source.get(new JWKSelector(matcher(kid)), null);
            } catch (KeySourceException e) {
                throw new IllegalStateException("cannot fetch the JWK set " + url + ": " + e.getMessage(), e);
            }
        };
    }

    private static List<JWK> select(JWKSet set, String kid) {
        return new JWKSelector(matcher(kid)).select(set);
    }

    private static JWKMatcher matcher(String kid) {
        return kid == null ? new JWKMatcher.Builder().build() : new JWKMatcher.Builder().keyID(kid).build();
    }
}

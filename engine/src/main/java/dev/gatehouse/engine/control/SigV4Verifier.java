package dev.gatehouse.engine.control;

import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.sigv4.SigV4;
import dev.gatehouse.engine.sigv4.SigV4Exception;
import java.time.Clock;
import java.util.List;

/**
 * The control plane's SigV4 check ({@link SigV4}, service {@code apigateway}) over a {@link ControlRequest}. With no
 * keys configured (loopback only, see {@link ControlPlaneOptions}) a well-formed header is enough. Failures are 403
 * {@link ControlException}s with AWS's codes and messages: {@code MissingAuthenticationTokenException},
 * {@code IncompleteSignatureException}, {@code UnrecognizedClientException}, {@code InvalidSignatureException};
 * invalid percent-encoding in the query is a 400. Thread-safe.
 */
public final class SigV4Verifier {

    static final String SERVICE = "apigateway";

    private final AccessKeys keys;
    private final Clock clock;

    public SigV4Verifier(AccessKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Returns the access key id the request was signed with; throws a 403 {@link ControlException} otherwise. */
    public String verify(ControlRequest request) {
        try {
            return SigV4.verify(signed(request), SERVICE, keys::secret, keys.isEmpty(), clock);
        } catch (SigV4Exception e) {
            throw new ControlException(403, e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ControlException.badRequest(e.getMessage());
        }
    }

    /** The canonical request of a control-plane request (tests). */
    static String canonicalRequest(ControlRequest request, List<String> signedHeaders) {
        return SigV4.canonicalRequest(signed(request), signedHeaders);
    }

    static SigV4.SignedRequest signed(ControlRequest request) {
        return new SigV4.SignedRequest() {
            @Override public String method() {
                return request.method();
            }

            @Override public String rawPath() {
                return request.rawPath();
            }

            @Override public String rawQuery() {
                return request.rawQuery();
            }

            @Override public List<String> headerValues(String lowerCaseName) {
                return request.headers().getOrDefault(lowerCaseName, List.of());
            }

            @Override public byte[] body() {
                return request.body();
            }
        };
    }
}

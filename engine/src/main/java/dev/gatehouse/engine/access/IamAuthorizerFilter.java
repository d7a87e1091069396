package dev.gatehouse.engine.access;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.pipeline.RequestContext;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.sigv4.SigV4;
import dev.gatehouse.engine.sigv4.SigV4Exception;
import java.util.List;

/**
 * The authorizer slot of an AWS_IAM method: the request must carry a SigV4 signature for service
 * {@code execute-api} made with one of the access keys configured for the workspace ({@code .gatehouse/credentials},
 * see {@link AccessTrust#iamKeys()}), within AWS's five-minute clock-skew window, over the request exactly as it
 * arrived (method, path, query, the signed headers, the body). Every refusal is a 403 with AWS's message:
 * <ul>
 *   <li>no {@code Authorization} header: {@code {"message":"Missing Authentication Token"}};</li>
 *   <li>a signature that does not match (wrong secret; body, query or a signed header changed): {@code "The request
 *       signature we calculated does not match the signature you provided. … \n\nThe Canonical String for this
 *       request should have been\n'…'\n\nThe String-to-Sign should have been\n'…'\n"}, as execute-api answers;</li>
 *   <li>a stale or future date: {@code "Signature expired: … is now earlier than … (… - 5 min.)"} (or "not yet
 *       current");</li>
 *   <li>an access key that is not configured: {@code "The security token included in the request is invalid."};</li>
 *   <li>a malformed header, or {@code host} not signed: AWS's IncompleteSignature messages.</li>
 * </ul>
 * A configured key stands for a principal whose IAM policy allows {@code execute-api:Invoke} on every method (there
 * are no IAM policies locally); the signing key's id becomes {@code $context.identity.accessKey} and stands for the
 * caller ({@code identity.caller}, {@code identity.user}; {@code identity.accountId} 123456789012). A credentials file that cannot be read refuses every call (500). Thread-safe.
 */
public final class IamAuthorizerFilter implements Filter {

    static final String SERVICE = "execute-api";

    private final AccessTrust trust;
    private final String where;

    public IamAuthorizerFilter(AccessTrust trust, String where) {
        this.trust = trust;
        this.where = where;
    }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        AccessKeys keys;
        try {
            keys = trust.iamKeys();
        } catch (RuntimeException e) {
            throw GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR)
                    .withLogLine("Execution failed due to configuration error: " + e.getMessage());
        }
        try {
            String accessKey = SigV4.verify(signed(request), SERVICE, keys::secret, false, trust.clock());
            chain.context().put(dev.gatehouse.engine.pipeline.ContextKeys.IAM_ACCESS_KEY, accessKey);
        } catch (SigV4Exception e) {
            throw refusal(e);
        } catch (IllegalArgumentException e) {
            throw GatewayException.of(GatewayResponseType.INVALID_SIGNATURE, e.getMessage())
                    .withLogLine("IAM authorization of " + where + " failed: " + e.getMessage());
        }
        return chain.proceed(request);
    }

    private GatewayException refusal(SigV4Exception e) {
        if (e.code().equals("MissingAuthenticationTokenException")) {
            return GatewayException.missingAuthenticationToken()
                    .withLogLine("IAM authorization of " + where + " failed: the request is not signed");
        }
        String message = e.getMessage();
        if (e.canonicalRequest() != null) {
            message += "\n\nThe Canonical String for this request should have been\n'" + e.canonicalRequest()
                    + "'\n\nThe String-to-Sign should have been\n'" + e.stringToSign() + "'\n";
        }
        return GatewayException.of(GatewayResponseType.INVALID_SIGNATURE, message)
                .withLogLine("IAM authorization of " + where + " failed: " + e.code() + ": " + e.getMessage());
    }

    private static SigV4.SignedRequest signed(GatewayRequest request) {
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
                return request.headers().all(lowerCaseName);
            }

            @Override public byte[] body() {
                return request.body();
            }
        };
    }

    @Override public String toString() {
        return "IamAuthorizerFilter{" + where + "}";
    }

    /** Uses only the calling thread ({@link Waiting#NONE}): may run on the event loop itself. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.NONE;
    }
}

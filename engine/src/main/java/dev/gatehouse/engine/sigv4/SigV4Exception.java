package dev.gatehouse.engine.sigv4;

/**
 * A request whose SigV4 signature does not hold, with AWS's error code and message (always answered 403).
 *
 * @see SigV4#verify
 */
public final class SigV4Exception extends RuntimeException {

    private final String code;
    private final String canonicalRequest;
    private final String stringToSign;

    SigV4Exception(String code, String message) {
        this(code, message, null, null);
    }

    SigV4Exception(String code, String message, String canonicalRequest, String stringToSign) {
        super(message, null, false, false);
        this.code = code;
        this.canonicalRequest = canonicalRequest;
        this.stringToSign = stringToSign;
    }

    /**
     * AWS's error type: {@code MissingAuthenticationTokenException}, {@code IncompleteSignatureException},
     * {@code UnrecognizedClientException} or {@code InvalidSignatureException}.
     */
    public String code() {
        return code;
    }

    /** For a signature mismatch: the canonical request the verifier computed (AWS shows it on execute-api); else null. */
    public String canonicalRequest() {
        return canonicalRequest;
    }

    /** For a signature mismatch: the string to sign the verifier computed; else null. */
    public String stringToSign() {
        return stringToSign;
    }
}

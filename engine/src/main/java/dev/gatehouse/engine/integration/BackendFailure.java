package dev.gatehouse.engine.integration;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;

/**
 * Why a backend exchange produced no usable response. Each kind maps to what API Gateway answers
 * ({@link #toGatewayException()}); our reading of AWS, since the reference leaves connection failures open:
 * <ul>
 *   <li>{@code TIMEOUT}: 504 {@code {"message": "Endpoint request timed out"}} (INTEGRATION_TIMEOUT), log
 *       "Execution failed due to a timeout error" [AWS-rec community captures].</li>
 *   <li>{@code CONNECT_FAILED} (refused, unknown host, TLS handshake): 500
 *       {@code {"message": "Internal server error"}} as INTEGRATION_FAILURE, log "Execution failed due to
 *       configuration error: ..." — AWS's knowledge-center article on 500s from unreachable targets shows
 *       exactly this shape.</li>
 *   <li>{@code PROTOCOL_ERROR} (reset mid-exchange, not HTTP): 502 {@code {"message": "Internal server error"}}
 *       as INTEGRATION_FAILURE (a gateway that got an invalid response from upstream).</li>
 *   <li>{@code RESPONSE_TOO_LARGE} (over the payload limit, 10 MB): 502 likewise.</li>
 * </ul>
 */
public final class BackendFailure extends RuntimeException {

    /** The failure classes the gateway distinguishes. */
    public enum Kind { TIMEOUT, CONNECT_FAILED, PROTOCOL_ERROR, RESPONSE_TOO_LARGE }

    private final Kind kind;

    public BackendFailure(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The gateway error this failure becomes on the wire and in the execution log. */
    public GatewayException toGatewayException() {
        return switch (kind) {
            case TIMEOUT -> GatewayException.integrationTimeout();
            case CONNECT_FAILED -> GatewayException.of(GatewayResponseType.INTEGRATION_FAILURE, "Internal server error")
                    .withStatus(500)
                    .withLogLine("Execution failed due to configuration error: " + getMessage());
            case PROTOCOL_ERROR, RESPONSE_TOO_LARGE ->
                    GatewayException.of(GatewayResponseType.INTEGRATION_FAILURE, "Internal server error")
                            .withStatus(502)
                            .withLogLine("Execution failed due to configuration error: " + getMessage());
        };
    }

    @Override public String toString() {
        return "BackendFailure{" + kind + ": " + getMessage() + "}";
    }
}

package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;

/**
 * Turns a {@link MappingException} into the gateway error the client sees, keeping its log line. The log line
 * already carries AWS's "Execution failed due to configuration error: " prefix ({@link MappingException#logLine()}),
 * so it is attached as it is, not passed through {@link GatewayException#configurationError}, which would prefix
 * it a second time.
 */
final class MappingFailures {
    private MappingFailures() {}

    static GatewayException toGateway(MappingException e) {
        return switch (e.kind()) {
            case INVALID_PAYLOAD -> GatewayException.of(GatewayResponseType.BAD_REQUEST_BODY, e.clientMessage())
                    .withLogLine(e.logLine());
            case UNSUPPORTED_MEDIA_TYPE -> GatewayException.of(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
            default -> GatewayException.of(GatewayResponseType.API_CONFIGURATION_ERROR).withLogLine(e.logLine());
        };
    }
}

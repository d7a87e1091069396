package dev.gatehouse.engine.mapping;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;

/** Turns a {@link MappingException} into the gateway error the client sees, keeping its log line. */
final class MappingFailures {
    private MappingFailures() {}

    static GatewayException toGateway(MappingException e) {
        return switch (e.kind()) {
            case INVALID_PAYLOAD -> GatewayException.of(GatewayResponseType.BAD_REQUEST_BODY, e.clientMessage())
                    .withLogLine(e.logLine());
            case UNSUPPORTED_MEDIA_TYPE -> GatewayException.of(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
            default -> GatewayException.configurationError(e.logLine());
        };
    }
}

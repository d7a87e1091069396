package dev.gatehouse.engine.payload;

import static dev.gatehouse.engine.payload.PayloadEncoding.Conversion.BINARY;
import static dev.gatehouse.engine.payload.PayloadEncoding.Conversion.DECODE;
import static dev.gatehouse.engine.payload.PayloadEncoding.Conversion.ENCODE;
import static dev.gatehouse.engine.payload.PayloadEncoding.Conversion.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.model.ContentHandling;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two conversion tables of the AWS developer guide, "Content type conversions in API Gateway", row by row. */
class PayloadEncodingTest {

    private static final BinaryMediaTypes IMAGES = BinaryMediaTypes.of(List.of("image/*", "application/octet-stream"));

    private static ContentHandling handling(String name) {
        return name.equals("-") ? null : ContentHandling.valueOf(name);
    }

    @ParameterizedTest(name = "request {0} / types {1} / {2} -> {3}")
    @CsvSource({
            // Content-Type,        binaryMediaTypes, contentHandling,   conversion
            "application/json,      none,   -,                 TEXT",
            "image/png,             none,   CONVERT_TO_BINARY, DECODE",
            "application/json,      none,   CONVERT_TO_TEXT,   TEXT",
            "text/plain,            images, -,                 TEXT",
            "text/plain,            images, CONVERT_TO_BINARY, DECODE",
            "text/plain,            images, CONVERT_TO_TEXT,   TEXT",
            "image/png,             images, -,                 BINARY",
            "image/png,             images, CONVERT_TO_BINARY, BINARY",
            "image/png,             images, CONVERT_TO_TEXT,   ENCODE",
    })
    void requestPayloadsConvertAsTheAwsTableSays(String contentType, String types, String handling,
                                                 PayloadEncoding.Conversion expected) {
        BinaryMediaTypes t = types.equals("none") ? BinaryMediaTypes.NONE : IMAGES;
        assertThat(PayloadEncoding.forRequest(t, handling(handling), contentType)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "response {0} / Accept {1} / types {2} / {3} -> {4}")
    @CsvSource({
            // integration Content-Type, Accept,        binaryMediaTypes, contentHandling, conversion
            "image/png,        application/json, none,   -,                 TEXT",
            "image/png,        application/json, none,   CONVERT_TO_BINARY, DECODE",
            "image/png,        application/json, none,   CONVERT_TO_TEXT,   TEXT",
            "application/json, application/json, images, -,                 TEXT",
            "application/json, application/json, images, CONVERT_TO_BINARY, DECODE",
            "application/json, application/json, images, CONVERT_TO_TEXT,   TEXT",
            "application/json, image/png,        images, -,                 DECODE",
            "application/json, image/png,        images, CONVERT_TO_BINARY, DECODE",
            "application/json, image/png,        images, CONVERT_TO_TEXT,   TEXT",
            "image/png,        application/json, images, -,                 ENCODE",
            "image/png,        application/json, images, CONVERT_TO_BINARY, BINARY",
            "image/png,        application/json, images, CONVERT_TO_TEXT,   ENCODE",
            "image/png,        image/png,        images, -,                 BINARY",
            "image/png,        image/png,        images, CONVERT_TO_BINARY, BINARY",
            "image/png,        image/png,        images, CONVERT_TO_TEXT,   ENCODE",
    })
    void responsePayloadsConvertAsTheAwsTableSays(String contentType, String accept, String types, String handling,
                                                  PayloadEncoding.Conversion expected) {
        BinaryMediaTypes t = types.equals("none") ? BinaryMediaTypes.NONE : IMAGES;
        assertThat(PayloadEncoding.forResponse(t, handling(handling), contentType, accept)).isEqualTo(expected);
    }

    @Test
    void binaryMediaTypesMatchWildcardsIgnoreParametersAndCaseAndOnlyTheFirstAcceptTypeCounts() {
        assertThat(IMAGES.isBinary("IMAGE/JPEG; q=1")).isTrue();
        assertThat(IMAGES.isBinary("application/octet-stream")).isTrue();
        assertThat(IMAGES.isBinary("application/json")).isFalse();
        assertThat(IMAGES.isBinary(null)).isFalse();
        assertThat(BinaryMediaTypes.of(List.of("*/*")).isBinary("text/plain")).isTrue();
        assertThat(BinaryMediaTypes.of(List.of("image~1png")).isBinary("image/png")).isTrue();
        assertThat(IMAGES.acceptsBinary("image/webp,application/json")).isTrue();
        assertThat(IMAGES.acceptsBinary("application/json,image/webp")).isFalse();
    }

    @Test
    void base64DecodingIgnoresLineBreaksAndRefusesTextThatIsNotBase64WithAConfigurationError() {
        assertThat(PayloadEncoding.decode("aGVs\r\nbG8=", "request body")).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(PayloadEncoding.encode(new byte[] {(byte) 0xff, 0, 1}), StandardCharsets.US_ASCII))
                .isEqualTo("/wAB");
        assertThatThrownBy(() -> PayloadEncoding.decode("not base64!", "response body"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.logLine()).startsWith("Execution failed due to configuration error: Unable to base64-decode the response body");
                });
    }
}

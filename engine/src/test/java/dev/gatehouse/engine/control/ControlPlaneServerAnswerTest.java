package dev.gatehouse.engine.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ControlPlaneServerAnswerTest {

    @Test
    void anErrorThrownByAHandlerStillAnswersTheClientWithAwsInternalServerError() {
        ControlResponse r = ControlPlaneServer.answer(() -> {
            throw new NoClassDefFoundError("dev/gatehouse/engine/sdk/SdkOptions");
        });
        // AWS's shape for a service-side failure: 500, x-amzn-ErrorType InternalServerErrorException, {"message": ...}
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("x-amzn-ErrorType"))
                .map(java.util.Map.Entry::getValue)).containsExactly("InternalServerErrorException");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"message\"").contains("Internal server error")
                .doesNotContain("SdkOptions");
    }

    @Test
    void anAnswerIsPassedThroughUnchanged() {
        ControlResponse ok = ControlResponse.empty(202);
        assertThat(ControlPlaneServer.answer(() -> ok)).isSameAs(ok);
    }
}

package dev.gatehouse.engine.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.errors.GatewayResponseType;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.FilterChain;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineThrottleTest {

    private static final Filter OK = (request, chain) -> GatewayResponse.of(200, Headers.empty(), "ok");

    private static int call(AccessState state) {
        RequestContext ctx = RequestContext.create(GatewayEventListener.NONE);
        ctx.put(ContextKeys.API_ID, "a1");
        ctx.put(ContextKeys.STAGE, "prod");
        GatewayRequest request = GatewayRequest.of("GET", "/hello", "", Headers.empty(), null);
        try {
            return FilterChain.run(List.of(new ThrottleFilter(state, "GET", "/hello"), OK), request, ctx).status();
        } catch (GatewayException e) {
            assertEquals(GatewayResponseType.THROTTLED, e.type());
            return e.type().defaultStatus();
        }
    }

    @Test
    void anEngineLimitSetAtRunTimeAdmitsItsBurstThenAnswers429AndTheDefaultComesBackFull() {
        AccessState state = AccessState.inProcess();
        assertEquals(200, call(state));
        state.setEngineLimit(0, 2); // no refill: exactly the burst passes
        assertEquals(200, call(state));
        assertEquals(200, call(state));
        assertEquals(429, call(state));
        state.setEngineLimit(AccessState.DEFAULT_RATE, AccessState.DEFAULT_BURST);
        for (int i = 0; i < 100; i++) assertEquals(200, call(state));
    }

    @Test
    void aNegativeOrNonFiniteEngineLimitIsRefusedNamingWhatIsWrong() {
        AccessState state = AccessState.inProcess();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> state.setEngineLimit(-1, 5)).getMessage()
                .contains("throttle rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> state.setEngineLimit(Double.NaN, 5)).getMessage()
                .contains("throttle rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> state.setEngineLimit(10, -1)).getMessage()
                .contains("throttle burst"));
    }
}

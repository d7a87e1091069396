package dev.gatehouse.app.testpanel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogPhaseTest {

    @Test
    void eachLineTakesThePhaseItsMessageStartsAndContinuationLinesKeepIt() {
        String log = """
                Execution log for request abc
                Mon Jan 01 00:00:00 UTC 2024 : Starting execution for request: abc
                Mon Jan 01 00:00:00 UTC 2024 : HTTP Method: GET, Resource Path: /pets
                Mon Jan 01 00:00:00 UTC 2024 : Method request body before transformations: {
                  "a": 1
                }
                Mon Jan 01 00:00:00 UTC 2024 : Endpoint request URI: http://backend/pets
                Mon Jan 01 00:00:00 UTC 2024 : Sending request to http://backend/pets
                Mon Jan 01 00:00:00 UTC 2024 : Received response. Status: 200, Integration latency: 3 ms
                Mon Jan 01 00:00:00 UTC 2024 : Endpoint response body before transformations: []
                Mon Jan 01 00:00:00 UTC 2024 : Method response body after transformations: []
                Mon Jan 01 00:00:00 UTC 2024 : Method completed with status: 200
                """;

        assertThat(LogPhase.classify(log)).extracting(LogPhase.Line::phase).containsExactly(
                LogPhase.START, LogPhase.START, LogPhase.METHOD_REQUEST, LogPhase.METHOD_REQUEST,
                LogPhase.METHOD_REQUEST, LogPhase.METHOD_REQUEST, LogPhase.ENDPOINT_REQUEST, LogPhase.ENDPOINT_REQUEST,
                LogPhase.ENDPOINT_RESPONSE, LogPhase.ENDPOINT_RESPONSE, LogPhase.METHOD_RESPONSE, LogPhase.METHOD_RESPONSE);
    }

    @Test
    void aFailureLineIsAnError() {
        assertThat(LogPhase.classify("t : Execution failed due to an internal error\n"))
                .extracting(LogPhase.Line::phase).containsExactly(LogPhase.ERROR);
    }
}

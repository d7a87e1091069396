package dev.gatehouse.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.model.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteShapeBreakingTest {

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRemovedMethodAndOneThatNowAsksForAKeyAuthorizationOrARequiredParameterAreBreaking() {
        RemoteShape before = new RemoteShape(Map.of(
                "GET /old", json("{\"httpMethod\":\"GET\"}"),
                "POST /pets", json("{\"httpMethod\":\"POST\",\"authorizationType\":\"NONE\"}"),
                "GET /pets", json("{\"httpMethod\":\"GET\",\"requestParameters\":{\"method.request.querystring.page\":false}}"),
                "PUT /pets", json("{\"httpMethod\":\"PUT\",\"apiKeyRequired\":true}")));
        RemoteShape after = new RemoteShape(Map.of(
                "POST /pets", json("{\"httpMethod\":\"POST\",\"authorizationType\":\"AWS_IAM\",\"apiKeyRequired\":true}"),
                "GET /pets", json("{\"httpMethod\":\"GET\",\"requestParameters\":{\"method.request.querystring.page\":true}}"),
                "PUT /pets", json("{\"httpMethod\":\"PUT\",\"apiKeyRequired\":false}"),
                "GET /new", json("{\"httpMethod\":\"GET\"}")));

        assertThat(before.breaking(after)).containsExactlyInAnyOrder(
                "- GET /old: removed",
                "~ POST /pets: now requires AWS_IAM authorization, now requires an API key",
                "~ GET /pets: now requires method.request.querystring.page");
        // asking for less (PUT no longer needs a key) and adding a method break no caller
        assertThat(before.diff(after)).contains("~ PUT /pets", "+ GET /new");
    }
}

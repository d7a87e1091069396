package dev.gatehouse.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.invoke.TestInvokeResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeCommandTest {

    @Test
    void headersAreReadAsCurlWritesThemOrAsNameEqualsValue() {
        InvokeCommand.HeaderArgs h = InvokeCommand.parseHeaders(List.of(
                "Content-Type: application/json", "Accept=text/html", "Authorization: Basic dTpw==", "X-Time=12:30",
                "X-Empty:"));
        assertThat(h.single()).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("Accept", "text/html"), Map.entry("Authorization", "Basic dTpw=="),
                Map.entry("X-Time", "12:30"), Map.entry("X-Empty", ""));
        assertThat(h.repeated()).isEmpty();
    }

    @Test
    void aNameGivenTwiceKeepsBothValuesInOrder() {
        InvokeCommand.HeaderArgs h = InvokeCommand.parseHeaders(List.of("X-A: 1", "X-B: b", "X-A=2"));
        assertThat(h.single()).containsExactly(Map.entry("X-B", "b"));
        assertThat(h.repeated()).containsExactly(Map.entry("X-A", List.of("1", "2")));
    }

    @Test
    void aHeaderWithoutAValidNameIsRefused() {
        for (String bad : List.of("no separator", ": value", "=value", "Bad Name: x", "(x): y")) {
            assertThatThrownBy(() -> InvokeCommand.parseHeaders(List.of(bad))).as(bad)
                    .isInstanceOf(CliErrors.class)
                    .hasMessage("invalid header '" + bad + "': write it as 'Name: value' (or Name=value)");
        }
    }

    @Test
    void jsonOutputHasTestInvokeMethodsKeysInAwsOrderEvenWhenEmpty() {
        var json = InvokeCommand.toJson(new TestInvokeResult(500, null, Map.of(), Map.of(), "log", 15));
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("status", "body", "headers", "multiValueHeaders", "log", "latency");
        assertThat(json.toString()).isEqualTo(
                "{\"status\":500,\"body\":null,\"headers\":{},\"multiValueHeaders\":{},\"log\":\"log\",\"latency\":15}");
    }
}

package dev.gatehouse.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.observe.ResponseDiff.Kind;
import dev.gatehouse.app.observe.ResponseDiff.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseDiffTest {

    private static ResponseDiff.Side side(int status, Map<String, List<String>> headers, String body) {
        return new ResponseDiff.Side(status, headers, body);
    }

    @Test
    void statusHeadersAndBodyLinesAreComparedRowByRow() {
        List<Row> rows = ResponseDiff.of(
                side(200, Map.of("Content-Type", List.of("application/json"), "X-Old", List.of("1")), "{\n  \"a\": 1,\n  \"b\": 2\n}"),
                side(404, Map.of("content-type", List.of("application/json"), "X-New", List.of("2")), "{\n  \"a\": 1,\n  \"c\": 3,\n  \"b\": 2\n}"));
        assertThat(rows).containsExactly(
                new Row("Status", "200", "404", Kind.CHANGED),
                new Row("Header", "Content-Type: application/json", "content-type: application/json", Kind.SAME),
                new Row("Header", "", "X-New: 2", Kind.ONLY_RIGHT),
                new Row("Header", "X-Old: 1", "", Kind.ONLY_LEFT),
                new Row("Body", "{", "{", Kind.SAME),
                new Row("Body", "  \"a\": 1,", "  \"a\": 1,", Kind.SAME),
                new Row("Body", "", "  \"c\": 3,", Kind.ONLY_RIGHT),
                new Row("Body", "  \"b\": 2", "  \"b\": 2", Kind.SAME),
                new Row("Body", "}", "}", Kind.SAME));
        assertThat(ResponseDiff.differences(rows)).isEqualTo(4);
    }

    @Test
    void headersThatDifferOnEveryCallAreShownButNotCounted() {
        List<Row> rows = ResponseDiff.of(
                side(200, Map.of("Date", List.of("Mon"), "x-amzn-RequestId", List.of("a")), "ok"),
                side(200, Map.of("Date", List.of("Tue")), "ok"));
        assertThat(rows).contains(new Row("Header", "x-amzn-RequestId: a", "", Kind.SAME),
                new Row("Header", "Date: Mon", "Date: Tue", Kind.SAME));
        assertThat(ResponseDiff.differs(rows)).isFalse();
    }
}

package dev.gatehouse.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void lookupsIgnoreCaseAndIterationKeepsFirstSeenCasingAndArrivalOrder() {
        Headers h = Headers.builder().add("Content-Type", "a").add("X-Multi", "1").add("x-multi", "2")
                .add("ACCEPT", "b").build();
        assertEquals("a", h.first("content-type"));
        assertEquals(List.of("1", "2"), h.all("X-MULTI"));
        assertEquals("2", h.last("x-Multi"));
        assertEquals(List.of("Content-Type", "X-Multi", "ACCEPT"), h.names());
        assertEquals(Map.of("Content-Type", List.of("a"), "X-Multi", List.of("1", "2"), "ACCEPT", List.of("b")),
                h.toMultiMap());
    }

    @Test
    void changingABuilderAfterBuildOrFromToBuilderNeverChangesBuiltHeaders() {
        Headers.Builder b = Headers.builder().add("A", "1").add("B", "1").add("B", "2");
        Headers first = b.build();
        b.add("B", "3").set("A", "x").add("C", "1").remove("Missing");
        Headers second = b.build();
        assertEquals(Map.of("A", List.of("1"), "B", List.of("1", "2")), first.toMultiMap());
        assertEquals(Map.of("A", List.of("x"), "B", List.of("1", "2", "3"), "C", List.of("1")), second.toMultiMap());

        Headers derived = first.toBuilder().add("b", "9").set("a", "y").remove("B").add("D", "4").build();
        assertEquals(Map.of("A", List.of("1"), "B", List.of("1", "2")), first.toMultiMap());
        assertEquals(Map.of("A", List.of("y"), "D", List.of("4")), derived.toMultiMap());
        assertEquals(List.of("A", "D"), derived.names());
        // set keeps the first-seen casing and the position
        assertEquals(List.of("A", "B"), first.toBuilder().set("a", "z").build().names());
        assertEquals("A", first.toBuilder().set("a", "z").build().names().getFirst());
    }

    @Test
    void valueListsOfBuiltHeadersCannotBeChanged() {
        Headers.Builder b = Headers.builder().add("A", "1").add("A", "2");
        Headers h = b.build();
        assertThrows(UnsupportedOperationException.class, () -> h.all("A").add("3"));
        b.add("A", "3");
        assertEquals(List.of("1", "2"), h.all("A"));
    }

    @Test
    void headersWithTheSameNamesAndValuesAreEqualHoweverTheyWereBuilt() {
        Headers a = Headers.of("X", "1", "Y", "2");
        Headers b = Headers.builder().add("X", "0").set("X", "1").add("Y", "2").build();
        Headers c = Headers.of("X", "1").toBuilder().add("Y", "2").build();
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals(a.hashCode(), c.hashCode());
        assertEquals(Headers.empty(), Headers.of("X", "1").toBuilder().remove("x").build());
    }

    @Test
    void interleavedRepeatsAreIteratedTogetherUnderTheFirstCasingAndSetLeavesOneValueInTheFirstPlace() {
        Headers h = Headers.builder().add("Via", "a").add("X-Id", "1").add("VIA", "b").add("Accept", "c")
                .add("via", "d").build();
        List<String> seen = new java.util.ArrayList<>();
        h.forEach((name, value) -> seen.add(name + ":" + value));
        assertEquals(List.of("Via:a", "Via:b", "Via:d", "X-Id:1", "Accept:c"), seen);
        assertEquals(3, h.size());
        assertEquals(List.of("a", "b", "d"), h.all("via"));

        Headers set = h.toBuilder().set("vIA", "z").build();
        seen.clear();
        set.forEach((name, value) -> seen.add(name + ":" + value));
        assertEquals(List.of("Via:z", "X-Id:1", "Accept:c"), seen);
        assertEquals(List.of("a", "b", "d"), h.all("Via"), "the built headers are unchanged");
    }

    @Test
    void aBuilderGrowsPastAnyNumberOfHeaders() {
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < 100; i++) b.add("X-H" + i, Integer.toString(i));
        Headers h = b.build();
        assertEquals(100, h.size());
        assertEquals("0", h.first("x-h0"));
        assertEquals("99", h.last("X-H99"));
        assertEquals(101, h.toBuilder().add("Y", "y").build().size());
    }
}

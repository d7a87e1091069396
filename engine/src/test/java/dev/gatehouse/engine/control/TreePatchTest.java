package dev.gatehouse.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreePatchTest {

    private static final TreePatch PATCH = new TreePatch(Set.of("uri", "timeoutInMillis"), Set.of("requestTemplates"),
            Set.of("cacheKeyParameters"));

    private static ObjectNode node(String json) throws Exception {
        return (ObjectNode) Call.READER.readTree(json);
    }

    @Test
    void scalarMapAndListOperationsApplyInOrderWithTildeOneUnescapedToSlash() throws Exception {
        ObjectNode out = PATCH.apply(node("{\"uri\":\"http://a\",\"cacheKeyParameters\":[\"x\"]}"), List.of(
                new Patch("replace", "/uri", "http://b", null),
                new Patch("add", "/requestTemplates/application~1json", "{}", null),
                new Patch("add", "/cacheKeyParameters/y", null, null),
                new Patch("add", "/cacheKeyParameters/x", null, null),
                new Patch("remove", "/cacheKeyParameters/x", null, null),
                new Patch("replace", "/timeoutInMillis", "5000", null)));
        assertThat(out.toString()).isEqualTo("{\"uri\":\"http://b\",\"cacheKeyParameters\":[\"y\"],"
                + "\"requestTemplates\":{\"application/json\":\"{}\"},\"timeoutInMillis\":\"5000\"}");
    }

    @Test
    void theInputIsNotChangedAndReplaceWithoutValueClearsAScalar() throws Exception {
        ObjectNode in = node("{\"uri\":\"http://a\"}");
        ObjectNode out = PATCH.apply(in, List.of(new Patch("replace", "/uri", null, null)));
        assertThat(out.has("uri")).isFalse();
        assertThat(in.get("uri").asText()).isEqualTo("http://a");
    }

    @Test
    void anUnknownPathOrOpIsAwsBadRequestNamingTheAllowedPaths() {
        assertThatThrownBy(() -> PATCH.apply(node("{}"), List.of(new Patch("replace", "/type", "HTTP", null))))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("BadRequestException");
                    assertThat(e.getMessage()).isEqualTo("Invalid patch path '/type' specified for op 'replace'. Must be one of: "
                            + "[/timeoutInMillis, /uri, /requestTemplates/{key}, /cacheKeyParameters/{value}]");
                });
        assertThatThrownBy(() -> PATCH.apply(node("{}"), List.of(new Patch("move", "/uri", null, "/x"))))
                .isInstanceOf(ControlException.class);
        assertThatThrownBy(() -> PATCH.apply(node("{}"), List.of(new Patch("remove", "/requestTemplates/text~1plain", null, null))))
                .hasMessageContaining("nothing to remove");
    }
}

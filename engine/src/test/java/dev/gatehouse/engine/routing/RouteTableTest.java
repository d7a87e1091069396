package dev.gatehouse.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteTable<String> table() {
        return RouteTable.<String>builder()
                .add("/", "GET", "root")
                .add("/pets", "GET", "list")
                .add("/pets", "POST", "create")
                .add("/pets/{petId}", "GET", "get")
                .add("/pets/{petId}", "ANY", "petAny")
                .add("/pets/mine", "GET", "mine")
                .add("/pets/{petId}/toys/{proxy+}", "ANY", "toys")
                .add("/{proxy+}", "ANY", "catchAll")
                .build();
    }

    @Test
    void literalPartBeatsParameterPart() {
        assertThat(table().match("GET", "/pets/mine").target()).isEqualTo("mine");
    }

    @Test
    void parameterPartBeatsGreedyPartAndIsExtracted() {
        RouteMatch<String> m = table().match("GET", "/pets/42");
        assertThat(m.target()).isEqualTo("get");
        assertThat(m.resourcePath()).isEqualTo("/pets/{petId}");
        assertThat(m.pathParameters()).isEqualTo(Map.of("petId", "42"));
    }

    @Test
    void explicitMethodBeatsAnyOnTheSameResource() {
        assertThat(table().match("GET", "/pets/42").target()).isEqualTo("get");
        assertThat(table().match("DELETE", "/pets/42").target()).isEqualTo("petAny");
    }

    @Test
    void trailingSlashIsIgnored() {
        assertThat(table().match("GET", "/pets/").target()).isEqualTo("list");
        assertThat(table().match("GET", "/pets/42/").pathParameters()).containsEntry("petId", "42");
    }

    @Test
    void rootMatchesOnlyTheRootResource() {
        assertThat(table().match("GET", "/").target()).isEqualTo("root");
        assertThat(table().match("GET", "").target()).isEqualTo("root");
    }

    @Test
    void greedyProxyTakesTheRestKeepingInnerDoubleSlashesButNotTheTrailingSlash() {
        RouteMatch<String> m = table().match("GET", "/proxy-value//double-slash");
        assertThat(m.target()).isEqualTo("catchAll");
        assertThat(m.pathParameters()).isEqualTo(Map.of("proxy", "proxy-value//double-slash"));
        assertThat(table().match("GET", "/proxy-value/").pathParameters()).isEqualTo(Map.of("proxy", "proxy-value"));
    }

    @Test
    void nestedGreedyCollectsEveryParameter() {
        RouteMatch<String> m = table().match("PUT", "/pets/7/toys/ball/red");
        assertThat(m.target()).isEqualTo("toys");
        assertThat(m.pathParameters()).isEqualTo(Map.of("petId", "7", "proxy", "ball/red"));
    }

    @Test
    void aMethodMissingOnTheBestPathFallsBackToTheNextCandidate() {
        // POST /pets/mine: the literal resource has only GET, {petId} has ANY
        assertThat(table().match("POST", "/pets/mine").target()).isEqualTo("petAny");
        // PATCH /pets: /pets has GET and POST only, the catch-all takes it
        RouteMatch<String> m = table().match("PATCH", "/pets");
        assertThat(m.target()).isEqualTo("catchAll");
        assertThat(m.pathParameters()).isEqualTo(Map.of("proxy", "pets"));
    }

    @Test
    void nothingMatchesWithoutACatchAll() {
        RouteTable<String> t = RouteTable.<String>builder().add("/pets", "GET", "list").build();
        assertThat(t.match("POST", "/pets")).isNull();
        assertThat(t.match("GET", "/cats")).isNull();
        assertThat(t.match("GET", "/")).isNull();
    }

    @Test
    void parameterValuesAreDecodedAndNeverEmpty() {
        RouteTable<String> t = RouteTable.<String>builder().add("/a/{x}", "GET", "x").build();
        assertThat(t.match("GET", "/a/hello%20world%2Fz").pathParameters()).containsEntry("x", "hello world/z");
        assertThat(t.match("GET", "/a/a+b").pathParameters()).containsEntry("x", "a+b");
        assertThat(t.match("GET", "/a//")).isNull();
    }

    @Test
    void backtracksFromADeadLiteralBranchToAParameterBranch() {
        RouteTable<String> t = RouteTable.<String>builder()
                .add("/a/b/c", "GET", "abc")
                .add("/a/{x}/d", "GET", "axd")
                .build();
        assertThat(t.match("GET", "/a/b/d").pathParameters()).isEqualTo(Map.of("x", "b"));
    }

    @Test
    void badTemplatesDuplicatesAndConflictingSiblingsAreRefusedAtBuildTime() {
        assertThatThrownBy(() -> RouteTable.<String>builder().add("/a b", "GET", "x"))
                .hasMessageContaining("path part only allow");
        assertThatThrownBy(() -> RouteTable.<String>builder().add("/{proxy+}/x", "GET", "x"))
                .hasMessageContaining("greedy part must be last");
        assertThatThrownBy(() -> RouteTable.<String>builder().add("/a", "GET", "x").add("/a/", "GET", "y"))
                .hasMessageContaining("duplicate route GET /a");
        assertThatThrownBy(() -> RouteTable.<String>builder().add("/{a}", "GET", "x").add("/{b}/c", "GET", "y"))
                .hasMessageContaining("conflicts with sibling {a}");
    }

    @Test
    void threeOrMoreParametersAreAllExtractedByName() {
        RouteTable<String> t = RouteTable.<String>builder().add("/{a}/{b}/{c}/{rest+}", "GET", "deep").build();
        assertThat(t.match("GET", "/1/2/3/x/y").pathParameters())
                .isEqualTo(Map.of("a", "1", "b", "2", "c", "3", "rest", "x/y"));
    }

    @Test
    void aNameRepeatedDownThePathKeepsTheLastValue() {
        RouteTable<String> t = RouteTable.<String>builder().add("/{id}/x/{id}", "GET", "twice").build();
        assertThat(t.match("GET", "/first/x/second").pathParameters()).isEqualTo(Map.of("id", "second"));
    }
}

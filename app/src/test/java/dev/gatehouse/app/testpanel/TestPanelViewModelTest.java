package dev.gatehouse.app.testpanel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.session.Selection;
import dev.gatehouse.engine.model.Resource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestPanelViewModelTest {
    private final Harness h = Harness.sample();
    private final TestPanelViewModel vm = new TestPanelViewModel(h.workbench, TaskRunner.sameThread());

    @AfterEach
    void close() {
        vm.dispose();
        h.close();
    }

    private void select(String path, String verb) {
        Resource r = h.api().resourceByPath(path).orElseThrow();
        h.workbench.select(Selection.method(r.id(), verb));
    }

    @Test
    void testingAMockMethodOfTheDraftRecordsA200WithItsExecutionLogByPhase() {
        select("/", "GET");

        vm.test();

        TestRun run = vm.selectedRunProperty().get();
        assertThat(run.failed()).isFalse();
        assertThat(run.status()).isEqualTo(200);
        assertThat(vm.history()).containsExactly(run);
        assertThat(run.log()).extracting(LogPhase.Line::phase)
                .contains(LogPhase.METHOD_REQUEST, LogPhase.METHOD_RESPONSE);
        assertThat(run.log().getLast().text()).contains("Method completed with status: 200");
        assertThat(vm.displayedBodyProperty().get()).isEqualTo(run.body());
    }

    @Test
    void aFieldPerPathParameterBuildsThePathAndQueryString() {
        select("/pets/{petId}", "GET");
        assertThat(vm.pathParameters()).extracting(TestPanelViewModel.PathParameter::name).containsExactly("petId");

        vm.pathParameters().getFirst().valueProperty().set("4 2");
        vm.queryStringProperty().set("?type=dog");
        vm.headersProperty().set("Accept: application/json\nX-Tag: a\nX-Tag: b");

        TestRequest request = vm.form();
        assertThat(request.pathWithQueryString()).isEqualTo("/pets/4%202?type=dog");
        assertThat(request.toInvokeRequest().headers()).containsEntry("Accept", "application/json");
        assertThat(request.toInvokeRequest().multiValueHeaders()).containsEntry("X-Tag", java.util.List.of("a", "b"));
    }

    @Test
    void aMissingPathParameterIsNamedAndNothingIsSent() {
        select("/pets/{petId}", "GET");

        vm.test();

        assertThat(vm.problemProperty().get()).isEqualTo("Enter a value for the path parameter petId");
        assertThat(vm.history()).isEmpty();
    }

    @Test
    void aDeployedStageIsCalledOverRealHttpOnTheLocalDataPlane() {
        h.gateway().serve("127.0.0.1", 0);
        select("/", "GET");
        assertThat(vm.targets()).contains(TestTarget.stage("prod"));

        vm.targetProperty().set(TestTarget.stage("prod"));
        vm.test();

        TestRun run = vm.selectedRunProperty().get();
        assertThat(run.error()).isNull();
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.url()).startsWith("http://127.0.0.1:").endsWith("/prod/");
        assertThat(vm.curlOf(run)).startsWith("curl -i -X GET '" + run.url() + "'");
    }

    @Test
    void aStageCannotBeCalledWhileTheGatewayIsNotServingAndTheRunSaysWhy() {
        select("/", "GET");
        vm.targetProperty().set(TestTarget.stage("prod"));

        vm.test();

        TestRun run = vm.selectedRunProperty().get();
        assertThat(run.failed()).isTrue();
        assertThat(run.error()).contains("not serving");
        assertThat(run.log()).extracting(LogPhase.Line::phase).containsExactly(LogPhase.ERROR);
    }

    @Test
    void runsAreKeptNewestFirstAndAnOldOneCanBeRunAgain() {
        select("/", "GET");
        vm.test();
        vm.queryStringProperty().set("a=1");
        vm.test();
        TestRun first = vm.history().getLast();

        vm.rerun(first);

        assertThat(vm.history()).hasSize(3);
        assertThat(vm.history().getFirst().number()).isEqualTo(3);
        assertThat(vm.history().getFirst().request()).isEqualTo(first.request());
        assertThat(vm.history().get(1).request().pathWithQueryString()).isEqualTo("/?a=1");
    }

    @Test
    void prettyAndRawShowTheSameBodyIndentedOrAsReceived() {
        select("/", "GET");
        vm.test();
        String raw = vm.selectedRunProperty().get().body();

        vm.prettyProperty().set(false);
        assertThat(vm.displayedBodyProperty().get()).isEqualTo(raw);
        vm.prettyProperty().set(true);
        assertThat(vm.displayedBodyProperty().get()).isEqualTo(BodyFormatter.pretty(raw, "application/json"));
    }

    @Test
    void curlOfTheDraftUsesAPlaceholderUrlAndQuotesTheBody() {
        select("/pets", "POST");
        vm.headersProperty().set("Content-Type: application/json");
        vm.bodyProperty().set("{\"name\":\"it's\"}");

        String curl = vm.curlOfForm().orElseThrow();

        assertThat(curl).isEqualTo("curl -i -X POST '$INVOKE_URL/pets' \\\n  -H 'Content-Type: application/json' \\\n"
                + "  --data-raw '{\"name\":\"it'\\''s\"}'");
    }

    @Test
    void stageVariablesAreParsedAsNameEqualsValueLines() {
        assertThat(TestPanelViewModel.parseVariables("a=1\n\n# note\nb = x=y")).isEqualTo(Map.of("a", "1", "b", "x=y"));
    }
}

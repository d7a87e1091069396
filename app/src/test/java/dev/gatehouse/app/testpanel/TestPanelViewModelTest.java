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
        // the sample's MOCK renders AWS's PetStore welcome page; a test invoke's $context.stage is test-invoke-stage (AWS)
        assertThat(vm.displayedBodyProperty().get()).contains("<h1>Welcome to your Pet Store API</h1>")
                .contains("<a href=\"/test-invoke-stage/pets/\">");
        assertThat(vm.statusTextProperty().get()).isEqualTo("200");
        assertThat(vm.statusToneProperty().get()).isEqualTo(TestPanelViewModel.Tone.SUCCESS);
        assertThat(vm.outcomeProperty().get()).isEqualTo("Draft, test invoke · GET /");
        assertThat(vm.bodyLanguageProperty().get()).isEqualTo(dev.gatehouse.app.editor.Language.TEXT); // text/html as received
    }

    @Test
    void aDraftRunWithAnEmptyBodySaysSoAndWhereABodyComesFrom() {
        // given a new MOCK method as Create method makes it: 200, no response template, so no body (as on AWS)
        h.workbench.edit("Add DELETE /", api -> api.updateResource(api.root().id(), r -> r.withMethod(
                dev.gatehouse.engine.model.Method.of("DELETE")
                        .withMethodResponses(java.util.Map.of("200", dev.gatehouse.engine.model.MethodResponse.of("200")))
                        .withIntegration(dev.gatehouse.engine.model.Integration.mock()
                                .withRequestTemplates(java.util.Map.of("application/json", "{\"statusCode\": 200}"))
                                .withIntegrationResponses(java.util.Map.of("200", dev.gatehouse.engine.model.IntegrationResponse.of("200")))))));
        select("/", "DELETE");

        vm.test();

        assertThat(vm.selectedRunProperty().get().body()).isEmpty();
        assertThat(vm.outcomeProperty().get())
                .isEqualTo("Draft, test invoke · DELETE / · empty body (a method's integration response template makes its body)");
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
    void testingGetPetsOfTheDraftStartsWithProdsVariablesAndAnswersOfflineFromTheSimulatedBackend() {
        int port = h.session().serve("127.0.0.1", 0);
        select("/pets", "GET");

        // a draft test has no stage: the form starts with prod's variables, which name the sample's own backend
        assertThat(vm.stageVariablesProperty().get()).isEqualTo(
                "# from stage prod\npetstoreHost=127.0.0.1:4010/restapis/petbackend/backend/_user_request_");
        // the console serves on 4010; this test serves on a free port
        vm.stageVariablesProperty().set(vm.stageVariablesProperty().get().replace(":4010/", ":" + port + "/"));
        vm.test();

        TestRun run = vm.selectedRunProperty().get();
        assertThat(run.error()).isNull();
        assertThat(run.status()).isEqualTo(200);
        // the three pets of AWS's tutorial "Create a REST API by importing an example"
        assertThat(vm.displayedBodyProperty().get().replaceAll("\\s", ""))
                .isEqualTo("[{\"id\":1,\"type\":\"dog\",\"price\":249.99},{\"id\":2,\"type\":\"cat\",\"price\":124.99},"
                        + "{\"id\":3,\"type\":\"fish\",\"price\":0.99}]");
    }

    @Test
    void stageVariablesTypedByTheUserAreKeptWhenAnotherApiIsShown() {
        select("/pets", "GET");
        vm.stageVariablesProperty().set("petstoreHost=127.0.0.1:9999");
        h.workbench.selectApi("inventory1");
        assertThat(vm.stageVariablesProperty().get()).isEqualTo("petstoreHost=127.0.0.1:9999");
    }

    @Test
    void aDeployedStageIsCalledOverRealHttpOnTheLocalDataPlane() {
        int port = h.session().serve("127.0.0.1", 0);
        select("/", "GET");
        assertThat(vm.targets()).contains(TestTarget.stage("prod"));

        vm.targetProperty().set(TestTarget.stage("prod"));
        vm.test();

        TestRun run = vm.selectedRunProperty().get();
        assertThat(run.error()).isNull();
        assertThat(run.status()).isEqualTo(200);
        // PetStore is the sample's default API, so plain /{stage}/ reaches it (DESIGN.md, Invoke URLs)
        assertThat(run.url()).isEqualTo("http://127.0.0.1:" + port + "/prod/");
        assertThat(vm.curlOf(run)).isEqualTo("curl -i -X GET 'http://127.0.0.1:" + port + "/prod/'");
        assertThat(vm.displayedBodyProperty().get()).contains("<a href=\"/prod/pets/\">"); // $context.stage of a real stage
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
        // given a MOCK answering compact JSON
        try (Harness toys = Harness.empty()) {
            toys.createMockApi("Toys", "{\"a\":[1,2]}");
            TestPanelViewModel panel = new TestPanelViewModel(toys.workbench, TaskRunner.sameThread());
            toys.workbench.select(Selection.method(toys.api().root().id(), "GET"));
            panel.test();

            // when raw is chosen, then the body as the integration answered it
            panel.prettyProperty().set(false);
            assertThat(panel.displayedBodyProperty().get()).isEqualTo("{\"a\":[1,2]}");
            // when pretty is chosen, then Jackson's default pretty printer's indentation
            panel.prettyProperty().set(true);
            assertThat(panel.displayedBodyProperty().get()).isEqualTo("{\n  \"a\" : [ 1, 2 ]\n}");
            assertThat(panel.bodyLanguageProperty().get()).isEqualTo(dev.gatehouse.app.editor.Language.JSON);
            panel.dispose();
        }
    }

    @Test
    void aMethodThatRequiresIamSaysWhyAStageRefusesItAndThatTheDraftSkipsTheCheck() {
        // given GET /pets requires IAM authorization and the workspace configures no access keys, so stages refuse it
        Resource pets = h.api().resourceByPath("/pets").orElseThrow();
        h.workbench.edit("Require IAM", api -> api.updateResource(pets.id(),
                r -> r.withMethod(r.method("GET").withAuthorization(
                        dev.gatehouse.engine.model.AuthorizationType.AWS_IAM, null, null))));

        // when it is selected with the draft as the target
        select("/pets", "GET");

        // then the warning says the draft skips the check as AWS's test invoke does, and what a stage answers
        assertThat(vm.accessWarningProperty().get())
                .startsWith("GET /pets requires IAM (SigV4) authorization")
                .contains("403 {\"message\":\"Missing Authentication Token\"}")
                .contains("test invoke skips the check, as AWS's does");
        // when a stage is chosen, then it leads with the refusal
        vm.targetProperty().set(TestTarget.stage("prod"));
        assertThat(vm.accessWarningProperty().get()).startsWith("This stage refuses the call. GET /pets requires IAM (SigV4) authorization");
    }

    @Test
    void anOpenMethodShowsNoAccessWarning() {
        select("/", "GET");

        assertThat(vm.accessWarningProperty().get()).isEmpty();
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

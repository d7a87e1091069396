package dev.gatehouse.app.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.app.editor.Language;
import dev.gatehouse.engine.functions.FunctionRuntime;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Functions page's view model on a copy of the sample workspace and its real functions (Node.js workers). */
class FunctionsViewModelTest {
    private final Harness h = Harness.sample();
    private final FunctionsViewModel vm = new FunctionsViewModel(h.workbench, TaskRunner.sameThread());

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void listsTheWorkspacesFunctionsAndLoadsTheSelectedHandlersCode() {
        assertThat(vm.names()).containsExactly("EchoProxy", "GetHelloWithName", "GetHelloWorld");

        vm.selectedProperty().set("GetHelloWorld");

        assertThat(vm.codeFileProperty().get()).isEqualTo("index.js");
        assertThat(vm.codeProperty().get().text()).contains("exports.handler");
        assertThat(vm.codeProperty().get().language()).isEqualTo(Language.JAVASCRIPT);
        assertThat(vm.summaryProperty().get()).startsWith("Node.js · handler index.handler · timeout 3 s");
    }

    @Test
    void theFirstFunctionIsOpenWhenThePageIsFirstShownSoItIsNeverEmptyWhileFunctionsExist() {
        // given the sample workspace's three functions, listed by name; the user has chosen none
        // then the first in the list is selected with its code loaded, as the Lambda console opens one
        assertThat(vm.selectedProperty().get()).isEqualTo("EchoProxy");
        assertThat(vm.codeFileProperty().get()).isEqualTo("index.js");

        // and a choice the user made survives a refresh
        vm.selectedProperty().set("GetHelloWorld");
        vm.refresh();
        assertThat(vm.selectedProperty().get()).isEqualTo("GetHelloWorld");
    }

    @Test
    void aFunctionCreatedFromThePythonTemplateIsSelectedWithItsStarterHandler() throws Exception {
        vm.create("Orders", FunctionRuntime.PYTHON, name -> { });

        assertThat(vm.names()).contains("Orders");
        assertThat(vm.selectedProperty().get()).isEqualTo("Orders");
        assertThat(vm.codeFileProperty().get()).isEqualTo("app.py");
        assertThat(vm.codeProperty().get().text()).contains("def handler(event, context):");
        assertThat(Files.isRegularFile(h.folder.resolve("functions/Orders/function.json"))).isTrue();
        assertThat(vm.nameProblem("Orders")).contains("Function Orders already exists");
        assertThat(vm.nameProblem("bad name")).contains("Function names are 1-64 letters, digits, hyphens (-) or underscores (_)");
    }

    @Test
    void savedCodeIsWhatTheNextTestRunsAndTheResultCarriesTheReportLine() throws Exception {
        vm.selectedProperty().set("GetHelloWorld");
        vm.setEditedCode("exports.handler = async (event) => ({ got: event.key1 });\n");
        assertThat(vm.codeDirtyProperty().get()).isTrue();
        vm.saveCode();
        assertThat(vm.codeDirtyProperty().get()).isFalse();
        assertThat(Files.readString(h.folder.resolve("functions/GetHelloWorld/index.js"))).contains("event.key1");

        vm.useTemplate(TestEventTemplates.CUSTOM);
        vm.test();

        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.resultStatusProperty().get()).isEqualTo("Succeeded");
        assertThat(vm.resultPayloadProperty().get()).contains("\"got\"").contains("\"value1\"");
        assertThat(vm.resultSummaryProperty().get()).startsWith("REPORT RequestId: ").contains("\tBilled Duration: ");
        assertThat(vm.resultLogProperty().get()).startsWith("START RequestId: ");
        assertThat(vm.logsProperty().get()).contains("END RequestId: ");
    }

    @Test
    void aSavedTestEventIsListedAndReadBackFromTheWorkspace() throws Exception {
        vm.selectedProperty().set("EchoProxy");
        vm.useTemplate(TestEventTemplates.API_GATEWAY_PROXY);
        vm.saveEvent("proxy-get");

        assertThat(vm.events()).containsExactly("proxy-get");
        assertThat(vm.selectedEventProperty().get()).isEqualTo("proxy-get");
        assertThat(Files.readString(h.folder.resolve("functions/EchoProxy/.events/proxy-get.json"))).contains("\"httpMethod\": \"GET\"");

        vm.saveEvent("not a name");
        assertThat(vm.messageProperty().get()).isEqualTo("Event name 'not a name' must be 1-25 letters, digits, - or _");
    }

    @Test
    void configurationIsCheckedWithLambdasRulesAndSavedToFunctionJson() throws Exception {
        vm.selectedProperty().set("GetHelloWorld");
        vm.timeoutProperty().set("901");
        assertThat(vm.configProblemProperty().get()).isEqualTo("timeout must be 1-900 seconds, not 901");
        vm.timeoutProperty().set("10");
        vm.environmentProperty().set("AWS_REGION=x");
        assertThat(vm.configProblemProperty().get()).isEqualTo("Line 1: AWS_REGION is reserved by the Lambda runtime");
        vm.environmentProperty().set("GREETING=hi");
        vm.concurrencyProperty().set("2");
        assertThat(vm.configDirtyProperty().get()).isTrue();

        vm.saveConfig();

        String json = Files.readString(h.folder.resolve("functions/GetHelloWorld/function.json"));
        assertThat(json).contains("\"timeout\" : 10").contains("\"reservedConcurrency\" : 2").contains("\"GREETING\" : \"hi\"");
        assertThat(vm.configDirtyProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).endsWith("timeout 10 s · reserved concurrency 2");
    }
}

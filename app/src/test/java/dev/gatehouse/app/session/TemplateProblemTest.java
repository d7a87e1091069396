package dev.gatehouse.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateProblemTest {

    @Test
    void aControlCharacterIsNamedByItsCodePointWithLineAndColumnFirst() {
        TemplateProblem p = EngineTools.templateProblem("{\n  \"a\": $input.json('$')\u001c#if(\n}").orElseThrow();

        assertThat(p.line()).isPositive();
        assertThat(p.message()).startsWith("line " + p.line() + ", column " + p.column() + ": ")
                .doesNotContain("Encountered").doesNotContain("Was expecting").doesNotContain("\\u").doesNotContain("template[");
    }

    @Test
    void anUnclosedIfSaysWhatIsMissing() {
        TemplateProblem p = EngineTools.templateProblem("#if($input.path('$.a') == 1)\n{\"a\": 1}\n").orElseThrow();

        assertThat(p.message()).matches("line \\d+, column \\d+: the template ends before a #if, #foreach, #macro, \\( or \\{ is closed \\(is an #end missing\\?\\)");
    }

    @Test
    void aTemplateThatCompilesHasNoProblem() {
        assertThat(EngineTools.templateProblem("{\"id\": \"$input.params('id')\"}")).isEmpty();
    }

    @Test
    void testInvokeOfAMethodWithABrokenTemplateAnswersAws500WithTheLogLine() {
        try (Harness h = Harness.empty()) {
            h.createMockApi("Broken", "{}");
            h.workbench.edit("Break GET /", api -> api.updateResource(api.root().id(), r -> {
                Method m = r.method("GET");
                return r.withMethod(m.withIntegration(m.methodIntegration().withIntegrationResponses(Map.of("200",
                        IntegrationResponse.of("200").withResponseTemplates(Map.of("application/json", "#if(\n{}"))))));
            }));

            TestInvokeResult r = h.session().testInvoke(h.api().id(), h.api().root().id(), "GET",
                    TestInvokeRequest.of("/"));

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(r.log()).contains("Execution failed due to configuration error: mapping template line ")
                    .contains("Method completed with status: 500");
        }
    }
}

package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of template cases in {@code template-cases.json}: each row is a template, a request and AWS's output
 * (or AWS's error), with the source of the expectation. Rows come from AWS recordings (ToQoz), the AWS developer
 * guide and LocalStack's AWS-observed notes (aws-reference §6).
 */
class VtlTemplateCasesTest {

    private static final TemplateCompiler COMPILER = new TemplateCompiler();

    @TestFactory
    Stream<DynamicTest> everyTemplateCaseRendersAsOnAws() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("template-cases.json")) {
            new ObjectMapper().readTree(in).forEach(rows::add);
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.get("name").asText(), () -> check(row)));
    }

    private static void check(JsonNode row) {
        CompiledTemplate template = COMPILER.compile(row.get("template").asText(), row.get("name").asText());
        MappingRequest request = request(row.get("request"));
        if (row.has("error")) {
            JsonNode error = row.get("error");
            MappingException e = catchThrowableOfType(MappingException.class, () -> template.render(request));
            assertThat(e).as("expected a failure").isNotNull();
            assertThat(e.kind().name()).isEqualTo(error.get("kind").asText());
            if (error.has("status")) assertThat(e.clientStatus()).isEqualTo(error.get("status").asInt());
            if (error.has("message")) assertThat(e.clientMessage()).isEqualTo(error.get("message").asText());
        } else {
            assertThat(template.render(request).output()).isEqualTo(row.get("expected").asText());
        }
    }

    static MappingRequest request(JsonNode r) {
        MappingRequest.Builder b = MappingRequest.builder().body(r.path("body").asText(""));
        r.path("path").fields().forEachRemaining(e -> b.pathParameter(e.getKey(), e.getValue().asText()));
        r.path("query").fields().forEachRemaining(e -> e.getValue().forEach(v -> b.queryParameter(e.getKey(), v.asText())));
        r.path("headers").fields().forEachRemaining(e -> e.getValue().forEach(v -> b.header(e.getKey(), v.asText())));
        r.path("stageVariables").fields().forEachRemaining(e -> b.stageVariable(e.getKey(), e.getValue().asText()));
        ContextValues.Builder ctx = ContextValues.builder();
        r.path("context").fields().forEachRemaining(e -> ctx.put(e.getKey(),
                e.getValue().isNumber() ? (Object) e.getValue().numberValue() : e.getValue().asText()));
        return b.context(ctx.build()).build();
    }
}

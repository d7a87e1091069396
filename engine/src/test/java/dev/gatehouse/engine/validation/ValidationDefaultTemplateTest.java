package dev.gatehouse.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.mapping.MappingRequest;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated default template has AWS's shape and renders a matching body. */
class ValidationDefaultTemplateTest {

    private static final String ARRAY_MODEL = """
            {"$schema":"http://json-schema.org/draft-04/schema#","title":"CompareData","type":"array",
             "items":{"type":"object","properties":{"age":{"type":"integer"},"height":{"type":"integer"},
             "income":{"type":"integer"}},"required":["age","height","income"]}}""";

    @Test
    void anArrayOfObjectsGetsAwsForeachSkeleton() {
        String template = new DefaultTemplateGenerator("a1", List.of(new Model("1", "CompareData", null, ARRAY_MODEL,
                "application/json"))).generate("CompareData");

        assertThat(template).isEqualTo("""
                #set($inputRoot = $input.path('$'))
                [
                ##TODO: Update this foreach loop to reference array from input json
                #foreach($elem in $inputRoot)
                 {
                  "age" : $elem.age,
                  "height" : $elem.height,
                  "income" : $elem.income
                } \n#if($foreach.hasNext),#end
                #end
                ]
                """);
    }

    @Test
    void anObjectModelWithReferencesRendersAMatchingBody() {
        String owner = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";
        String pet = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"price\":{\"type\":\"number\"},"
                + "\"owner\":{\"$ref\":\"" + ModelSchemas.modelUrl("a1", "Owner") + "\"},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}";
        String template = new DefaultTemplateGenerator("a1", List.of(new Model("1", "Owner", null, owner, null),
                new Model("2", "Pet", null, pet, null))).generate("Pet");

        String out = new TemplateCompiler().compile(template, "default").render(MappingRequest.builder()
                .body("{\"name\":\"Rex\",\"price\":9.5,\"owner\":{\"name\":\"Ann\"},\"tags\":[\"a\",\"b\"]}").build()).output();

        assertThat(out.replaceAll("\\s+", "")).isEqualTo("{\"name\":\"Rex\",\"price\":9.5,\"owner\":{\"name\":\"Ann\"},"
                + "\"tags\":[\"a\",\"b\"]}");
    }
}

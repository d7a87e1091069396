package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TemplatePlan} must change nothing but the cost: every template renders to the same text, or fails with the
 * same kind, message and position, through its plan and through Velocity alone (a compiler with plans off, the
 * expected side). The templates: the template-case table, {@link DirectMethodsTest}'s, the benchmark's orders
 * template, hand-written whitespace and scope cases, and thousands generated from the planned constructs with random
 * whitespace around every directive (Velocity's "bc" space gobbling is where a plan could most easily differ); the
 * requests: JSON, broken JSON and text bodies, with and without validation's tree, varied parameters.
 */
class TemplatePlanTest {

    private static final TemplateCompiler PLANNED = new TemplateCompiler(SandboxLimits.DEFAULT, true, true);
    private static final TemplateCompiler VELOCITY = new TemplateCompiler(SandboxLimits.DEFAULT, true, false);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] BODIES = {
        "{\"a\":\"x'y\\\"z\",\"b\":{\"c\":[1,2.5,\"t\"],\"d\":true},\"list\":[\"p\",\"q\",\"r\"],\"n\":42,"
                + "\"obj\":{\"k1\":\"v1\",\"k2\":2},\"f\":false,\"z\":null}",
        "{\"a\":\"\",\"list\":[],\"obj\":{},\"n\":-0.5,\"big\":12345678901234567890123}",
        "{\"list\":[{\"x\":1},{\"x\":2}],\"a\":\"</script>\\u00e9\\n\\t\"}",
        "[1,2,{\"a\":3}]", "plain text", "", "{\"a\":", "\"text\"", "42", "true", "null",
        "{\"a\":\"it's\",\"obj\":{\"class\":\"c\",\"k\":null},\"list\":[null,1]}"};

    /** Whitespace and scope cases written out, beside the generated ones. */
    private static final List<String> HAND_WRITTEN = List.of(
            MethodFilterBenchmarks.TEMPLATE,
            "#set($a = 1)", // an integer literal: no plan
            "#set($x = $input.path('$.a'))\n$x\n  #set($y = 'lit')\n$y|$!nothing|$nothing|${x}|$!{x}",
            "a #set($x = \"dq\") b\n#set($x = $x)\n\n   #set( $x = $input.json('$.b') )  \n$x",
            "#foreach($i in $input.path('$.list'))\n  $i#if($foreach.hasNext),#end\n#end\nafter",
            "#foreach($i in $input.path('$.list'))$foreach.index:$foreach.count:$foreach.first:$foreach.last "
                    + "#end|$foreach.hasNext|$!foreach.index",
            "#foreach($i in $input.path('$.list'))\n  #foreach($j in $input.path('$.obj').keySet())\n"
                    + "    $i$j#if($foreach.hasNext);#end\n  #end\n  #if($foreach.hasNext)|#end\n#end",
            "#set($i = 'outer')#foreach($i in $input.path('$.list'))$i#end=$i",
            "#foreach($i in $nothing)x#end#foreach($i in $input.path('$.obj'))$i,#end",
            "#if($input.path('$.a'))A#elseif($input.path('$.n'))N#else E#end\n#if($input.path('$.f')) F #end",
            "  #if($input.path('$.b.d'))\n  yes\n  #else\n  no\n  #end\n",
            "$input.path('$.n') $input.path('$.big') $input.path('$.b.d') $input.path('$.z') $input.json('$.z')"
                    + " $input.json('$.missing') $input.path('$.missing.deeper')",
            "$input.params() $input.params('q') $input.params('h1') $input.params().path $context.requestId"
                    + " $context.identity.sourceIp $context.nothing.more $input.body",
            "$util.escapeJavaScript($input.path('$.a')) $util.urlEncode($input.path('$.a'))"
                    + " $util.base64Encode($input.body) $util.escapeJavaScript($nothing)",
            "$input.path('$.obj').class $input.path('$.obj').k $input.path('$.obj').k1 $input.path('$.list').size()",
            "#set($m = $input.path('$.obj'))$m.size() $m.isEmpty() $m.containsKey('k1') $m.get('k2') $m.keySet()"
                    + " $m.values() $m.entrySet()",
            "## a comment\n$input.path('$.a')",
            "\\$input.path('$.a') \\#set($x = 1)",
            "#foreach($i in [1..3])$i#end",
            "#foreach($i in $input.path('$.list'))$i#else none#end",
            "#set($q = $input.params().querystring)#foreach($k in $q.keySet())$k=$q.get($k)&#end",
            "{\n  \"x\" : \"$input.path('$.a')\"#if($input.path('$.n')),\n  \"n\" : $input.path('$.n')#end\n}\n",
            "$stageVariables.s1 $stageVariables.get('s1')",
            "#set($context.requestOverride.header.X = 'v')$context.requestOverride.header.X",
            "$context.requestOverride|$context.responseOverride.header|$context.identity|$context.stage",
            "$context|$context.requestId",
            "#set($c = $context)$c.requestId $c.requestOverride",
            "#foreach($v in $context.identity)$v;#end$context.identity.sourceIp");

    private static final String[] WS = {"", "", " ", "\n", "  \n", "\n  ", "\t", " \n ", "\r\n", "\n\n"};
    private static final String[] REFS = {"$input.path('$.a')", "$!input.path('$.missing')", "$v", "$!v", "${v}",
        "$input.json('$.b')", "$m.k1", "$foreach.hasNext", "$foreach.index", "$util.escapeJavaScript($v)",
        "$context.requestId", "$input.params('q')", "$nothing", "$nothing.foo", "$input.path('$.n')",
        "$e", "$m.get($e)", "$input.path('$.b.d')"};
    private static final String[] TEXTS = {"{", "}", "\"a\" : ", ",", "x", " y ", "\n", "  ", "-", ":"};
    private static final String[] ITERABLES = {"$input.path('$.list')", "$input.params().keySet()", "$m.keySet()",
        "$input.path('$.obj')", "$nothing", "$input.path('$.a')", "$input.params().header.keySet()"};
    private static final String[] VALUES = {"$input.path('$.a')", "'lit'", "\"dq\"", "$nothing", "$e", "$m.k2",
        "$input.path('$.obj')", "$foreach.count"};

    private static String generate(Random r, int depth) {
        StringBuilder b = new StringBuilder();
        int items = 1 + r.nextInt(depth == 0 ? 6 : 3);
        for (int i = 0; i < items; i++) {
            String ws = WS[r.nextInt(WS.length)];
            String ws2 = WS[r.nextInt(WS.length)];
            switch (depth < 3 ? r.nextInt(6) : r.nextInt(3)) {
                case 0 -> b.append(TEXTS[r.nextInt(TEXTS.length)]);
                case 1 -> b.append(REFS[r.nextInt(REFS.length)]);
                case 2 -> b.append(ws).append("#set($").append(r.nextBoolean() ? "v" : "m").append(" = ")
                        .append(r.nextBoolean() ? VALUES[r.nextInt(VALUES.length)] : "$input.path('$.obj')")
                        .append(")").append(ws2);
                case 3 -> {
                    b.append(ws).append("#if(").append(REFS[r.nextInt(REFS.length)]).append(")").append(ws2)
                            .append(generate(r, depth + 1));
                    if (r.nextInt(3) == 0) {
                        b.append(WS[r.nextInt(WS.length)]).append("#elseif(").append(REFS[r.nextInt(REFS.length)])
                                .append(")").append(generate(r, depth + 1));
                    }
                    if (r.nextBoolean()) b.append(WS[r.nextInt(WS.length)]).append("#else").append(generate(r, depth + 1));
                    b.append(WS[r.nextInt(WS.length)]).append("#end").append(WS[r.nextInt(WS.length)]);
                }
                default -> b.append(ws).append("#foreach($e in ").append(ITERABLES[r.nextInt(ITERABLES.length)])
                        .append(")").append(ws2).append(generate(r, depth + 1)).append(WS[r.nextInt(WS.length)])
                        .append("#end").append(WS[r.nextInt(WS.length)]);
            }
        }
        return b.toString();
    }

    private static MappingRequest request(Random r, String body, boolean validated) {
        MappingRequest.Builder b = MappingRequest.builder().body(body);
        if (r.nextBoolean()) b.pathParameter("p", "path-" + r.nextInt(9));
        if (r.nextBoolean()) b.queryParameter("q", "a b&" + r.nextInt(9));
        if (r.nextBoolean()) b.queryParameter("q", "second");
        if (r.nextBoolean()) b.header("h1", "v'\"" + r.nextInt(9));
        if (r.nextBoolean()) b.header("Content-Type", "application/json");
        if (r.nextBoolean()) b.stageVariable("s1", "stage'" + r.nextInt(9));
        b.context(ContextValues.builder().put("requestId", "r-" + r.nextInt(99))
                .put("identity.sourceIp", "10.0.0." + r.nextInt(9)).build());
        MappingRequest request = b.build();
        if (validated) {
            try {
                JsonNode tree = JSON.readTree(body);
                if (tree != null && !tree.isMissingNode()) request.offerValidatedJson(tree);
            } catch (Exception notJson) {
                // validation would have refused it; the template then parses the body itself
            }
        }
        return request;
    }

    private static String outcome(CompiledTemplate.Rendering r) {
        if (r.failure() != null) {
            MappingException e = r.failure();
            return "failed " + e.kind() + " " + e.detail() + " @" + e.templateName() + ":" + e.line() + ":" + e.column();
        }
        return "output " + r.result().output() + " overrides " + r.result().overrides();
    }

    /** Counts of one comparison run. */
    private static final class Tally {
        int templates;
        int planned;
        int planRenders;
        int comparisons;
    }

    /** Renders {@code source} with both compilers on {@code requests} generated requests and compares. */
    private static void compare(String source, Random r, int requests, Tally tally) {
        CompiledTemplate expectedTemplate;
        try {
            expectedTemplate = VELOCITY.compile(source, "t");
        } catch (MappingException syntax) {
            return; // both compilers parse alike: nothing to render
        }
        CompiledTemplate planned = PLANNED.compile(source, "t");
        tally.templates++;
        if (planned.planned()) tally.planned++;
        for (int i = 0; i < requests; i++) {
            String body = BODIES[r.nextInt(BODIES.length)];
            long seed = r.nextLong();
            boolean validated = r.nextBoolean();
            String expected = outcome(expectedTemplate.render(request(new Random(seed), body, validated), false));
            String actual = outcome(planned.render(request(new Random(seed), body, validated), false));
            assertThat(actual).as("template %s\nbody %s", source, body).isEqualTo(expected);
            if (planned.planned()) {
                CompiledTemplate.Rendering direct = planned.renderPlan(request(new Random(seed), body, validated));
                if (direct != null) {
                    tally.planRenders++;
                    assertThat(outcome(direct)).as("plan alone, template %s\nbody %s", source, body)
                            .isEqualTo(expected);
                }
            }
            tally.comparisons++;
        }
    }

    @Test
    void everyTemplateCaseRendersTheSameThroughItsPlanAndThroughVelocity() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("template-cases.json")) {
            JSON.readTree(in).forEach(rows::add);
        }
        Tally tally = new Tally();
        Random r = new Random(20261203);
        for (JsonNode row : rows) {
            String source = row.get("template").asText();
            // the row's own request first, then generated ones
            CompiledTemplate expected = VELOCITY.compile(source, "t");
            CompiledTemplate planned = PLANNED.compile(source, "t");
            MappingRequest request = VtlTemplateCasesTest.request(row.get("request"));
            assertThat(outcome(planned.render(VtlTemplateCasesTest.request(row.get("request")), false)))
                    .as(row.get("name").asText())
                    .isEqualTo(outcome(expected.render(request, false)));
            compare(source, r, 20, tally);
        }
        for (String source : DirectMethodsTest.TEMPLATES) compare(source, r, 100, tally);
        for (String source : HAND_WRITTEN) compare(source, r, 100, tally);
        assertThat(tally.planned).as("templates with a plan").isGreaterThan(60);
        assertThat(tally.planRenders).as("renders the plan finished").isGreaterThan(2_000);
    }

    @Test
    void generatedTemplatesRenderTheSameThroughTheirPlanAndThroughVelocity() {
        Tally tally = new Tally();
        Random r = new Random(17);
        for (int t = 0; t < 3_000; t++) compare(generate(r, 0), r, 8, tally);
        assertThat(tally.templates).isGreaterThan(2_500);
        assertThat(tally.planned).as("generated templates with a plan").isGreaterThan(2_000);
        assertThat(tally.planRenders).as("renders the plan finished").isGreaterThan(10_000);
    }

    @Test
    void theOrdersTemplateAndTheAwsPassthroughFormsHaveAPlan() {
        assertThat(PLANNED.compile(MethodFilterBenchmarks.TEMPLATE, "orders").planned()).isTrue();
        assertThat(PLANNED.compile("#set($allParams = $input.params())\n{\n\"body-json\" : $input.json('$'),\n"
                + "\"params\" : {\n#foreach($type in $allParams.keySet())\n    #set($params = $allParams.get($type))\n"
                + "\"$type\" : {\n    #foreach($paramName in $params.keySet())\n"
                + "    \"$paramName\" : \"$util.escapeJavaScript($params.get($paramName))\"\n"
                + "        #if($foreach.hasNext),#end\n    #end\n}\n    #if($foreach.hasNext),#end\n#end\n}\n}",
                "passthrough").planned()).isTrue();
        // forms the plan does not do: Velocity renders them
        assertThat(PLANNED.compile("#set($a = 1)$a", "t").planned()).isFalse();
        assertThat(PLANNED.compile("#if($a == 'x')y#end", "t").planned()).isFalse();
        assertThat(PLANNED.compile("\\$a", "t").planned()).isFalse();
        assertThat(PLANNED.compile("#foreach($i in $l)$i#else none#end", "t").planned()).isFalse();
    }

    @Test
    void aRenderThePlanGivesUpOnIsRenderedByVelocity() {
        // a String receiver for a call: the plan gives up; Velocity's SafeStringMethods answer
        CompiledTemplate t = PLANNED.compile("#set($s = $input.path('$.a'))$s.length()", "t");
        assertThat(t.planned()).isTrue();
        MappingRequest request = MappingRequest.builder().body("{\"a\":\"four\"}").build();
        assertThat(t.renderPlan(request)).isNull();
        assertThat(t.render(MappingRequest.builder().body("{\"a\":\"four\"}").build()).output()).isEqualTo("4");
    }
}

package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectMethods} must change nothing but the cost: every template here renders to the same text, or fails
 * with the same kind, message and position, whether {@code $input}, {@code $util} and map methods are called
 * directly or by reflection (a compiler with direct calls off), on many generated requests: JSON, broken JSON and
 * text bodies, with and without validation's parsed body, and varied parameters.
 */
class DirectMethodsTest {

    private static final TemplateCompiler DIRECT = new TemplateCompiler(SandboxLimits.DEFAULT, true);
    private static final TemplateCompiler REFLECTIVE = new TemplateCompiler(SandboxLimits.DEFAULT, false);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> TEMPLATES = List.of(
            "$input.path('$.a')|$input.json('$.a')|$input.path('$.b.c')|$input.json('$')|$input.params()"
                    + "|$input.params('h1')|$input.params('q')|$input.params('p')|$input.params('nope')",
            "#set($p = $input.path('$'))$p.size() $p.isEmpty() $p.containsKey('a') $p.get('a') $p.keySet() $p.values()"
                    + " $p.entrySet() $p.get('b').get('c')",
            "#set($all = $input.params())#foreach($t in $all.keySet())$t={#foreach($k in $all.get($t).keySet())"
                    + "$k:$util.escapeJavaScript($all.get($t).get($k))#if($foreach.hasNext),#end#end}#end",
            "$util.escapeJavaScript($input.body)|$util.urlEncode($input.body)|$util.base64Encode($input.body)",
            "$util.base64Decode($input.path('$.a'))",
            "$util.urlDecode($input.path('$.a'))",
            "$util.parseJson($input.path('$.s')).get('x')|$util.parseJson($input.json('$.b'))",
            "$input.json('$.b.c')$input.path('$.b.c[1]')$input.path('$[')",
            "#set($m = {'k': 'v', 'n': 1})$m.get('k') $m.size() $m.keySet() $m.containsKey('x') $m.get($input.path('$.a'))",
            "$context.get('requestId') $context.keySet() $context.get('identity').get('sourceIp')"
                    + " $input.params().get('header')",
            "#set($x = $input.path('$.b'))#set($y = $x.put('z', 1))$input.json('$.b')|$x.get('z')");

    private static final String[] BODIES = {"{\"a\":\"x%2By=\",\"b\":{\"c\":[1,2.5,\"t\"]},\"s\":\"{\\\"x\\\":1}\"}",
        "{\"a\":\"aGVsbG8=\",\"s\":\"not json {\",\"b\":{}}", "{\"a\":\"%zz\",\"b\":null}", "[1,2,{\"a\":3}]",
        "plain text", "", "{\"a\":", "{\"items\":[{\"x\":1}],\"a\":null,\"b\":{\"c\":\"/\\u00e9\\n\"}}",
        "{\"a\":\"it's \\\"q\\\" </x>\",\"b\":{\"c\":{\"d\":true}},\"s\":\"[1]\"}", "\"text\"", "42",
        "{\"a\":12345678901234567890123,\"b\":{\"c\":-0.0}}"};

    private static String outcome(CompiledTemplate template, MappingRequest request) {
        try {
            return template.render(request).output();
        } catch (MappingException e) {
            return "failed " + e.kind() + " " + e.detail() + " @" + e.templateName() + ":" + e.line() + ":" + e.column();
        }
    }

    private static MappingRequest request(Random r, String body, boolean validated) {
        MappingRequest.Builder b = MappingRequest.builder().body(body);
        if (r.nextBoolean()) b.pathParameter("p", "path-" + r.nextInt(9));
        if (r.nextBoolean()) b.queryParameter("q", "a b&" + r.nextInt(9));
        if (r.nextBoolean()) b.queryParameter("q", "second");
        if (r.nextBoolean()) b.header("h1", "v'\"" + r.nextInt(9));
        if (r.nextBoolean()) b.header("Content-Type", "application/json");
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

    @Test
    void everyTemplateRendersTheSameWithDirectAndWithReflectiveCalls() {
        Random r = new Random(20261203);
        int rendered = 0;
        int failed = 0;
        for (int t = 0; t < TEMPLATES.size(); t++) {
            CompiledTemplate direct = DIRECT.compile(TEMPLATES.get(t), "t" + t);
            CompiledTemplate reflective = REFLECTIVE.compile(TEMPLATES.get(t), "t" + t);
            for (int i = 0; i < 300; i++) {
                String body = BODIES[r.nextInt(BODIES.length)];
                long seed = r.nextLong();
                boolean validated = r.nextBoolean();
                String expected = outcome(reflective, request(new Random(seed), body, validated));
                String actual = outcome(direct, request(new Random(seed), body, validated));
                assertThat(actual).as("template %d, body %s", t, body).isEqualTo(expected);
                if (expected.startsWith("failed ")) failed++;
                else rendered++;
            }
        }
        // both outcomes must have been compared often: renders and failures (bad Base64, bad payloads, bad paths)
        assertThat(rendered).isGreaterThan(1_000);
        assertThat(failed).isGreaterThan(300);
    }

    @Test
    void theMethodsTemplatesCallMostAreCalledDirectlyAndOthersByReflection() {
        CompiledTemplate template = DIRECT.compile("$input.path('$.a')$util.escapeJavaScript('x')#set($m = {})"
                + "$m.get('k')$m.put('k', 1)", "t");
        template.render(MappingRequest.builder().body("{\"a\":1}").build());
        // the template's introspection cache holds what each call site was resolved to
        java.util.Map<String, String> kinds = new java.util.TreeMap<>();
        try {
            java.lang.reflect.Field f = CompiledTemplate.class.getDeclaredField("introspection");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            java.util.Map<Object, org.apache.velocity.util.introspection.IntrospectionCacheData> cache =
                    (java.util.Map<Object, org.apache.velocity.util.introspection.IntrospectionCacheData>) f.get(template);
            for (var e : cache.values()) {
                if (e.thingy instanceof org.apache.velocity.util.introspection.VelMethod m) {
                    kinds.put(m.getMethodName(), m.toString().contains("Direct[") ? "direct" : "reflective");
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        assertThat(kinds).containsEntry("path", "direct").containsEntry("escapeJavaScript", "direct")
                .containsEntry("get", "direct").containsEntry("put", "reflective");
    }
}

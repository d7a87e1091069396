package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-request shortcuts of the mapping package give what the eager code gave: the data plane's lazy method
 * request equals one built eagerly from the same request; a template's renders share Velocity's introspection
 * cache without changing any output; templates that never name {@code $context} render as before.
 */
class MappingRequestLazinessTest {

    private static final TemplateCompiler COMPILER = new TemplateCompiler();

    private static GatewayRequest request() {
        Headers headers = Headers.builder().add("Host", "api.example.com").add("content-type", "application/json")
                .add("X-Multi", "a").add("x-multi", "b").add("User-Agent", "curl/8.5").add("x-api-key", "k1")
                .add("X-API-Key", "k2").add("accept", "*/*").add("Zeta", "z").add("alpha", "1").build();
        return GatewayRequest.of("POST", "/prod/pets/42?b=2&a=1&b=3&empty=&caf%C3%A9=%C3%A9", headers,
                "{\"name\":\"Rex\",\"tags\":[\"a\",\"b\"],\"n\":1.5}".getBytes(StandardCharsets.UTF_8));
    }

    private static RequestContext context(Instant time) {
        RequestContext ctx = RequestContext.create("req-1", "ext-1", time, GatewayEventListener.NONE);
        ctx.put(ContextKeys.API_ID, "api1");
        ctx.put(ContextKeys.STAGE, "prod");
        ctx.put(ContextKeys.DEPLOYMENT_ID, "dep1");
        ctx.put(ContextKeys.RESOURCE_ID, "res1");
        ctx.put(ContextKeys.RESOURCE_PATH, "/pets/{id}");
        ctx.put(ContextKeys.HTTP_METHOD, "POST");
        ctx.put(ContextKeys.PATH, "/prod/pets/42");
        ctx.put(ContextKeys.SOURCE_IP, "10.1.2.3");
        ctx.put(ContextKeys.DOMAIN_NAME, "api.example.com");
        ctx.put(ContextKeys.DOMAIN_PREFIX, "api");
        Map<String, String> path = new LinkedHashMap<>();
        path.put("id", "42");
        path.put("other", "x");
        ctx.put(ContextKeys.PATH_PARAMETERS, path);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("zeta", "1");
        vars.put("alpha", "2");
        ctx.put(ContextKeys.STAGE_VARIABLES, vars);
        return ctx;
    }

    /** The method request as MappingRequests built it before it became lazy. */
    private static MappingRequest eager(GatewayRequest request, RequestContext ctx, Instant time) {
        MappingRequest.Builder b = MappingRequest.builder()
                .body(new String(request.body(), StandardCharsets.UTF_8))
                .stageVariables(ctx.getOrDefault(ContextKeys.STAGE_VARIABLES, Map.of()));
        ctx.getOrDefault(ContextKeys.PATH_PARAMETERS, Map.<String, String>of()).forEach(b::pathParameter);
        request.query().asMap().forEach((name, values) -> values.forEach(v -> b.queryParameter(name, v)));
        request.headers().forEach(b::header);
        ContextValues.Builder c = ContextValues.builder();
        c.put("requestId", "req-1").put("extendedRequestId", "ext-1").put("apiId", "api1").put("stage", "prod")
                .put("deploymentId", "dep1").put("resourceId", "res1").put("resourcePath", "/pets/{id}")
                .put("httpMethod", "POST").put("path", "/prod/pets/42").put("protocol", "HTTP/1.1")
                .put("domainName", "api.example.com").put("domainPrefix", "api")
                .put("requestTime", DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
                        .withZone(ZoneOffset.UTC).format(time))
                .put("requestTimeEpoch", time.toEpochMilli()).put("accountId", "123456789012")
                .put("identity.sourceIp", "10.1.2.3").put("identity.userAgent", "curl/8.5")
                .put("identity.apiKey", "k2");
        return b.context(c.build()).build();
    }

    @Test
    void theLazyMethodRequestEqualsTheEagerOnePartByPart() {
        Instant time = Instant.parse("2026-11-25T10:15:30.123Z");
        GatewayRequest request = request();
        RequestContext ctx = context(time);
        MappingRequest lazy = MappingRequests.of(request, ctx);
        MappingRequest eager = eager(request, ctx, time);
        assertThat(MappingRequests.of(request, ctx)).isSameAs(lazy);
        assertThat(lazy.body()).isEqualTo(eager.body());
        assertThat(lazy.pathParameters()).containsExactlyEntriesOf(eager.pathParameters());
        assertThat(lazy.queryParameters()).containsExactlyEntriesOf(eager.queryParameters());
        assertThat(List.copyOf(lazy.headers().keySet())).isEqualTo(List.copyOf(eager.headers().keySet()));
        assertThat(lazy.headers()).containsExactlyEntriesOf(eager.headers());
        assertThat(lazy.header("X-MULTI")).isEqualTo("b");
        assertThat(lazy.stageVariables()).containsExactlyEntriesOf(eager.stageVariables());
        assertThat(lazy.context().asMap()).isEqualTo(eager.context().asMap());
        assertThat(lazy.context().asMap().toString()).isEqualTo(eager.context().asMap().toString());
        assertThat(lazy.context().mutableCopy().toString()).isEqualTo(eager.context().mutableCopy().toString());
        assertThat(lazy.context().get("identity.apiKey")).isEqualTo("k2");
        assertThat(lazy.context().get("requestTime")).isEqualTo("25/Nov/2026:10:15:30 +0000");
        // every template sees the same thing
        String template = "$input.body|$input.params()|$input.params('b')|$stageVariables|$context|"
                + "#foreach($k in $context.keySet())$k=$context.get($k);#end|$input.json('$.tags')";
        CompiledTemplate compiled = COMPILER.compile(template, "t");
        assertThat(compiled.render(lazy).output()).isEqualTo(compiled.render(eager).output());
        // the response leg's copy shares the parts and swaps the body only
        MappingRequest response = lazy.withBody("{\"x\":1}");
        assertThat(response.body()).isEqualTo("{\"x\":1}");
        assertThat(response.headers()).isSameAs(lazy.headers());
        assertThat(response.context()).isSameAs(lazy.context());
    }

    @Test
    void requestTimeIsFormattedPerSecond() {
        Instant a = Instant.parse("2026-11-25T23:59:59.001Z");
        Instant b = Instant.parse("2026-11-25T23:59:59.999Z");
        Instant c = Instant.parse("2026-11-26T00:00:00.000Z");
        assertThat(MappingRequests.requestTime(a)).isEqualTo("25/Nov/2026:23:59:59 +0000");
        assertThat(MappingRequests.requestTime(b)).isEqualTo("25/Nov/2026:23:59:59 +0000");
        assertThat(MappingRequests.requestTime(c)).isEqualTo("26/Nov/2026:00:00:00 +0000");
        assertThat(MappingRequests.requestTime(a)).isEqualTo("25/Nov/2026:23:59:59 +0000");
    }

    @Test
    void dottedKeysKeepTheirSplitSemantics() {
        ContextValues c = ContextValues.builder().put("a.b.c", "1").put("a.d", 2).put("e", true).put("f..g", "x")
                .put("h.", "y").put("a.b.c", null).build();
        assertThat(c.asMap().toString()).isEqualTo("{a={b={}, d=2}, e=true, f={={g=x}}, h={=y}}");
        assertThat(c.get("a.d")).isEqualTo(2);
        assertThat(c.get("f..g")).isEqualTo("x");
        assertThat(c.get("h.")).isEqualTo("y");
        assertThat(c.get("e.x")).isNull();
        assertThat(c.get("missing.x")).isNull();
    }

    @Test
    void everyTemplateCaseRendersTheSameOnEveryRenderOfOneCompiledTemplate() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("template-cases.json")) {
            new ObjectMapper().readTree(in).forEach(rows::add);
        }
        List<CompiledTemplate> compiled = new ArrayList<>();
        List<String> first = new ArrayList<>();
        for (JsonNode row : rows) {
            CompiledTemplate t = COMPILER.compile(row.get("template").asText(), row.get("name").asText());
            compiled.add(t);
            first.add(outcome(t, VtlTemplateCasesTest.request(row.get("request"))));
        }
        for (int round = 0; round < 2; round++) { // later renders hit the shared introspection cache
            for (int i = rows.size() - 1; i >= 0; i--) {
                assertThat(outcome(compiled.get(i), VtlTemplateCasesTest.request(rows.get(i).get("request"))))
                        .as(rows.get(i).get("name").asText()).isEqualTo(first.get(i));
            }
        }
    }

    private static String outcome(CompiledTemplate t, MappingRequest request) {
        try {
            RenderResult r = t.render(request);
            return "OK " + r.output() + " " + r.overrides();
        } catch (MappingException e) {
            return "ERR " + e.kind() + " " + e.getMessage();
        }
    }

    @Test
    void oneTemplateRendersBodiesOfChangingShapesAsAFreshCompileWould() {
        String source = "$input.path('$.x') $input.path('$.x').size() $input.json('$.x') "
                + "#foreach($v in $input.path('$.x'))[$v]#end $input.path('$.x').get(0) $input.path('$.x').length()";
        CompiledTemplate shared = COMPILER.compile(source, "shared");
        String[] bodies = {"{\"x\":{\"a\":1}}", "{\"x\":[1,2]}", "{\"x\":\"text\"}", "{\"x\":3}", "{\"x\":[\"s\"]}",
                "{}", "{\"x\":{\"a\":1}}", "plain text"};
        for (int round = 0; round < 2; round++) {
            for (String body : bodies) {
                MappingRequest request = MappingRequest.builder().body(body).build();
                assertThat(outcome(shared, request)).as(body)
                        .isEqualTo(outcome(COMPILER.compile(source, "shared"), request));
            }
        }
    }

    @Test
    void aRefusedCallStaysRefusedOnLaterRenders() {
        CompiledTemplate t = COMPILER.compile("#if($input.path('$.a') == 1)ok#else$input.path('$.s').getClass()#end",
                "hostile");
        for (int i = 0; i < 3; i++) {
            assertThat(t.render(MappingRequest.builder().body("{\"a\":1}").build()).output()).isEqualTo("ok");
            MappingException e = catchThrowableOfType(MappingException.class,
                    () -> t.render(MappingRequest.builder().body("{\"a\":2,\"s\":\"x\"}").build()));
            assertThat(e.kind()).isEqualTo(MappingException.Kind.SANDBOX_VIOLATION);
        }
    }

    @Test
    void aTemplateThatNeverNamesContextSetsNoOverridesAndOneThatDoesStillDoes() {
        MappingRequest request = MappingRequest.builder().body("{\"a\":1}")
                .context(ContextValues.builder().put("requestId", "r1").build()).build();
        RenderResult plain = COMPILER.compile("{\"a\":$input.path('$.a')}", "plain").render(request);
        assertThat(plain.output()).isEqualTo("{\"a\":1}");
        assertThat(plain.overrides()).isEqualTo(ContextOverrides.NONE);
        RenderResult withContext = COMPILER.compile("#set($context.responseOverride.status = 201)$context.requestId",
                "ctx").render(request);
        assertThat(withContext.output()).isEqualTo("r1");
        assertThat(withContext.overrides().status()).isEqualTo(201);
        // the playground always shows $context
        Playground.Result traced = new Playground(COMPILER).render("$input.path('$.a')", request);
        assertThat(traced.context()).containsEntry("requestId", "r1");
    }
}

package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.PassthroughBehavior;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template selection (aws-reference §3.1, §4), parameter mappings (§3.2), overrides and the playground. */
class VtlSelectionAndParametersTest {

    private static final Map<String, String> JSON_AND_XML = Map.of("application/json", "J", "application/xml", "X");

    @Test
    void requestTemplateIsChosenByMimeTypeOnly() {
        var d = TemplateSelector.forRequest(JSON_AND_XML, PassthroughBehavior.NEVER, "Application/XML; charset=UTF-8");
        assertThat(d).isEqualTo(new TemplateSelector.RequestDecision.Render<>("application/xml", "X"));
    }

    @Test
    void aMissingContentTypeMeansApplicationJson() {
        assertThat(TemplateSelector.forRequest(JSON_AND_XML, PassthroughBehavior.NEVER, null))
                .isEqualTo(new TemplateSelector.RequestDecision.Render<>("application/json", "J"));
    }

    @Test
    void theDefaultKeyCatchesUnmatchedTypes() {
        var d = TemplateSelector.forRequest(Map.of("$default", "D"), PassthroughBehavior.NEVER, "text/plain");
        assertThat(d).isEqualTo(new TemplateSelector.RequestDecision.Render<>("$default", "D"));
    }

    @Test
    void passthroughBehavioursDecideUnmatchedBodies() {
        assertThat(TemplateSelector.forRequest(JSON_AND_XML, PassthroughBehavior.WHEN_NO_MATCH, "text/plain"))
                .isInstanceOf(TemplateSelector.RequestDecision.PassThrough.class);
        assertThat(TemplateSelector.forRequest(JSON_AND_XML, PassthroughBehavior.WHEN_NO_TEMPLATES, "text/plain"))
                .isInstanceOf(TemplateSelector.RequestDecision.Reject.class);
        assertThat(TemplateSelector.forRequest(Map.of(), PassthroughBehavior.WHEN_NO_TEMPLATES, "text/plain"))
                .isInstanceOf(TemplateSelector.RequestDecision.PassThrough.class);
        assertThat(TemplateSelector.forRequest(JSON_AND_XML, PassthroughBehavior.NEVER, "text/plain"))
                .isInstanceOf(TemplateSelector.RequestDecision.Reject.class);
        assertThat(TemplateSelector.forRequest(Map.of(), PassthroughBehavior.NEVER, null))
                .isInstanceOf(TemplateSelector.RequestDecision.Reject.class);
    }

    @Test
    void responseTemplateFollowsAcceptThenJsonThenTheFirstDefined() {
        assertThat(TemplateSelector.forResponse(JSON_AND_XML, "application/xml;q=0.9").orElseThrow().getValue()).isEqualTo("X");
        assertThat(TemplateSelector.forResponse(JSON_AND_XML, "text/html, application/xml").orElseThrow().getValue()).isEqualTo("X");
        assertThat(TemplateSelector.forResponse(JSON_AND_XML, null).orElseThrow().getValue()).isEqualTo("J");
        assertThat(TemplateSelector.forResponse(JSON_AND_XML, "*/*").orElseThrow().getValue()).isEqualTo("J");
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("text/plain", "T");
        ordered.put("application/xml", "X");
        assertThat(TemplateSelector.forResponse(ordered, "image/png").orElseThrow().getValue()).isEqualTo("T");
        assertThat(TemplateSelector.forResponse(Map.of(), "application/json")).isEmpty();
    }

    private static final MappingRequest REQUEST = MappingRequest.builder()
            .body("{\"pet\":{\"name\":\"Rex\",\"tags\":[\"a\"]}}")
            .pathParameter("id", "42").queryParameter("q", "1").queryParameter("q", "2")
            .header("X-Trace", "t").header("x-multi", "a").header("X-Multi", "b")
            .stageVariable("env", "dev")
            .context(ContextValues.builder().put("requestId", "r1").put("identity.sourceIp", "10.0.0.1").build())
            .build();

    @Test
    void requestParametersMapEverySourceKind() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("integration.request.path.petId", "method.request.path.id");
        params.put("integration.request.querystring.last", "method.request.querystring.q");
        params.put("integration.request.querystring.all", "method.request.multivaluequerystring.q");
        params.put("integration.request.header.X-From", "method.request.header.x-trace");
        params.put("integration.request.header.X-All", "method.request.multivalueheader.X-Multi");
        params.put("integration.request.header.X-Name", "method.request.body.pet.name");
        params.put("integration.request.header.X-Tags", "method.request.body.pet.tags");
        params.put("integration.request.header.X-Body", "method.request.body");
        params.put("integration.request.header.X-Env", "stageVariables.env");
        params.put("integration.request.header.X-Ip", "context.identity.sourceIp");
        params.put("integration.request.header.X-Static", "'static value'");
        params.put("integration.request.header.X-None", "method.request.header.absent");

        ParameterMapper.MappedRequest mapped = ParameterMapper.forRequest(params, IntegrationType.HTTP).mapRequest(REQUEST);

        assertThat(mapped.path()).containsExactly(Map.entry("petId", "42"));
        assertThat(mapped.querystring()).containsEntry("last", List.of("2")).containsEntry("all", List.of("1", "2"));
        assertThat(mapped.headers()).containsEntry("X-From", List.of("t")).containsEntry("X-All", List.of("a", "b"))
                .containsEntry("X-Name", List.of("Rex")).containsEntry("X-Tags", List.of("[\"a\"]"))
                .containsEntry("X-Body", List.of(REQUEST.body())).containsEntry("X-Env", List.of("dev"))
                .containsEntry("X-Ip", List.of("10.0.0.1")).containsEntry("X-Static", List.of("static value"))
                .doesNotContainKey("X-None");
    }

    @Test
    void mappingOntoAReservedHeaderFailsEachRequestAsAConfigurationError() {
        ParameterMapper mapper = ParameterMapper.forRequest(
                Map.of("integration.request.header.Content-Length", "'5'"), IntegrationType.HTTP);

        assertThatThrownBy(() -> mapper.mapRequest(REQUEST)).isInstanceOfSatisfying(MappingException.class, e -> {
            assertThat(e.kind()).isEqualTo(MappingException.Kind.CONFIGURATION);
            assertThat(e.clientStatus()).isEqualTo(500);
            assertThat(e.logLine()).startsWith("Execution failed due to configuration error:").contains("Content-Length");
        });
    }

    @Test
    void authorizationMayBeMappedForHttpButNotForAwsIntegrations() {
        Map<String, String> params = Map.of("integration.request.header.Authorization", "'Bearer x'");
        assertThat(ParameterMapper.forRequest(params, IntegrationType.HTTP).mapRequest(REQUEST).headers())
                .containsEntry("Authorization", List.of("Bearer x"));
        assertThatThrownBy(() -> ParameterMapper.forRequest(params, IntegrationType.AWS).mapRequest(REQUEST))
                .isInstanceOf(MappingException.class);
    }

    @Test
    void anUnknownExpressionIsRefusedAtCompileTime() {
        assertThatThrownBy(() -> ParameterMapper.forRequest(Map.of("integration.request.header.X", "method.nope.x"),
                IntegrationType.HTTP)).isInstanceOf(MappingException.class).hasMessageContaining("method.nope.x");
        assertThatThrownBy(() -> ParameterMapper.forRequest(Map.of("integration.request.header.X",
                "integration.response.body"), IntegrationType.HTTP)).isInstanceOf(MappingException.class);
    }

    @Test
    void responseParametersReadTheIntegrationResponseAndRemapReservedNames() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method.response.header.X-Backend", "integration.response.header.x-backend");
        params.put("method.response.header.X-Id", "integration.response.body.id");
        params.put("method.response.header.Authorization", "'secret'");
        params.put("method.response.header.Date", "'today'");
        params.put("method.response.header.Access-Control-Allow-Origin", "'*'");
        IntegrationResponseData response = new IntegrationResponseData(Map.of("X-Backend", List.of("b1")), "{\"id\":7}");

        Map<String, List<String>> headers = ParameterMapper.forResponse(params, IntegrationType.HTTP)
                .mapResponse(REQUEST, response);

        assertThat(headers).containsEntry("X-Backend", List.of("b1")).containsEntry("X-Id", List.of("7"))
                .containsEntry("x-amzn-Remapped-Authorization", List.of("secret"))
                .containsEntry("x-amzn-Remapped-Date", List.of("today"))
                .containsEntry("Access-Control-Allow-Origin", List.of("*"))
                .doesNotContainKey("Authorization");
    }

    @Test
    void proxyIntegrationsOnlyRemapTheCommonHeaders() {
        Map<String, List<String>> out = ParameterMapper.remapResponseHeaders(
                Map.of("Authorization", List.of("a"), "Server", List.of("s")), IntegrationType.HTTP_PROXY);
        assertThat(out).containsKeys("Authorization", "x-amzn-Remapped-Server");
    }

    @Test
    void overridesSetByATemplateAreReported() {
        String template = "#set($context.responseOverride.status = 418)"
                + "#set($context.responseOverride.header.X-Teapot = 'yes')"
                + "#set($context.requestOverride.header.X-Up = 'u')"
                + "#set($context.requestOverride.querystring.q = 'v')"
                + "#set($context.requestOverride.path.id = 'p')ok";

        RenderResult r = new TemplateCompiler().compile(template, "o").render(REQUEST);

        assertThat(r.output()).isEqualTo("ok");
        assertThat(r.overrides().status()).isEqualTo(418);
        assertThat(r.overrides().responseHeaders()).containsEntry("X-Teapot", "yes");
        assertThat(r.overrides().requestHeaders()).containsEntry("X-Up", "u");
        assertThat(r.overrides().requestQuery()).containsEntry("q", "v");
        assertThat(r.overrides().requestPath()).containsEntry("id", "p");
    }

    @Test
    void aStatusOverrideOutside100To599IsIgnored() {
        RenderResult r = new TemplateCompiler().compile("#set($context.responseOverride.status = 700)", "o").render(REQUEST);
        assertThat(r.overrides().status()).isNull();
    }

    @Test
    void overridesDoNotLeakIntoTheNextRender() {
        CompiledTemplate t = new TemplateCompiler().compile(
                "$context.responseOverride.status#set($context.responseOverride.status = 500)", "leak");
        t.render(REQUEST);
        assertThat(t.render(REQUEST).output()).isEmpty();
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        assertThatThrownBy(() -> new TemplateCompiler().compile("ok\n#if($x\n", "broken"))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MappingException.Kind.SYNTAX);
                    assertThat(e.line()).isGreaterThanOrEqualTo(2);
                    assertThat(e.column()).isPositive();
                });
    }

    @Test
    void playgroundReportsOutputResolvedValuesAndErrors() {
        Playground playground = new Playground(new TemplateCompiler());

        Playground.Result ok = playground.render("$input.params('id') $stageVariables.env $context.requestId", REQUEST);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.output()).isEqualTo("42 dev r1");
        assertThat(ok.references()).extracting(Map.Entry::getKey)
                .containsExactly("$input.params('id')", "$stageVariables.env", "$context.requestId");
        assertThat(ok.input()).containsKey("params");
        assertThat(ok.context()).containsEntry("requestId", "r1");
        assertThat(ok.stageVariables()).containsEntry("env", "dev");

        Playground.Result bad = playground.render("line1\n$input.path('$').getClass()", REQUEST);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.error().line()).isEqualTo(2);

        Playground.Result syntax = playground.render("#foreach(", REQUEST);
        assertThat(syntax.error().kind()).isEqualTo(MappingException.Kind.SYNTAX);
    }
}

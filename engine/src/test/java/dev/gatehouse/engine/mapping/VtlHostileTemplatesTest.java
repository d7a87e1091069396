package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Escape attempts and resource bombs: each is refused with a clear MappingException and the engine keeps serving. */
class VtlHostileTemplatesTest {

    private static final SandboxLimits FAST = SandboxLimits.DEFAULT.withRenderTimeout(Duration.ofMillis(300));
    private static final TemplateCompiler COMPILER = new TemplateCompiler(FAST);
    private static final MappingRequest REQUEST = MappingRequest.builder().body("{\"a\":\"b\",\"l\":[1,2]}")
            .header("Accept", "application/json").stageVariable("env", "dev")
            .context(ContextValues.builder().put("requestId", "r1").build()).build();

    static Stream<Arguments> hostileTemplates() {
        MappingException.Kind sandbox = MappingException.Kind.SANDBOX_VIOLATION;
        MappingException.Kind limit = MappingException.Kind.LIMIT_EXCEEDED;
        return Stream.of(
                Arguments.of("$input.getClass()", sandbox, "getClass"),
                Arguments.of("$input.class", sandbox, "class"),
                Arguments.of("$context.class", sandbox, "class"),
                Arguments.of("$util.getClass().forName('java.lang.Runtime')", sandbox, "getClass"),
                Arguments.of("$input.body.getClass().forName('java.lang.Runtime').getRuntime().exec('id')", sandbox, "getClass"),
                Arguments.of("#set($c = $input.path('$').getClass())$c", sandbox, "getClass"),
                Arguments.of("$input.path('$').getClass().getClassLoader()", sandbox, "getClass"),
                Arguments.of("#set($s = '')$s.class.forName('java.lang.Runtime')", sandbox, "class"),
                Arguments.of("$stageVariables.getClass()", sandbox, "getClass"),
                Arguments.of("$input.params().getClass().getDeclaredMethods()", sandbox, "getClass"),
                Arguments.of("$util.class.classLoader", sandbox, "class"),
                Arguments.of("$util.parseJson('{}').getClass()", sandbox, "getClass"),
                Arguments.of("#set($m = {})$m.getClass().getMethods()", sandbox, "getClass"),
                Arguments.of("#foreach($i in [1..2])$foreach.getClass()#end", sandbox, "getClass"),
                Arguments.of("$input.wait()", sandbox, "wait"),
                Arguments.of("$input.body.chars().iterator()", sandbox, "not allowed"),
                Arguments.of("#set($f = '%0999999999d')$f.format($f, 1)", sandbox, "format"),
                Arguments.of("#set($f = '%0999999999d')$f.formatted(1)", sandbox, "formatted"),
                Arguments.of("#parse('/etc/passwd')", sandbox, "#parse"),
                Arguments.of("#include('/etc/passwd')", sandbox, "#include"),
                Arguments.of("#evaluate('$input.getClass()')", sandbox, "#evaluate"),
                Arguments.of("#set($context.responseOverride.class = 1)#set($input.body = 'x')", sandbox, "set"),
                Arguments.of("#foreach($i in [1..1001])#end", limit, "1000 iterations|time limit"),
                Arguments.of("#foreach($i in [1..2000000000])#end", limit, "Range|time limit"),
                Arguments.of("#set($x = [0..100000000])", limit, "Range|time limit"),
                Arguments.of("#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end",
                        limit, "time limit"),
                Arguments.of("#set($s = 'ab')#foreach($i in [1..60])#set($s = \"$s$s\")#end$s.length()", limit, "inserted|time limit"),
                Arguments.of("#set($s = 'ab')#foreach($i in [1..60])#set($s = $s.concat($s))#end", limit, "string|time limit"),
                Arguments.of("#set($s = 'ab')$s.repeat(1000000000)", limit, "repeat|time limit"),
                Arguments.of("#set($s = 'abcdefghij')#foreach($i in [1..10])#set($s = $s.replace('', $s))#end", limit, "replace|time limit"),
                Arguments.of("#set($l = ['a'])#foreach($i in [1..40])#set($ok = $l.addAll($l))#end", limit, "collection|time limit"),
                Arguments.of("#set($m = {})#foreach($i in [1..1000])#foreach($j in [1..1000])#set($ok = $m.put(\"$i-$j\", $i))#end#end",
                        limit, "limit|time limit"),
                Arguments.of("#macro(r $n)#r($n)#end#r(1)", limit, "depth|time limit"),
                Arguments.of("#set($x = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')$x.matches('(.*a){20}')", limit, "time limit"),
                Arguments.of("#set($x = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')$x.replaceAll('^(.*a){20}$', 'c')", limit, "time limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTemplates")
    void hostileTemplateIsRefusedWithAClearError(String template, MappingException.Kind kind, String fragment) {
        MappingException e = catchThrowableOfType(MappingException.class,
                () -> COMPILER.compile(template, "hostile").render(REQUEST));

        assertThat(e).as("refused: %s", template).isNotNull();
        assertThat(e.kind()).isEqualTo(kind);
        // "a|b": either refusal is right (a growth bomb may also run into the render deadline on a busy machine)
        assertThat(java.util.Arrays.stream(fragment.split("\\|"))
                .anyMatch(f -> e.detail().toLowerCase().contains(f.toLowerCase())))
                .as("%s contains one of %s", e.detail(), fragment).isTrue();
        assertThat(e.clientStatus()).isEqualTo(500);
        assertThat(e.clientMessage()).isEqualTo("Internal server error");
    }

    @Test
    void outputBeyondTheLimitIsRefused() {
        TemplateCompiler small = new TemplateCompiler(FAST.withMaxOutputChars(1000));
        MappingException e = catchThrowableOfType(MappingException.class, () -> small
                .compile("#foreach($i in [1..1000])0123456789#end", "big").render(REQUEST));

        assertThat(e.kind()).isEqualTo(MappingException.Kind.LIMIT_EXCEEDED);
        assertThat(e.detail()).contains("output exceeded");
    }

    @Test
    void sandboxViolationsCarryTheTemplatePosition() {
        MappingException e = catchThrowableOfType(MappingException.class,
                () -> COMPILER.compile("line one\n  $input.body.getClass()", "pos").render(REQUEST));

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isGreaterThan(1);
        assertThat(e.logLine()).startsWith("Execution failed due to configuration error: ").contains("line 2");
    }

    @Test
    void aRecursiveDefineStopsWithoutHarm() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> COMPILER.compile("#define($a)x$a#end$a", "define").render(REQUEST));

        assertThat(t == null || t instanceof MappingException).isTrue();
    }

    @Test
    void macrosOfOneTemplateDoNotLeakIntoAnother() {
        COMPILER.compile("#macro(leak)LEAKED#end", "first").render(REQUEST);

        String out = COMPILER.compile("#leak()", "second").render(REQUEST).output();

        assertThat(out).isEqualTo("#leak()");
    }

    @AfterAll
    static void theEngineIsUnharmedAndStillServing() throws Exception {
        CompiledTemplate normal = COMPILER.compile("{\"a\":\"$input.path('$.a')\",\"n\":$input.path('$.l').size(),"
                + "\"env\":\"$stageVariables.env\",\"id\":\"$context.requestId\"}", "normal");
        Thread other = Thread.ofVirtual().start(() -> normal.render(REQUEST));
        assertThat(normal.render(REQUEST).output()).isEqualTo("{\"a\":\"b\",\"n\":2,\"env\":\"dev\",\"id\":\"r1\"}");
        other.join();
    }
}

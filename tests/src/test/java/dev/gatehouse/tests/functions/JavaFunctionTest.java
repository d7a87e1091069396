package dev.gatehouse.tests.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiDefinition;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code java} runtime: a handler implementing aws-lambda-java-core's {@code RequestHandler}, compiled into the
 * function folder, served behind an AWS_PROXY method by AWS's own runtime interface client in a worker JVM. The
 * answer is the handler's proxy response (aws-reference §5.2), the event the payload-1.0 event (§5.1).
 */
class JavaFunctionTest {

    @TempDir Path dir;

    @Test
    void aJavaRequestHandlerServesAProxyMethodThroughAwsRuntimeInterfaceClient() throws Exception {
        try (FunctionWorkspace ws = new FunctionWorkspace(dir)) {
            Path fn = dir.resolve("functions/hello-java");
            Path source = fn.resolve("src/example/Hello.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, """
                    package example;

                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestHandler;
                    import java.util.Map;

                    public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                        @Override
                        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                            Object query = event.get("queryStringParameters");
                            String name = query instanceof Map<?, ?> q && q.get("name") != null ? q.get("name").toString() : "No-Name";
                            return Map.of("statusCode", 200, "body", "Hello, " + name + " from " + context.getFunctionName());
                        }
                    }
                    """);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            String core = Path.of(com.amazonaws.services.lambda.runtime.RequestHandler.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI()).toString();
            int status = javac.run(null, null, null, "-d", fn.toString(), "-cp", core, "--release", "21", source.toString());
            assertThat(status).isZero();
            ws.function("hello-java", """
                    {"runtime": "java21", "handler": "example.Hello::handleRequest", "timeout": 20, "memorySize": 256}
                    """, Map.of());
            ApiDefinition api = ws.createApi(a -> FunctionWorkspace.withMethod(a, "/hello",
                    FunctionWorkspace.proxyMethod("GET", "hello-java")));
            ws.gateway.deploy(api.id(), "prod", null);

            FunctionWorkspace.Answer answer = ws.call(new java.net.URI(ws.gateway.invokeUrl(api.id(), "prod")).getPath()
                    + "/hello?name=Ada");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("Hello, Ada from hello-java");
            assertThat(ws.gateway.functions().logs("hello-java")).anySatisfy(line -> assertThat(line).startsWith("REPORT RequestId:"));
        }
    }
}

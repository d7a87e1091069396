package dev.gatehouse.engine.functions;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The {@code java} runtime: a JVM running AWS's own runtime interface client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}, from {@code aws-lambda-java-runtime-interface-client})
 * against our Runtime API, so a handler behaves as on Lambda. The client and {@code aws-lambda-java-core} come from
 * the engine's own class path (found by the classes they hold, so it works from Maven, the launcher and the
 * installed app alike); the function's code is its folder's classes, its {@code *.jar} and {@code lib/*.jar}.
 */
final class JavaRuntime {

    static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** One class from each jar the client needs: itself, aws-lambda-java-core, aws-lambda-java-serialization. */
    private static final List<String> MARKERS = List.of(
            "com/amazonaws/services/lambda/runtime/api/client/AWSLambda.class",
            "com/amazonaws/services/lambda/runtime/RequestHandler.class",
            "com/amazonaws/services/lambda/runtime/serialization/PojoSerializer.class");

    private JavaRuntime() { }

    static List<String> command(Path functionDir, int memoryMb, String handler) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String dir = functionDir.toAbsolutePath().toString();
        String classpath = String.join(java.io.File.pathSeparator, dir, dir + "/*", dir + "/lib/*",
                String.join(java.io.File.pathSeparator, runtimeJars()));
        // a heap of ~85% of the function's memory, as Lambda sizes it; a quick-starting JIT and collector
        int heap = Math.max(32, memoryMb * 85 / 100);
        return List.of(javaBin, "-Xmx" + heap + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", classpath, MAIN, handler);
    }

    /** @throws IllegalStateException when the runtime interface client is not on the engine's class path */
    static List<String> runtimeJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (String marker : MARKERS) {
            URL url = JavaRuntime.class.getClassLoader().getResource(marker);
            if (url == null) {
                throw new IllegalStateException("the java runtime needs " + marker.replace('/', '.')
                        + " (aws-lambda-java-runtime-interface-client) on the engine's class path");
            }
            jars.add(location(url, marker));
        }
        return new ArrayList<>(jars);
    }

    private static String location(URL url, String marker) {
        try {
            String s = url.toString();
            if (s.startsWith("jar:")) return Path.of(new java.net.URI(s.substring(4, s.indexOf("!/")))).toString();
            String path = Path.of(url.toURI()).toString();
            return path.substring(0, path.length() - marker.length()); // a classes folder (tests, IDE)
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + url, e);
        }
    }

    /**
     * A starter {@code RequestHandler} returning AWS's console template answer, compiled into the folder when a
     * compiler is available (a JDK); its source stays beside it under {@code src/}.
     */
    static void writeStarter(String handler, Path dir) throws IOException {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String method = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        String simple = className.substring(dot + 1);
        Path source = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, (pkg.isEmpty() ? "" : "package " + pkg + ";\n\n") + """
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;

                public class %s implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                    @Override
                    public Map<String, Object> %s(Map<String, Object> event, Context context) {
                        return Map.of("statusCode", 200, "body", "\\"Hello from Lambda!\\"");
                    }
                }
                """.formatted(simple, method), StandardCharsets.UTF_8);
        String errors = compile(source, dir);
        if (errors != null) throw new IllegalStateException("the starter handler did not compile:\n" + errors);
    }

    /**
     * Compiles one handler source into the function folder (classes at its root) against aws-lambda-java-core.
     *
     * @return the compiler's messages when it failed, null when it compiled
     * @throws IllegalStateException when this runtime has no Java compiler
     */
    static String compile(Path source, Path dir) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("wrote " + source + " but this runtime has no Java compiler: compile it into "
                    + dir + " (classes at the folder's root) with aws-lambda-java-core on the class path");
        }
        var errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-d", dir.toString(), "-cp",
                String.join(java.io.File.pathSeparator, runtimeJars()), "--release", "21", source.toString());
        return status == 0 ? null : errors.toString(StandardCharsets.UTF_8);
    }
}

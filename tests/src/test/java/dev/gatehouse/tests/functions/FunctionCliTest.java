package dev.gatehouse.tests.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.cli.GatehouseCli;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse function ...} in-process, with real Node.js and Python workers. */
class FunctionCliTest {

    @TempDir Path dir;

    @BeforeAll
    static void runtimesAreInstalled() {
        FunctionWorkspace.require("node");
        FunctionWorkspace.require("python3");
    }

    @BeforeEach
    void workspace() {
        Workspace.create(dir, "cli").close();
    }

    private record Run(int code, String out) { }

    private Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = GatehouseCli.execute(args);
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void aStarterFunctionIsCreatedListedInvokedAndLogged() throws Exception {
        Path out = dir.resolve("response.json");

        Run created = run("function", "create", "GetHelloWorld", "--runtime", "nodejs", "--handler", "index.handler",
                "-w", dir.toString());
        Run listed = run("function", "list", "-w", dir.toString());
        Run invoked = run("function", "invoke", "GetHelloWorld", out.toString(), "-w", dir.toString());
        Run logs = run("function", "logs", "GetHelloWorld", "-w", dir.toString());

        assertThat(created.code()).isZero();
        assertThat(listed.out()).contains("GetHelloWorld").contains("nodejs").contains("index.handler");
        assertThat(invoked.code()).isZero();
        // what `aws lambda invoke` prints for a successful synchronous call
        assertThat(invoked.out()).isEqualTo("{\n    \"StatusCode\": 200,\n    \"ExecutedVersion\": \"$LATEST\"\n}\n");
        // the starter returns AWS's console template answer, JSON.stringify'd by Node.js
        assertThat(Files.readString(out)).isEqualTo("{\"statusCode\":200,\"body\":\"\\\"Hello from Lambda!\\\"\"}");
        assertThat(logs.out()).contains("START RequestId: ").contains("REPORT RequestId: ");
    }

    @Test
    void aFunctionErrorExitsNonZeroAndReportsUnhandled() throws Exception {
        Path code = Files.createDirectories(dir.resolve("src"));
        Files.writeString(code.resolve("app.py"), "def handler(event, context):\n    raise RuntimeError('no ' + event['what'])\n");
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"what\": \"luck\"}");
        Path out = dir.resolve("out.json");

        run("function", "create", "Failing", "--runtime", "python", "--handler", "app.handler", "--code", code.toString(),
                "-w", dir.toString());
        Run invoked = run("function", "invoke", "Failing", out.toString(), "--event", event.toString(), "-w", dir.toString());

        assertThat(invoked.code()).isEqualTo(1);
        assertThat(invoked.out()).isEqualTo("{\n    \"StatusCode\": 200,\n    \"FunctionError\": \"Unhandled\",\n"
                + "    \"ExecutedVersion\": \"$LATEST\"\n}\n");
        assertThat(Files.readString(out)).contains("\"errorMessage\": \"no luck\"").contains("\"errorType\": \"RuntimeError\"");
    }
}

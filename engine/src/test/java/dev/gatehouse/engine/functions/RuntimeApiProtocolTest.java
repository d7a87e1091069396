package dev.gatehouse.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Runtime API as a runtime sees it, with the test playing the runtime: a {@code provided} bootstrap only
 * writes down {@code AWS_LAMBDA_RUNTIME_API} and its environment and waits, and the test polls and answers.
 * Status codes and headers as AWS's OpenAPI document of the Runtime API (2018-06-01) lists them.
 */
class RuntimeApiProtocolTest {

    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalFunctions functions;

    @AfterEach
    void close() {
        if (functions != null) functions.close();
    }

    private String startWorker() throws Exception {
        Path fn = dir.resolve("functions/manual");
        Files.createDirectories(fn);
        Files.writeString(fn.resolve("function.json"), """
                {"runtime": "provided", "handler": "my.handler", "timeout": 30, "environment": {"COLOUR": "blue"}}
                """);
        Path bootstrap = fn.resolve("bootstrap");
        Files.writeString(bootstrap, "#!/bin/sh\nenv > \"$LAMBDA_TASK_ROOT/env.txt.tmp\"\n"
                + "mv \"$LAMBDA_TASK_ROOT/env.txt.tmp\" \"$LAMBDA_TASK_ROOT/env.txt\"\nexec sleep 60\n");
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        functions = new LocalFunctions(dir, Duration.ofMinutes(5), Duration.ofHours(1));
        return "";
    }

    private Map<String, String> workerEnvironment() throws Exception {
        Path env = dir.resolve("functions/manual/env.txt");
        for (int i = 0; i < 200 && !Files.exists(env); i++) Thread.sleep(25);
        Map<String, String> out = new java.util.HashMap<>();
        for (String line : Files.readAllLines(env)) {
            int eq = line.indexOf('=');
            if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    private HttpResponse<String> get(String api, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + api + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String api, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + api + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRuntimeGetsTheEventWithLambdasHeadersAndItsAnswerIsTheResult() throws Exception {
        startWorker();
        CompletableFuture<InvokeResult> invocation = CompletableFuture.supplyAsync(() ->
                functions.invoke("manual", "{\"k\":1}".getBytes(StandardCharsets.UTF_8), null, null));
        Map<String, String> env = workerEnvironment();
        String api = env.get("AWS_LAMBDA_RUNTIME_API");
        long before = System.currentTimeMillis();

        HttpResponse<String> next = get(api, "/2018-06-01/runtime/invocation/next");
        String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        HttpResponse<String> wrongId = post(api, "/2018-06-01/runtime/invocation/not-the-id/response", "{}");
        HttpResponse<String> answered = post(api, "/2018-06-01/runtime/invocation/" + id + "/response", "{\"ok\":true}");
        InvokeResult result = invocation.get();

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"k\":1}");
        long deadline = Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
        assertThat(deadline - before).isBetween(29_000L, 30_500L);
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .contains("arn:aws:lambda:us-east-1:123456789012:function:manual");
        assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow()).startsWith("Root=1-");
        assertThat(wrongId.statusCode()).isEqualTo(400);
        assertThat(answered.statusCode()).isEqualTo(202);
        assertThat(answered.body()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(result.requestId()).isEqualTo(id);
        assertThat(result.failed()).isFalse();
        assertThat(result.payloadText()).isEqualTo("{\"ok\":true}");
        assertThat(result.log()).startsWith("START RequestId: " + id + " Version: $LATEST\n")
                .contains("END RequestId: " + id + "\n").contains("REPORT RequestId: " + id + "\tDuration: ");
        // Lambda's reserved variables plus the function's own
        assertThat(env).containsEntry("_HANDLER", "my.handler").containsEntry("AWS_LAMBDA_FUNCTION_NAME", "manual")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST").containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
                .containsEntry("AWS_REGION", "us-east-1").containsEntry("AWS_DEFAULT_REGION", "us-east-1")
                .containsEntry("TZ", ":UTC").containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/manual")
                .containsEntry("COLOUR", "blue").containsKey("LAMBDA_RUNTIME_DIR")
                .containsEntry("LAMBDA_TASK_ROOT", dir.resolve("functions/manual").toString());
        assertThat(env.get("AWS_LAMBDA_LOG_STREAM_NAME")).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
    }

    @Test
    void anErrorPostedByTheRuntimeIsAnUnhandledFunctionError() throws Exception {
        startWorker();
        CompletableFuture<InvokeResult> invocation = CompletableFuture.supplyAsync(() ->
                functions.invoke("manual", "{}".getBytes(StandardCharsets.UTF_8), null, null));
        String api = workerEnvironment().get("AWS_LAMBDA_RUNTIME_API");

        String id = get(api, "/2018-06-01/runtime/invocation/next").headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        HttpResponse<String> posted = post(api, "/2018-06-01/runtime/invocation/" + id + "/error",
                "{\"errorMessage\":\"broken\",\"errorType\":\"Error\"}");
        InvokeResult result = invocation.get();

        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.payloadText()).isEqualTo("{\"errorMessage\":\"broken\",\"errorType\":\"Error\"}");
    }

    @Test
    void aResponsePipelinedWithTheNextPollIsAnsweredInOrderOnOneConnection() throws Exception {
        startWorker();
        CompletableFuture<InvokeResult> first = CompletableFuture.supplyAsync(() ->
                functions.invoke("manual", "{\"n\":1}".getBytes(StandardCharsets.UTF_8), null, null));
        String[] api = workerEnvironment().get("AWS_LAMBDA_RUNTIME_API").split(":");
        try (java.net.Socket s = new java.net.Socket(api[0], Integer.parseInt(api[1]))) {
            s.setSoTimeout(10_000);
            var out = s.getOutputStream();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            out.write("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String[] event = readAnswer(in);
            String id = header(event, "Lambda-Runtime-Aws-Request-Id");

            // the answer and the next poll in one write, before the first answer came back (RFC 9112 §9.3.2)
            out.write(("POST /2018-06-01/runtime/invocation/" + id + "/response HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 11\r\n\r\n{\"done\":1}\n"
                    + "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String[] accepted = readAnswer(in);     // sent while the /next behind it still waits for an event
            InvokeResult result = first.get();
            CompletableFuture<InvokeResult> second = CompletableFuture.supplyAsync(() ->
                    functions.invoke("manual", "{\"n\":2}".getBytes(StandardCharsets.UTF_8), null, null));
            String[] nextEvent = readAnswer(in);

            assertThat(event[0]).isEqualTo("HTTP/1.1 200 OK");
            assertThat(accepted[0]).isEqualTo("HTTP/1.1 202 Accepted");
            assertThat(accepted[1]).isEqualTo("{\"status\":\"OK\"}");
            assertThat(result.payloadText()).isEqualTo("{\"done\":1}\n");
            assertThat(nextEvent[0]).isEqualTo("HTTP/1.1 200 OK");
            assertThat(nextEvent[1]).isEqualTo("{\"n\":2}");
            String secondId = header(nextEvent, "Lambda-Runtime-Aws-Request-Id");
            out.write(("POST /2018-06-01/runtime/invocation/" + secondId + "/response HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readAnswer(in)[0]).isEqualTo("HTTP/1.1 202 Accepted");
            assertThat(second.get().payloadText()).isEqualTo("{}");
        }
    }

    @Test
    void aResponseOverSixMegabytesIs413AndTheInvocationFailsAsLambdaReportsIt() throws Exception {
        startWorker();
        CompletableFuture<InvokeResult> invocation = CompletableFuture.supplyAsync(() ->
                functions.invoke("manual", "{}".getBytes(StandardCharsets.UTF_8), null, null));
        String api = workerEnvironment().get("AWS_LAMBDA_RUNTIME_API");
        String id = get(api, "/2018-06-01/runtime/invocation/next").headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        // Lambda's limit on a synchronous response: 6 MB (6,291,456 bytes); one byte more is too large
        HttpResponse<String> posted = post(api, "/2018-06-01/runtime/invocation/" + id + "/response",
                "\"" + "x".repeat(6 * 1024 * 1024 - 1) + "\"");
        InvokeResult result = invocation.get();

        assertThat(posted.statusCode()).isEqualTo(413);
        assertThat(posted.body()).contains("RequestEntityTooLarge");
        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.payloadText()).contains("\"errorType\":\"Function.ResponseSizeTooLarge\"");
    }

    /** Status line, body, then the header lines of one answer with a Content-Length. */
    private static String[] readAnswer(java.io.BufferedReader in) throws Exception {
        java.util.List<String> lines = new java.util.ArrayList<>();
        String status = in.readLine();
        int length = 0;
        for (String h = in.readLine(); !h.isEmpty(); h = in.readLine()) {
            lines.add(h);
            if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Integer.parseInt(h.substring(15).trim());
        }
        char[] body = new char[length];
        for (int n = 0; n < length; ) n += in.read(body, n, length - n);
        lines.add(0, new String(body));
        lines.add(0, status);
        return lines.toArray(String[]::new);
    }

    private static String header(String[] answer, String name) {
        for (int i = 2; i < answer.length; i++) {
            if (answer[i].regionMatches(true, 0, name + ":", 0, name.length() + 1)) return answer[i].substring(name.length() + 1).trim();
        }
        throw new AssertionError("no " + name + " in " + java.util.Arrays.toString(answer));
    }

    @Test
    void unknownPathsAre404() throws Exception {
        startWorker();
        CompletableFuture.runAsync(() -> functions.invoke("manual", "{}".getBytes(StandardCharsets.UTF_8), null,
                Duration.ofMillis(100)));
        String api = workerEnvironment().get("AWS_LAMBDA_RUNTIME_API");

        assertThat(get(api, "/2018-06-01/runtime/nothing").statusCode()).isEqualTo(404);
        assertThat(get(api, "/").statusCode()).isEqualTo(404);
    }

    @Test
    void aRuntimeThatNeverAsksForAnEventIsKilledAtTheInitLimitAndItsInvocationFails() throws Exception {
        startWorker();
        functions.close();
        functions = new LocalFunctions(dir, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMillis(500));

        long start = System.nanoTime();
        InvokeResult result = functions.invoke("manual", "{}".getBytes(StandardCharsets.UTF_8), null, null);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        // as Lambda reports a runtime that died before serving: Runtime.ExitError, here killed (SIGKILL)
        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.payloadText()).contains("\"errorType\":\"Runtime.ExitError\"")
                .contains("Error: Runtime exited with error: signal: killed");
        assertThat(tookMillis).isBetween(400L, 5000L);
        // the report is written by the init-limit timer, which may run just after the invocation failed
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (functions.logs("manual").stream().noneMatch(l -> l.startsWith("INIT_REPORT")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(functions.logs("manual")).anyMatch(l -> l.startsWith("INIT_REPORT Init Duration: 500.00 ms"));
    }
}

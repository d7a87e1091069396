package dev.gatehouse.tests.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.IntegrationResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local functions end to end: real Node.js, Python and shell+curl workers behind AWS_PROXY and AWS methods of a
 * deployed stage, called over real HTTP. Expected values come from aws-reference §5 (AWS's documented event and
 * response contract, LocalStack's AWS-validated snapshots) and Lambda's documented error texts, or by hand.
 */
class FunctionsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private FunctionWorkspace ws;

    @BeforeAll
    static void runtimesAreInstalled() {
        FunctionWorkspace.require("node");
        FunctionWorkspace.require("python3");
        FunctionWorkspace.require("curl");
    }

    @BeforeEach
    void start() {
        ws = new FunctionWorkspace(dir);
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    private static final String ECHO_NODE = """
            exports.handler = async (event, context) => {
              console.log('hello from node', context.awsRequestId === undefined ? 'no id' : 'with id');
              return {
                statusCode: 200,
                headers: { 'x-runtime': 'node' },
                body: JSON.stringify({ event, env: { greeting: process.env.GREETING,
                  name: process.env.AWS_LAMBDA_FUNCTION_NAME, version: process.env.AWS_LAMBDA_FUNCTION_VERSION,
                  memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, region: process.env.AWS_REGION,
                  tz: process.env.TZ, handler: process.env._HANDLER, logGroup: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
                  taskRoot: process.env.LAMBDA_TASK_ROOT },
                  arn: context.invokedFunctionArn, remaining: context.getRemainingTimeInMillis() }),
              };
            };
            """;

    private static final String ECHO_PYTHON = """
            import json
            import os


            def handler(event, context):
                print('hello from python')
                return {
                    'statusCode': 201,
                    'headers': {'x-runtime': 'python'},
                    'body': json.dumps({'event': event, 'greeting': os.environ.get('GREETING'),
                                        'name': context.function_name, 'memory': context.memory_limit_in_mb})
                }
            """;

    private ApiDefinition deployProxy(String path, String function) {
        ApiDefinition api = ws.createApi(a -> FunctionWorkspace.withMethod(a, path,
                FunctionWorkspace.proxyMethod("GET", function)));
        ws.gateway.deploy(api.id(), "prod", "functions");
        return api;
    }

    @Test
    void aNodeProxyFunctionGetsThePayload10EventAndItsEnvironment() throws Exception {
        ws.function("echo", """
                {"runtime": "nodejs", "handler": "index.handler", "environment": {"GREETING": "hi"}, "timeout": 5}
                """, Map.of("index.js", ECHO_NODE));
        deployProxy("/items/{id}", "echo");

        FunctionWorkspace.Answer a = ws.call("/prod/items/42?x=1&x=2");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.headers().get("x-runtime")).containsExactly("node");
        JsonNode out = JSON.readTree(a.body());
        JsonNode event = out.get("event");
        // aws-reference §5.1: path inside the stage, resource template, last value vs all values, null when absent
        assertThat(event.get("resource").asText()).isEqualTo("/items/{id}");
        assertThat(event.get("path").asText()).isEqualTo("/items/42");
        assertThat(event.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.get("queryStringParameters").toString()).isEqualTo("{\"x\":\"2\"}");
        assertThat(event.get("multiValueQueryStringParameters").toString()).isEqualTo("{\"x\":[\"1\",\"2\"]}");
        assertThat(event.get("pathParameters").toString()).isEqualTo("{\"id\":\"42\"}");
        assertThat(event.get("stageVariables").isNull()).isTrue();
        assertThat(event.get("body").isNull()).isTrue();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.get("requestContext").get("path").asText()).isEqualTo("/prod/items/42");
        assertThat(event.get("requestContext").get("stage").asText()).isEqualTo("prod");
        assertThat(event.get("requestContext").get("resourcePath").asText()).isEqualTo("/items/{id}");
        assertThat(event.get("requestContext").get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(event.get("requestContext").get("identity").has("cognitoIdentityId")).isTrue();
        // Lambda's reserved variables ("Defined runtime environment variables") and the user's
        JsonNode env = out.get("env");
        assertThat(env.get("greeting").asText()).isEqualTo("hi");
        assertThat(env.get("name").asText()).isEqualTo("echo");
        assertThat(env.get("version").asText()).isEqualTo("$LATEST");
        assertThat(env.get("memory").asText()).isEqualTo("128");
        assertThat(env.get("region").asText()).isEqualTo("us-east-1");
        assertThat(env.get("tz").asText()).isEqualTo(":UTC");
        assertThat(env.get("handler").asText()).isEqualTo("index.handler");
        assertThat(env.get("logGroup").asText()).isEqualTo("/aws/lambda/echo");
        assertThat(env.get("taskRoot").asText()).isEqualTo(dir.resolve("functions/echo").toAbsolutePath().toString());
        assertThat(out.get("arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:echo");
        assertThat(out.get("remaining").asLong()).isBetween(1L, 5000L);
    }

    @Test
    void aPythonProxyFunctionAnswersWithItsStatusHeadersAndBody() throws Exception {
        ws.function("pyecho", """
                {"runtime": "python", "handler": "app.handler", "environment": {"GREETING": "hello"}, "memorySize": 256}
                """, Map.of("app.py", ECHO_PYTHON));
        deployProxy("/py", "pyecho");

        FunctionWorkspace.Answer a = ws.call("/prod/py");

        assertThat(a.status()).isEqualTo(201);
        assertThat(a.headers().get("x-runtime")).containsExactly("python");
        JsonNode out = JSON.readTree(a.body());
        assertThat(out.get("greeting").asText()).isEqualTo("hello");
        assertThat(out.get("name").asText()).isEqualTo("pyecho");
        assertThat(out.get("memory").asText()).isEqualTo("256");
        assertThat(out.get("event").get("queryStringParameters").isNull()).isTrue();
    }

    @Test
    void theFunctionNameMayComeFromAStageVariable() throws Exception {
        ws.function("echo", "{\"runtime\": \"nodejs\"}", Map.of("index.js", ECHO_NODE));
        ApiDefinition api = ws.createApi(a -> FunctionWorkspace.withMethod(a, "/sv",
                FunctionWorkspace.proxyMethod("GET", "${stageVariables.fn}")));
        ws.gateway.deploy(api.id(), "prod", "functions", Map.of("fn", "echo"));

        FunctionWorkspace.Answer a = ws.call("/prod/sv");

        assertThat(a.status()).isEqualTo(200);
        assertThat(JSON.readTree(a.body()).get("event").get("stageVariables").toString()).isEqualTo("{\"fn\":\"echo\"}");
    }

    /** aws-reference §5.2: the table of what Lambda returns and what the client gets (LocalStack, AWS-validated). */
    @Test
    void proxyResponsesAreValidatedAsApiGatewayDoes() throws Exception {
        ws.function("shapes", "{\"runtime\": \"nodejs\"}",
                Map.of("index.js", "exports.handler = async (event) => JSON.parse(event.queryStringParameters.r);\n"));
        deployProxy("/shape", "shapes");

        assertThat(shape("{\"statusCode\":200}")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).isEmpty();
        });
        assertThat(shape("{\"statusCode\":\"201\"}").status()).isEqualTo(201);
        assertThat(shape("{\"headers\":{\"test-header\":\"value\"}}")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.headers().get("test-header")).containsExactly("value");
        });
        assertThat(shape("{\"statusCode\":200,\"headers\":{\"header-bool\":true}}").headers().get("header-bool"))
                .containsExactly("true");
        assertThat(shape("{\"statusCode\":200,\"headers\":{\"h\":\"single\"},\"multiValueHeaders\":{\"h\":[\"m1\",\"m2\"]}}")
                .headers().get("h")).containsExactly("m1", "m2");
        for (String malformed : List.of("{\"statusCode\":200,\"wrongValue\":1}", "{\"statusCode\":\"test\"}",
                "{\"multiValueHeaders\":{\"h\":\"notAList\"}}", "\"justAString\"")) {
            FunctionWorkspace.Answer a = shape(malformed);
            assertThat(a.status()).as(malformed).isEqualTo(502);
            assertThat(a.body()).as(malformed).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(a.errorType()).as(malformed).isEqualTo("InternalServerErrorException");
        }
    }

    private FunctionWorkspace.Answer shape(String response) throws Exception {
        return ws.call("/prod/shape?r=" + java.net.URLEncoder.encode(response, StandardCharsets.UTF_8));
    }

    @Test
    void theExecutionLogSaysMalformedAndCarriesTheFunctionsReportLine() throws Exception {
        ws.function("shapes", "{\"runtime\": \"nodejs\"}", Map.of("index.js", """
                exports.handler = async (event) => { console.log('about to answer'); return { wrongValue: 1 }; };
                """));
        ApiDefinition api = deployProxy("/shape", "shapes");
        String resourceId = ws.gateway.workspace().api(api.id()).orElseThrow().resourceByPath("/shape").orElseThrow().id();

        TestInvokeResult r = ws.gateway.testInvoke(api.id(), resourceId, "GET", TestInvokeRequest.of("/shape"));

        assertThat(r.status()).isEqualTo(502);
        // aws-reference §7.2 failure ending, §5.2 the malformed line
        assertThat(r.log()).contains("Endpoint response body before transformations: {\"wrongValue\":1}")
                .contains("Execution failed due to configuration error: Malformed Lambda proxy response")
                .contains("Method completed with status: 502")
                .contains("START RequestId: ").contains("about to answer").contains("END RequestId: ")
                .containsPattern("REPORT RequestId: [0-9a-f-]+\tDuration: [0-9.]+ ms\tBilled Duration: [0-9]+ ms\t"
                        + "Memory Size: 128 MB\tMax Memory Used: [1-9][0-9]* MB");
        assertThat(ws.gateway.functions().logs("shapes")).anyMatch(l -> l.startsWith("REPORT RequestId: "));
    }

    @Test
    void aFunctionErrorIs502AndTheNextCallIsServed() throws Exception {
        ws.function("thrower", "{\"runtime\": \"nodejs\"}", Map.of("index.js", """
                exports.handler = (event, context, callback) => {
                  if (event.queryStringParameters && event.queryStringParameters.fail) callback(new Error('boom'));
                  else context.succeed({ statusCode: 200, body: 'fine' });
                };
                """));
        deployProxy("/t", "thrower");

        FunctionWorkspace.Answer failed = ws.call("/prod/t?fail=1");
        FunctionWorkspace.Answer fine = ws.call("/prod/t");

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.body()).isEqualTo("fine");
    }

    @Test
    void aTimedOutInvocationIsAnsweredAsLambdaDoesAndTheWorkerIsReplaced() throws Exception {
        ws.function("sleepy", "{\"runtime\": \"nodejs\", \"timeout\": 1}", Map.of("index.js", """
                exports.handler = async (event) => {
                  if (event.queryStringParameters) await new Promise((r) => setTimeout(r, 5000));
                  return { statusCode: 200, body: 'awake' };
                };
                """));
        deployProxy("/s", "sleepy");
        ws.call("/prod/s");   // warm
        long pidBefore = ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("bootstrap.js"))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);

        long start = System.nanoTime();
        FunctionWorkspace.Answer timedOut = ws.call("/prod/s?sleep=1");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        var direct = ws.gateway.functions().invoke("sleepy", "{\"queryStringParameters\":{}}".getBytes(), null, null);

        assertThat(timedOut.status()).isEqualTo(502);
        assertThat(tookMillis).isBetween(900L, 4000L);
        // Lambda's timeout error document and its log line "... Task timed out after 1.00 seconds"
        assertThat(direct.functionError()).isEqualTo("Unhandled");
        assertThat(direct.payloadText()).contains("\"errorType\":\"Sandbox.Timedout\"")
                .contains("Error: Task timed out after 1.00 seconds");
        assertThat(direct.log()).contains("Task timed out after 1.00 seconds");
        assertThat(ws.call("/prod/s").body()).isEqualTo("awake");
        assertThat(ProcessHandle.of(pidBefore).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aCrashedWorkerFailsItsInvocationWithRuntimeExitErrorAndIsReplaced() throws Exception {
        ws.function("crashy", "{\"runtime\": \"python\"}", Map.of("app.py", """
                import os


                def handler(event, context):
                    if event.get('crash'):
                        os._exit(3)
                    return {'ok': True}
                """));

        var crashed = ws.gateway.functions().invoke("crashy", "{\"crash\": true}".getBytes(), null, null);
        var after = ws.gateway.functions().invoke("crashy", "{}".getBytes(), null, null);

        assertThat(crashed.functionError()).isEqualTo("Unhandled");
        // Lambda's document for a runtime that exited: errorType Runtime.ExitError, "... exit status 3"
        JsonNode doc = JSON.readTree(crashed.payload());
        assertThat(doc.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(doc.get("errorMessage").asText())
                .isEqualTo("RequestId: " + crashed.requestId() + " Error: Runtime exited with error: exit status 3");
        assertThat(after.failed()).isFalse();
        assertThat(after.payloadText()).isEqualTo("{\"ok\": true}");
    }

    @Test
    void aFunctionThatCannotStartAnswersWithItsInitError() throws Exception {
        ws.function("broken", "{\"runtime\": \"python\", \"handler\": \"missing.handler\"}", Map.of("app.py", "x = 1\n"));
        deployProxy("/b", "broken");

        FunctionWorkspace.Answer a = ws.call("/prod/b");
        var direct = ws.gateway.functions().invoke("broken", "{}".getBytes(), null, null);

        assertThat(a.status()).isEqualTo(502);
        JsonNode doc = JSON.readTree(direct.payload());
        assertThat(doc.get("errorType").asText()).isEqualTo("Runtime.ImportModuleError");
        assertThat(doc.get("errorMessage").asText()).startsWith("Unable to import module 'missing'");
    }

    @Test
    void aCustomIntegrationMapsTheEventAndSelectsTheResponseByErrorMessage() throws Exception {
        ws.function("named", "{\"runtime\": \"python\"}", Map.of("app.py", """
                def handler(event, context):
                    if event.get('name') == 'bad':
                        raise ValueError('Bad name: bad')
                    if event.get('name') == 'worse':
                        raise KeyError('worse')
                    return {'greeting': 'Hello ' + (event.get('name') or 'No-Name')}
                """));
        ApiDefinition api = ws.createApi(a -> FunctionWorkspace.withMethod(a, "/data",
                FunctionWorkspace.customMethod("named", "{\"name\": \"$input.params('name')\"}", Map.of(
                        "200", IntegrationResponse.of("200"),
                        "400", new IntegrationResponse("400", "Bad name.*", Map.of(),
                                Map.of("application/json", "{\"problem\": \"$input.path('$.errorMessage')\"}"), null)))));
        ws.gateway.deploy(api.id(), "prod", "functions");

        FunctionWorkspace.Answer named = ws.call("/prod/data?name=Ada");
        FunctionWorkspace.Answer unnamed = ws.call("/prod/data");
        FunctionWorkspace.Answer bad = ws.call("/prod/data?name=bad");
        FunctionWorkspace.Answer unmatched = ws.call("/prod/data?name=worse");

        assertThat(named.status()).isEqualTo(200);
        assertThat(named.body()).isEqualTo("{\"greeting\": \"Hello Ada\"}");
        // AWS integrations return the trace id sent to the backend, as HTTP ones do (see IntegrationKeys.TRACE_ID)
        assertThat(named.headers().get("x-amzn-trace-id")).singleElement().asString().startsWith("Root=1-");
        assertThat(unnamed.body()).isEqualTo("{\"greeting\": \"Hello No-Name\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"problem\": \"Bad name: bad\"}");
        // no pattern matches the errorMessage: AWS answers with the default response and the error document
        assertThat(unmatched.status()).isEqualTo(200);
        assertThat(JSON.readTree(unmatched.body()).get("errorType").asText()).isEqualTo("KeyError");
    }

    @Test
    void aCustomIntegrationWhoseTemplateIsNotJsonAnswers400() throws Exception {
        ws.function("named", "{\"runtime\": \"python\"}", Map.of("app.py", "def handler(event, context):\n    return 1\n"));
        ApiDefinition api = ws.createApi(a -> FunctionWorkspace.withMethod(a, "/data",
                FunctionWorkspace.customMethod("named", "{\"name\": $input.params('name')}",
                        Map.of("200", IntegrationResponse.of("200")))));
        ws.gateway.deploy(api.id(), "prod", "functions");

        FunctionWorkspace.Answer a = ws.call("/prod/data?name=Ada");

        // aws-reference §5.3: a template output that is not JSON is refused before Lambda is called
        assertThat(a.status()).isEqualTo(400);
        assertThat(JSON.readTree(a.body()).get("message").asText()).startsWith("Could not parse request body into json: ");
        assertThat(ws.gateway.functions().workers("named")).isZero();
    }

    @Test
    void aMissingFunctionIsAnsweredWithAwsConfigurationError() throws Exception {
        ApiDefinition api = deployProxy("/nothing", "doesNotExist");
        String resourceId = ws.gateway.workspace().api(api.id()).orElseThrow().resourceByPath("/nothing").orElseThrow().id();

        FunctionWorkspace.Answer a = ws.call("/prod/nothing");
        TestInvokeResult tested = ws.gateway.testInvoke(api.id(), resourceId, "GET", TestInvokeRequest.of("/nothing"));

        // aws-reference §5.2: API Gateway that cannot invoke the function answers 500 and logs why
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(tested.log()).contains("Execution failed due to configuration error: Invalid permissions on Lambda function")
                .contains("Method completed with status: 500");
    }

    @Test
    void aFunctionJsonThatCannotBeReadIsAConfigurationErrorNotACrash() throws Exception {
        ws.function("broken", "{\"runtime\": \"cobol\"}", Map.of());
        ApiDefinition api = deployProxy("/broken", "broken");
        String resourceId = ws.gateway.workspace().api(api.id()).orElseThrow().resourceByPath("/broken").orElseThrow().id();

        FunctionWorkspace.Answer a = ws.call("/prod/broken");
        TestInvokeResult tested = ws.gateway.testInvoke(api.id(), resourceId, "GET", TestInvokeRequest.of("/broken"));

        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(tested.log()).contains("Execution failed due to configuration error: functions/broken/function.json is not valid");
    }

    @Test
    void anUnmodifiedCurlBootstrapServesRequests() throws Exception {
        // the loop of AWS's custom-runtime tutorial (docs: "Building a custom runtime"), answering a proxy response
        ws.function("curly", "{\"runtime\": \"provided\", \"handler\": \"function.handler\"}", Map.of("bootstrap", """
                #!/bin/sh
                set -eu
                while true
                do
                  HEADERS="$(mktemp)"
                  EVENT_DATA=$(curl -sS -LD "$HEADERS" "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next")
                  REQUEST_ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
                  RESPONSE="{\\"statusCode\\": 200, \\"body\\": \\"served by curl for $_HANDLER\\"}"
                  curl -sS "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response" -d "$RESPONSE" > /dev/null
                  rm -f "$HEADERS"
                done
                """));
        deployProxy("/curl", "curly");

        assertThat(ws.call("/prod/curl").body()).isEqualTo("served by curl for function.handler");
        assertThat(ws.call("/prod/curl").body()).isEqualTo("served by curl for function.handler");
    }

    @Test
    void changedCodeOnDiskIsServedWithoutARestart() throws Exception {
        ws.function("reload", "{\"runtime\": \"nodejs\"}",
                Map.of("index.js", "exports.handler = async () => ({ statusCode: 200, body: 'v1' });\n"));
        deployProxy("/r", "reload");
        assertThat(ws.call("/prod/r").body()).isEqualTo("v1");

        Path code = dir.resolve("functions/reload/index.js");
        Files.writeString(code, "exports.handler = async () => ({ statusCode: 200, body: 'v2' });\n");
        Files.setLastModifiedTime(code, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));

        String body = "v1";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!body.equals("v2") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            body = ws.call("/prod/r").body();
        }
        assertThat(body).isEqualTo("v2");
    }

    @Test
    void fiftyParallelRequestsGrowThePoolAndEachGetsItsOwnAnswer() throws Exception {
        // no reserved concurrency: Lambda would scale out; here the pool grows to its cap and the rest queue
        ws.function("slow", "{\"runtime\": \"nodejs\"}", Map.of("index.js", """
                exports.handler = async (event) => {
                  await new Promise((r) => setTimeout(r, 150));
                  return { statusCode: 200, body: 'answer-' + event.queryStringParameters.i };
                };
                """));
        deployProxy("/slow", "slow");

        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<FunctionWorkspace.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            answers.add(pool.submit(() -> ws.call("/prod/slow?i=" + n)));
        }
        int peak = 0;
        for (int i = 0; i < 50; i++) {
            FunctionWorkspace.Answer a = answers.get(i).get();
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).isEqualTo("answer-" + i);
            peak = Math.max(peak, ws.gateway.functions().workers("slow"));
        }
        pool.shutdown();
        // 50 requests of 150 ms each cannot be served by one worker in time: the pool grew, never past its cap
        assertThat(peak).isBetween(2, 10);
    }

    @Test
    void aFunctionWithReservedConcurrencyZeroIsThrottledAndApiGatewayAnswers500() throws Exception {
        ws.function("off", "{\"runtime\": \"nodejs\", \"reservedConcurrency\": 0}", Map.of("index.js",
                "exports.handler = async () => ({ statusCode: 200, body: 'ran' });\n"));
        ApiDefinition api = deployProxy("/off", "off");
        String resourceId = ws.gateway.workspace().api(api.id()).orElseThrow().resourceByPath("/off").orElseThrow().id();

        FunctionWorkspace.Answer a = ws.call("/prod/off");
        TestInvokeResult tested = ws.gateway.testInvoke(api.id(), resourceId, "GET", TestInvokeRequest.of("/off"));

        // Lambda DG "Handling Lambda errors with an API Gateway API": "If the Lambda API rejects the invocation
        // request, API Gateway returns a 500 error code ... {"message": "Internal server error"}"; the rejection is
        // Lambda's 429 TooManyRequestsException "Rate Exceeded."
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(tested.status()).isEqualTo(500);
        assertThat(tested.log()).contains("Endpoint response body before transformations: "
                        + "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}")
                .contains("Execution failed due to configuration error: Rate Exceeded.")
                .contains("Method completed with status: 500");
        assertThat(ws.gateway.functions().workers("off")).isZero();
    }

    @Test
    void aRequestBeyondTheReservedConcurrencyIsThrottledWhileTheOthersAreServed() throws Exception {
        ws.function("single", "{\"runtime\": \"nodejs\", \"reservedConcurrency\": 1, \"timeout\": 10}", Map.of("index.js", """
                exports.handler = async () => {
                  await new Promise((r) => setTimeout(r, 1500));
                  return { statusCode: 200, body: 'served' };
                };
                """));
        deployProxy("/single", "single");

        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        Future<FunctionWorkspace.Answer> first = pool.submit(() -> ws.call("/prod/single"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ws.gateway.functions().workers("single") == 0 && System.nanoTime() < deadline) Thread.sleep(10);
        FunctionWorkspace.Answer second = ws.call("/prod/single"); // the first one is still running (1.5 s)
        FunctionWorkspace.Answer firstAnswer = first.get();
        FunctionWorkspace.Answer third = ws.call("/prod/single"); // the slot is free again
        pool.shutdown();

        assertThat(firstAnswer.status()).isEqualTo(200);
        assertThat(firstAnswer.body()).isEqualTo("served");
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(third.status()).isEqualTo(200);
    }
}

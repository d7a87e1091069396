package dev.gatehouse.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The function model and the pieces that need no worker process. */
class LocalFunctionsTest {

    @TempDir Path dir;

    @Test
    void functionJsonTakesLambdasDefaultsWhenFieldsAreMissing() throws Exception {
        Files.createDirectories(dir.resolve("functions/f"));
        Files.writeString(dir.resolve("functions/f/function.json"), "{\"runtime\": \"python3.12\"}");

        FunctionConfig f = new FunctionStore(dir).read("f").orElseThrow();

        assertThat(f.name()).isEqualTo("f");
        assertThat(f.runtime()).isEqualTo(FunctionRuntime.PYTHON);
        assertThat(f.handler()).isEqualTo("app.handler");
        assertThat(f.timeoutSeconds()).isEqualTo(3);       // Lambda's default timeout
        assertThat(f.memoryMb()).isEqualTo(128);           // Lambda's default memory
        assertThat(f.concurrency()).isEqualTo(FunctionConfig.DEFAULT_CONCURRENCY);
    }

    @Test
    void createdFunctionsAreWrittenWithSortedKeysAndAStarterHandler() throws Exception {
        FunctionStore store = new FunctionStore(dir);

        store.create(FunctionConfig.of("hello", FunctionRuntime.NODEJS, null), null);

        assertThat(Files.readString(dir.resolve("functions/hello/function.json"))).isEqualTo("""
                {
                  "handler" : "index.handler",
                  "memorySize" : 128,
                  "runtime" : "nodejs",
                  "timeout" : 3
                }
                """);
        assertThat(Files.readString(dir.resolve("functions/hello/index.js"))).contains("exports.handler = async");
        assertThat(store.list()).extracting(FunctionConfig::name).containsExactly("hello");
        assertThatThrownBy(() -> store.create(FunctionConfig.of("hello", FunctionRuntime.NODEJS, null), null))
                .hasMessageContaining("exists");
    }

    @Test
    void theFingerprintChangesWithTheCodeButNotWithPythonsCache() throws Exception {
        FunctionStore store = new FunctionStore(dir);
        store.create(FunctionConfig.of("p", FunctionRuntime.PYTHON, null), null);
        long before = store.fingerprint("p");

        Files.createDirectories(dir.resolve("functions/p/__pycache__"));
        Files.writeString(dir.resolve("functions/p/__pycache__/app.cpython-311.pyc"), "x");
        long withCache = store.fingerprint("p");
        Files.writeString(dir.resolve("functions/p/helper.py"), "y = 2\n");

        assertThat(withCache).isEqualTo(before);
        assertThat(store.fingerprint("p")).isNotEqualTo(before);
    }

    @Test
    void anInvocationOfAnUnknownFunctionIsNotFound() {
        try (LocalFunctions functions = LocalFunctions.open(dir)) {
            assertThatThrownBy(() -> functions.invoke("nope", new byte[0], null, null))
                    .isInstanceOfSatisfying(FunctionException.class,
                            e -> assertThat(e.kind()).isEqualTo(FunctionException.Kind.NOT_FOUND))
                    .hasMessage("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
        }
    }

    @Test
    void functionNamesComeFromNamesAndArns() {
        assertThat(LocalFunctions.functionName("arn:aws:lambda:eu-west-1:111122223333:function:Get-Hello_1"))
                .contains("Get-Hello_1");
        assertThat(LocalFunctions.functionName("arn:aws:lambda:eu-west-1:111122223333:function:f:prod")).contains("f");
        assertThat(LocalFunctions.functionName("plain")).contains("plain");
        assertThat(LocalFunctions.functionName("arn:aws:lambda:eu-west-1:1:function:")).isEmpty();
    }

    @Test
    void theReportLineHasCloudWatchsTabsAndBillsEveryStartedMillisecond() {
        // REPORT layout as CloudWatch shows it; 12.3456 ms rounds up to 13 billed ms by hand
        assertThat(WorkerPool.report("abc", 12.3456, 128, 40, 101.5)).isEqualTo(
                "REPORT RequestId: abc\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\t"
                        + "Max Memory Used: 40 MB\tInit Duration: 101.50 ms\t");
        assertThat(WorkerPool.report("abc", 0.2, 256, 1, null)).isEqualTo(
                "REPORT RequestId: abc\tDuration: 0.20 ms\tBilled Duration: 1 ms\tMemory Size: 256 MB\tMax Memory Used: 1 MB\t");
    }
}

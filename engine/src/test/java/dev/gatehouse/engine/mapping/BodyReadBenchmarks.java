package dev.gatehouse.engine.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bench order's body (MethodFilterBenchmarks.BODY) read the two ways: request validation's parse plus the
 * template's shared-tree check ({@code readTree} + walk, or {@link JsonTreeReader} with its fact); beside them, for
 * scale, the orders template's two {@code $input.json} calls written from the tree. Not run by surefire;
 * {@code CpuTimeRunner dev.gatehouse.engine.mapping.BodyReadBenchmarks <method>}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BodyReadBenchmarks {

    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    private String body;
    private byte[] bytes;
    private JsonNode tree;
    private final StringBuilder buffer = new StringBuilder(256);

    @Setup
    public void setUp() throws Exception {
        body = MethodFilterBenchmarks.BODY;
        bytes = body.getBytes(StandardCharsets.UTF_8);
        tree = JSON.readTree(bytes);
    }

    @Benchmark
    public Object readTreeAndWalk() throws Exception {
        try (JsonParser p = JSON.createParser(bytes)) {
            JsonNode node = JSON.readTree(p);
            return JsonSupport.sharedTree(node, body);
        }
    }

    @Benchmark
    public Object treeReaderAndFact() throws Exception {
        try (JsonParser p = JSON.createParser(bytes)) {
            p.nextToken();
            JsonTreeReader.Tree read = JsonTreeReader.read(p, JSON.getNodeFactory());
            return JsonSupport.sharedTree(read.tree(), body, read.convertible());
        }
    }

    @Benchmark
    public String jsonFromTree() {
        return JsonSupport.treeToJson(tree.get("items"), buffer) + JsonSupport.treeToJson(tree.get("shipping"), buffer);
    }
}

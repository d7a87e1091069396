package dev.gatehouse.engine.validation;

import dev.gatehouse.engine.model.Model;
import java.util.List;
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
 * Validating a ~2 KB JSON body (parse included) against a 30-property draft-4 model. Not run by surefire; see
 * BENCHMARKS.md. Target ≤ 20 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ValidationBenchmarks {

    private ModelSchema schema;
    private String body;

    @Setup
    public void setUp() {
        StringBuilder props = new StringBuilder();
        StringBuilder required = new StringBuilder();
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            if (i > 0) {
                props.append(',');
                json.append(',');
            }
            switch (i % 5) {
                case 0 -> {
                    props.append("\"s").append(i).append("\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":200}");
                    json.append("\"s").append(i).append("\":\"").append("value-".repeat(30)).append(i).append('"');
                }
                case 1 -> {
                    props.append("\"n").append(i).append("\":{\"type\":\"number\",\"minimum\":0,\"maximum\":100000}");
                    json.append("\"n").append(i).append("\":").append(1234.5 + i);
                }
                case 2 -> {
                    props.append("\"e").append(i).append("\":{\"type\":\"string\",\"enum\":[\"dog\",\"cat\",\"fish\"]}");
                    json.append("\"e").append(i).append("\":\"cat\"");
                }
                case 3 -> {
                    props.append("\"a").append(i).append("\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"maxItems\":10}");
                    json.append("\"a").append(i).append("\":[1,2,3,4,5,6,7,8]");
                }
                default -> {
                    props.append("\"o").append(i).append("\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
                            + "\"label\":{\"type\":\"string\",\"pattern\":\"^[a-z ]+$\"}},\"required\":[\"id\"]}");
                    json.append("\"o").append(i).append("\":{\"id\":").append(i).append(",\"label\":\"a nested label for the benchmark object\"}");
                }
            }
            if (i % 3 == 0) required.append(required.isEmpty() ? "" : ",").append('"').append(switch (i % 5) {
                case 0 -> "s";
                case 1 -> "n";
                case 2 -> "e";
                case 3 -> "a";
                default -> "o";
            }).append(i).append('"');
        }
        json.append('}');
        String model = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\",\"properties\":{"
                + props + "},\"required\":[" + required + "]}";
        schema = ModelSchemas.compile("bench", List.of(new Model("1", "Big", null, model, "application/json")))
                .get("Big").orElseThrow();
        body = json.toString();
        if (!schema.validate(body).isEmpty()) throw new IllegalStateException(schema.validate(body).toString());
        if (body.length() < 1800 || body.length() > 2400) throw new IllegalStateException("body is " + body.length());
    }

    @Benchmark
    public List<String> validate2KbBodyAgainst30Properties() {
        return schema.validate(body);
    }
}

package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.routing.RouteMatch;
import dev.gatehouse.engine.routing.RouteTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse invoke API METHOD PATH}: a test invoke of the draft, printing the result and the execution log,
 * or with {@code --output json} AWS TestInvokeMethod's response object (aws-reference §7.1) for scripts. Headers
 * are given as curl writes them ({@code -H 'Accept: application/json'}) or as {@code Name=value}.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true, description = "Test-invoke a method of an API's draft in-process (like the AWS console's Test).")
final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "API") String api;
    @Parameters(index = "1", paramLabel = "METHOD") String method;
    @Parameters(index = "2", paramLabel = "PATH", description = "Request path with query string, e.g. /pets/1?type=dog")
    String path;

    @Mixin WorkspaceOption workspace;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "A request header, as curl takes it ('Accept: application/json') or as NAME=VALUE (repeatable).")
    List<String> headers = new ArrayList<>();
    @Option(names = "--stage-variable", paramLabel = "NAME=VALUE") Map<String, String> stageVariables = new LinkedHashMap<>();
    @Option(names = {"-d", "--body"}, paramLabel = "TEXT") String body;
    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text (default): status, headers, body and log for people; json: AWS TestInvokeMethod's "
                    + "response {status, body, headers, multiValueHeaders, log, latency} for scripts.")
    Output output;

    enum Output { text, json }

    /** Key order as AWS documents TestInvokeMethod's response; every key is always present. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override public Integer call() throws Exception {
        HeaderArgs parsed = parseHeaders(headers);
        if (!path.startsWith("/")) throw CliErrors.of("the path must start with '/': " + path);
        try (Gateway gateway = workspace.openForReading()) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            String verb = method.toUpperCase(Locale.ROOT);
            String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            Resource resource = resourceFor(definition, verb, rawPath);
            String declared = resource.method(verb) != null ? verb : "ANY";
            TestInvokeResult result = gateway.testInvoke(definition.id(), resource.id(), declared,
                    new TestInvokeRequest(path, body, parsed.single(), parsed.repeated(), stageVariables));
            if (output == Output.json) {
                System.out.println(JSON.writeValueAsString(toJson(result)));
                return 0;
            }
            System.out.println("Status: " + result.status() + "   Latency: " + result.latency() + " ms");
            result.multiValueHeaders().forEach((k, vs) -> vs.forEach(v -> System.out.println(k + ": " + v)));
            System.out.println();
            System.out.println(result.body());
            System.out.println();
            System.out.println(result.log());
        }
        return 0;
    }

    /** AWS TestInvokeMethod's response: {@code {"status","body","headers","multiValueHeaders","log","latency"}}. */
    static ObjectNode toJson(TestInvokeResult result) {
        ObjectNode out = JSON.createObjectNode();
        out.put("status", result.status());
        out.put("body", result.body());
        ObjectNode single = out.putObject("headers");
        result.headers().forEach(single::put);
        ObjectNode multi = out.putObject("multiValueHeaders");
        result.multiValueHeaders().forEach((k, vs) -> vs.forEach(multi.withArray(k)::add));
        out.put("log", result.log());
        out.put("latency", result.latency());
        return out;
    }

    /** Headers named once (TestInvokeMethod's {@code headers}) and those repeated ({@code multiValueHeaders}). */
    record HeaderArgs(Map<String, String> single, Map<String, List<String>> repeated) {}

    /**
     * {@code -H} values as curl takes them ({@code Name: value}) or as {@code Name=value}: the name ends at the first
     * ':' or '=' (neither can be part of a header name, RFC 9110 §5.1), so values may hold both. A name given twice
     * keeps both values, in order.
     */
    static HeaderArgs parseHeaders(List<String> args) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String arg : args) {
            int colon = arg.indexOf(':');
            int equals = arg.indexOf('=');
            int at = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
            String name = at < 0 ? "" : arg.substring(0, at).strip();
            if (name.isEmpty() || !name.chars().allMatch(InvokeCommand::isTokenChar)) {
                throw CliErrors.of("invalid header '" + arg + "': write it as 'Name: value' (or Name=value)");
            }
            all.computeIfAbsent(name, n -> new ArrayList<>()).add(arg.substring(at + 1).strip());
        }
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        all.forEach((name, values) -> {
            if (values.size() == 1) single.put(name, values.get(0));
            else repeated.put(name, List.copyOf(values));
        });
        return new HeaderArgs(single, repeated);
    }

    /** RFC 9110 token characters, what a header name is made of. */
    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    /** The resource the path routes to, with AWS's precedence rules. */
    static Resource resourceFor(ApiDefinition api, String verb, String path) {
        RouteTable.Builder<Resource> b = RouteTable.builder();
        for (Resource r : api.resources()) {
            for (String m : r.resourceMethods().keySet()) b.add(r.path(), m, r);
        }
        RouteMatch<Resource> match = b.build().match(verb, path);
        if (match == null) throw CliErrors.of("no " + verb + " method of " + api.name() + " matches " + path);
        return match.target();
    }
}

package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.invoke.TestInvokeRequest;
import dev.gatehouse.engine.invoke.TestInvokeResult;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.routing.RouteMatch;
import dev.gatehouse.engine.routing.RouteTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse invoke API METHOD PATH}: a test invoke of the draft, printing the result and the execution log. */
@Command(name = "invoke", mixinStandardHelpOptions = true, description = "Test-invoke a method of an API's draft in-process (like the AWS console's Test).")
final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "API") String api;
    @Parameters(index = "1", paramLabel = "METHOD") String method;
    @Parameters(index = "2", paramLabel = "PATH", description = "Request path with query string, e.g. /pets/1?type=dog")
    String path;

    @Mixin WorkspaceOption workspace;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE") Map<String, String> headers = new LinkedHashMap<>();
    @Option(names = "--stage-variable", paramLabel = "NAME=VALUE") Map<String, String> stageVariables = new LinkedHashMap<>();
    @Option(names = {"-d", "--body"}, paramLabel = "TEXT") String body;

    @Override public Integer call() {
        try (Gateway gateway = workspace.openForReading()) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            String verb = method.toUpperCase(java.util.Locale.ROOT);
            String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            Resource resource = resourceFor(definition, verb, rawPath);
            Map<String, String> h = new LinkedHashMap<>();
            headers.forEach((k, v) -> h.put(k.trim(), v.trim()));
            String declared = resource.method(verb) != null ? verb : "ANY";
            TestInvokeResult result = gateway.testInvoke(definition.id(), resource.id(), declared,
                    new TestInvokeRequest(path, body, h, null, stageVariables));
            System.out.println("Status: " + result.status() + "   Latency: " + result.latency() + " ms");
            result.multiValueHeaders().forEach((k, vs) -> vs.forEach(v -> System.out.println(k + ": " + v)));
            System.out.println();
            System.out.println(result.body());
            System.out.println();
            System.out.println(result.log());
        }
        return 0;
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

package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.cors.EnableCors;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.GatewayResponseType;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.workspace.Edit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse cors API RESOURCE_PATH}: the console's "Enable CORS" on one resource ({@link EnableCors}),
 * written as one undoable edit ("Enable CORS on /pets"). Takes effect on the next deploy.
 */
@Command(name = "cors", mixinStandardHelpOptions = true, description = "Enable CORS on a resource as the AWS console does (OPTIONS mock method, "
        + "Access-Control-Allow-* headers, DEFAULT_4XX/5XX gateway responses).")
final class CorsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "API", description = "Id or name of the API.")
    String api;

    @Parameters(index = "1", paramLabel = "RESOURCE_PATH", description = "Resource path, e.g. /pets")
    String resourcePath;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "Access-Control-Allow-Origin (default: *).")
    String origin;

    @Option(names = "--headers", paramLabel = "LIST",
            description = "Access-Control-Allow-Headers (default: " + EnableCors.DEFAULT_ALLOWED_HEADERS + ").")
    String headers;

    @Option(names = "--methods", paramLabel = "LIST", split = ",",
            description = "Methods for Access-Control-Allow-Methods (default: the resource's methods and OPTIONS).")
    List<String> methods = new ArrayList<>();

    @Option(names = "--gateway-responses", paramLabel = "TYPES", split = ",",
            description = "Gateway responses that get the headers (default: DEFAULT_4XX,DEFAULT_5XX; NONE for none).")
    List<String> gatewayResponses = new ArrayList<>();

    @Mixin WorkspaceOption workspace;

    @Override public Integer call() {
        try (Gateway gateway = workspace.open(false)) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            Resource resource = definition.resourceByPath(resourcePath).orElseThrow(() -> CliErrors.of(
                    "no resource " + resourcePath + " in API " + definition.name()));
            ApiDefinition updated = EnableCors.apply(definition, resource.id(), methods, headers, origin, types());
            gateway.history().apply(Edit.replaceApi(updated).describedAs("Enable CORS on " + resource.path()));
            System.out.println("enabled CORS on " + resource.path() + " of " + definition.name()
                    + " (deploy to make it live)");
        }
        return 0;
    }

    private Set<GatewayResponseType> types() {
        if (gatewayResponses.isEmpty()) return null;
        Set<GatewayResponseType> out = EnumSet.noneOf(GatewayResponseType.class);
        for (String t : gatewayResponses) {
            String name = t.trim().toUpperCase(Locale.ROOT);
            if (name.equals("NONE")) continue;
            try {
                out.add(GatewayResponseType.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw CliErrors.of("unknown gateway response type " + t);
            }
        }
        return out;
    }
}

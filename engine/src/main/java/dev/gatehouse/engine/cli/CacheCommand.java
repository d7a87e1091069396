package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.sigv4.SigV4;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse cache flush API --stage S}: empties a stage's response cache in a running engine, through its
 * control plane (AWS's FlushStageCache, {@code DELETE /restapis/{id}/stages/{stage}/cache/data}), signed with SigV4.
 * A stage cache lives in the memory of the engine that serves the stage; the workspace holds no cache, so another
 * process cannot flush it through the files: the running {@code gatehouse serve} must expose its control plane
 * ({@code --admin-port}). The help and the output say so.
 */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Manage the stage caches of a running engine.",
        subcommands = {CacheCommand.Flush.class})
final class CacheCommand implements Runnable {

    @Override public void run() {
        throw CliErrors.of("name a subcommand: flush (gatehouse cache --help)");
    }

    static final String LIMITATION = "A stage cache lives in the memory of the engine serving the stage; it is not in "
            + "the workspace, so it can only be flushed through that engine's control plane: start it with "
            + "'gatehouse serve --admin-port PORT' and pass --endpoint-url http://127.0.0.1:PORT.";

    @Command(name = "flush", mixinStandardHelpOptions = true,
            description = {"Flush a stage's response cache in a running engine (AWS FlushStageCache).", LIMITATION,
                    "The console flushes the caches of the engine it runs itself (stage view)."})
    static final class Flush implements Callable<Integer> {

        @Parameters(paramLabel = "API", description = "Id or name of the API.") String api;

        @Option(names = "--stage", required = true, paramLabel = "STAGE") String stage;

        @Option(names = "--endpoint-url", paramLabel = "URL",
                description = "The running engine's control plane, e.g. http://127.0.0.1:4011 (serve --admin-port 4011).")
        URI endpoint;

        @Option(names = "--credentials", paramLabel = "FILE",
                description = "An access key the control plane accepts (AWS shared-credentials format; the first key is "
                        + "used). Not needed for a loopback control plane started without --credentials.")
        Path credentials;

        @Mixin WorkspaceOption workspace;

        @Override public Integer call() throws IOException, InterruptedException {
            String apiId;
            String apiName;
            try (Gateway gateway = workspace.openForReading()) {
                ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
                if (gateway.workspace().stage(definition.id(), stage).isEmpty()) {
                    throw CliErrors.of("API " + definition.name() + " has no stage '" + stage + "'");
                }
                apiId = definition.id();
                apiName = definition.name();
            }
            if (endpoint == null) {
                throw CliErrors.of("nothing flushed: no running engine named (--endpoint-url). " + LIMITATION);
            }
            Map.Entry<String, String> key = credentials == null ? Map.entry("AKIDGATEHOUSELOCAL", "local")
                    : AccessKeys.read(credentials).secrets().entrySet().iterator().next();
            URI uri = endpoint.resolve("/restapis/" + apiId + "/stages/" + stage + "/cache/data");
            HttpResponse<String> response;
            try {
                response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(signedDelete(uri, key.getKey(), key.getValue()), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw CliErrors.of("nothing flushed: no control plane answers at " + endpoint + " (" + e.getMessage() + "). "
                        + LIMITATION);
            }
            if (response.statusCode() != 202) {
                throw CliErrors.of("the engine at " + endpoint + " refused the flush: " + response.statusCode() + " "
                        + response.body());
            }
            System.out.println("flushed the cache of stage " + stage + " of " + apiName + " (" + apiId + ") in the engine at "
                    + endpoint);
            return 0;
        }
    }

    /** A DELETE signed with SigV4 for service apigateway (host and x-amz-date signed, empty body). */
    static HttpRequest signedDelete(URI uri, String keyId, String secret) {
        String amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                .format(ZonedDateTime.now(ZoneOffset.UTC));
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        Map<String, String> headers = Map.of("host", host, "x-amz-date", amzDate);
        SigV4.Authorization auth = new SigV4.Authorization(keyId, amzDate.substring(0, 8), "us-east-1", "apigateway",
                List.of("host", "x-amz-date"), "");
        String canonical = SigV4.canonicalRequest(new SigV4.SignedRequest() {
            @Override public String method() {
                return "DELETE";
            }

            @Override public String rawPath() {
                return uri.getRawPath();
            }

            @Override public String rawQuery() {
                return "";
            }

            @Override public List<String> headerValues(String lowerCaseName) {
                String v = headers.get(lowerCaseName);
                return v == null ? List.of() : List.of(v);
            }

            @Override public byte[] body() {
                return new byte[0];
            }
        }, auth.signedHeaders());
        String signature = SigV4.signature(secret, auth, amzDate, canonical);
        return HttpRequest.newBuilder(uri).DELETE().timeout(Duration.ofSeconds(30))
                .header("X-Amz-Date", amzDate)
                .header("Accept", "application/json")
                .header("Authorization", SigV4.ALGORITHM + " Credential=" + keyId + "/" + auth.scope()
                        + ", SignedHeaders=host;x-amz-date, Signature=" + signature)
                .build();
    }
}

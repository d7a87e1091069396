package dev.gatehouse.tests.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Resource;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push and pull between two engines (issue 13, item 3), all real: engine B is {@code gatehouse serve --admin-port}
 * in its own process with configured access keys, the workspace A is the bundled sample, and remote, push and pull
 * are the CLI launcher. B must then answer on its data plane as A does on its own.
 */
class PushPullEndToEndTest {

    private static final String KEY_ID = "AKIDENGINEB";
    private static final String SECRET = "engine-b-secret-value";

    @TempDir Path temp;
    private Path config;
    private Path a;
    private Path b;
    private Path credentials;
    private GatehouseProcess engineB;
    private String adminUrl;
    private int dataPortB;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startEngineB() throws Exception {
        config = Files.createDirectories(temp.resolve("config"));
        a = copyOfSample(temp.resolve("a"));
        b = temp.resolve("b");
        Workspace.create(b, "engine b").close();
        credentials = temp.resolve("b-credentials");
        Files.writeString(credentials, "[default]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET + "\n");
        serveB();
    }

    /** (Re)starts engine B on its workspace, on new free ports. */
    private void serveB() throws IOException, InterruptedException {
        engineB = GatehouseProcess.start(config, temp, "serve", "-w", b.toString(), "--port", "0", "--admin-port", "0",
                "--credentials", credentials.toString());
        dataPortB = Integer.parseInt(engineB.await(Pattern.compile("Gatehouse serving .* on http://127\\.0\\.0\\.1:(\\d+)")));
        adminUrl = "http://127.0.0.1:" + engineB.await(Pattern.compile("Control plane .* on http://127\\.0\\.0\\.1:(\\d+)"));
    }

    @AfterEach
    void stopEngineB() throws Exception {
        engineB.close();
    }

    @Test
    void aPushedApiAnswersOnTheRemoteAsLocallyAndAPushAfterAnEditAppliesOnlyThatChange() throws Exception {
        // given: remote b, its secret given on stdin
        GatehouseProcess.Result add = GatehouseProcess.runWithInput(config, SECRET + "\n", "remote", "add", "b", "--url", adminUrl,
                "--access-key", KEY_ID, "--secret-key", "-");
        assertThat(add.exitCode()).as(add.stderr()).isZero();
        Path remotes = config.resolve("remotes.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(remotes))).isEqualTo("rw-------");
        GatehouseProcess.Result list = GatehouseProcess.run(config, "remote", "list");
        assertThat(list.stdout()).contains("b\tGatehouse " + adminUrl + " (access key " + KEY_ID + ")").doesNotContain(SECRET);

        // when: the first push
        GatehouseProcess.Result first = GatehouseProcess.run(config, "push", "PetStore", "--to", "b", "--stage", "prod", "-w", a.toString());

        // then: created and deployed, every method new
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        Matcher created = Pattern.compile("created PetStore on b as (\\w+); deployed (\\w+) to stage prod").matcher(first.stdout());
        assertThat(created.find()).as(first.stdout()).isTrue();
        String remoteId = created.group(1);
        assertThat(first.stdout()).contains("+ GET /\n", "+ OPTIONS /pets\n", "+ GET /pets/{petId}\n", "+ POST /pets\n");
        assertThat(workspaceText(a)).as("no credential in the workspace").doesNotContain(SECRET);

        // and B answers as A does (the MOCK methods: the others call the internet)
        try (Gateway local = Gateway.openReadOnly(a)) {
            local.serve("127.0.0.1", 0);
            String here = local.invokeUrl("petstore01", "prod");
            String there = "http://127.0.0.1:" + dataPortB + "/restapis/" + remoteId + "/prod/_user_request_";
            HttpResponse<String> rootHere = send("GET", here + "/");
            HttpResponse<String> rootThere = send("GET", there + "/");
            assertThat(rootThere.statusCode()).isEqualTo(200).isEqualTo(rootHere.statusCode());
            assertThat(rootThere.body()).contains("Welcome to your Pet Store API").isEqualTo(rootHere.body());
            assertThat(rootThere.headers().firstValue("content-type")).isEqualTo(rootHere.headers().firstValue("content-type"));
            HttpResponse<String> corsHere = send("OPTIONS", here + "/pets");
            HttpResponse<String> corsThere = send("OPTIONS", there + "/pets");
            assertThat(corsThere.statusCode()).isEqualTo(200);
            for (String h : new String[] {"access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers"}) {
                assertThat(corsThere.headers().firstValue(h)).as(h).isPresent().isEqualTo(corsHere.headers().firstValue(h));
            }
        }

        // when: GET / changes locally, and the API is pushed again
        try (Gateway editor = Gateway.open(a)) {
            ApiDefinition api = editor.workspace().api("petstore01").orElseThrow();
            ApiDefinition edited = api.updateResource(api.root().id(), r -> r.withMethod(TemplateEdits.withHtml(r.method("GET"), "<h1>v2</h1>")));
            editor.history().apply(Edit.replaceApi(edited));
        }
        String there = "http://127.0.0.1:" + dataPortB + "/restapis/" + remoteId + "/prod/_user_request_/";
        GatehouseProcess.Result preview = GatehouseProcess.run(config, "push", "PetStore", "--to", "b", "--stage", "prod",
                "--dry-run", "-w", a.toString());
        assertThat(preview.exitCode()).as(preview.stderr()).isZero();
        assertThat(preview.stdout()).contains("would update " + remoteId + " and deploy stage prod (dry run: nothing changed)");
        assertThat(preview.stdout().lines().filter(l -> l.startsWith("  ")).toList()).containsExactly("  ~ GET /");
        assertThat(send("GET", there).body()).as("a dry run changes nothing").contains("Welcome to your Pet Store API");
        GatehouseProcess.Result second = GatehouseProcess.run(config, "push", "PetStore", "--to", "b", "--stage", "prod", "-w", a.toString());

        // then: the same remote API is updated, and the one changed method is all the diff shows
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("updated PetStore on b as " + remoteId + ";");
        assertThat(second.stdout().lines().filter(l -> l.startsWith("  ")).toList()).containsExactly("  ~ GET /");
        HttpResponse<String> v2 = send("GET", there);
        assertThat(v2.body()).isEqualTo("<h1>v2</h1>");

        // and the push history lists both pushes
        assertThat(GatehouseProcess.run(config, "remote", "list").stdout().lines().filter(l -> l.contains("pushed petstore01 -> " + remoteId)))
                .hasSize(2);

        // when: pulled back into an empty workspace
        Path c = temp.resolve("c");
        GatehouseProcess.Result pull = GatehouseProcess.run(config, "pull", "PetStore", "--from", "b", "-w", c.toString());

        // then: a new API whose methods, models and settings equal A's
        assertThat(pull.exitCode()).as(pull.stderr()).isZero();
        assertThat(pull.stdout()).contains("pulled PetStore as a new API").contains("from b " + remoteId + " stage prod");
        ApiDefinition original;
        try (Gateway ga = Gateway.openReadOnly(a)) {
            original = ga.workspace().api("petstore01").orElseThrow();
        }
        try (Gateway gc = Gateway.openReadOnly(c)) {
            assertThat(gc.workspace().apis()).hasSize(1);
            ApiDefinition pulled = gc.workspace().apis().getFirst();
            assertThat(pulled.name()).isEqualTo("PetStore");
            assertThat(methods(pulled)).isEqualTo(withDeclaredPathParameters(methods(original)));
            assertThat(pulled.models().stream().map(m -> modelKey(m, pulled.id())).toList())
                    .isEqualTo(original.models().stream().map(m -> modelKey(m, original.id())).toList());
            assertThat(pulled.restApi().binaryMediaTypes()).isEqualTo(original.restApi().binaryMediaTypes());
            assertThat(pulled.restApi().apiKeySource()).isEqualTo(original.restApi().apiKeySource());
        }

        // and pulling again finds nothing to change
        GatehouseProcess.Result again = GatehouseProcess.run(config, "pull", "PetStore", "--from", "b", "-w", c.toString());
        assertThat(again.exitCode()).as(again.stdout() + again.stderr()).isZero();
        assertThat(again.stdout()).contains("has the same methods as the remote; nothing changed");
    }

    @Test
    void aWrongSecretIsRefusedWithAwsErrorAndAnUnreachableRemoteIsAClearErrorAndNeitherChangesTheRemote() throws Exception {
        assertThat(GatehouseProcess.runWithInput(config, SECRET + "\n", "remote", "add", "b", "--url", adminUrl,
                "--access-key", KEY_ID, "--secret-key", "-").exitCode()).isZero();
        assertThat(GatehouseProcess.run(config, "remote", "add", "forged", "--url", adminUrl, "--access-key", KEY_ID,
                "--secret-key", "not-the-secret").exitCode()).isZero();
        assertThat(GatehouseProcess.run(config, "remote", "add", "dead", "--url", "http://127.0.0.1:1").exitCode()).isZero();

        GatehouseProcess.Result forged = GatehouseProcess.run(config, "push", "Inventory", "--to", "forged", "-w", a.toString());
        assertThat(forged.exitCode()).isEqualTo(1);
        assertThat(forged.stderr()).startsWith("gatehouse: remote forged (" + adminUrl + "): find the remote API failed: 403 ");
        GatehouseProcess.Result dead = GatehouseProcess.run(config, "push", "Inventory", "--to", "dead", "-w", a.toString());
        assertThat(dead.exitCode()).isEqualTo(1);
        assertThat(dead.stderr()).startsWith("gatehouse: remote dead (http://127.0.0.1:1): find the remote API failed: no answer");
        GatehouseProcess.Result unknown = GatehouseProcess.run(config, "push", "Inventory", "--to", "nowhere", "-w", a.toString());
        assertThat(unknown.stderr()).contains("no remote named 'nowhere'").contains("[b, forged, dead]");

        // nothing reached B: it has no Inventory API
        GatehouseProcess.Result pull = GatehouseProcess.run(config, "pull", "Inventory", "--from", "b", "-w", temp.resolve("c").toString());
        assertThat(pull.exitCode()).isEqualTo(1);
        assertThat(pull.stderr()).contains("remote b has no API with id or name 'Inventory'");
        assertThat(engineB.alive()).isTrue();
    }

    @Test
    void aPushCreatesTheStagesApiKeysAndUsagePlansOnTheRemoteOnceAndAnEditedQuotaIsAllTheNextPushChanges() throws Exception {
        // given: GET / of PetStore needs an API key; plan Gold covers stage prod with a throttle and a quota, key alice in it
        String aliceValue = "alice-key-value-0123456789abcdef";
        try (Gateway editor = Gateway.open(a)) {
            ApiDefinition api = editor.workspace().api("petstore01").orElseThrow();
            editor.history().apply(Edit.replaceApi(api.updateResource(api.root().id(), r -> r.withMethod(r.method("GET").withApiKeyRequired(true)))));
            editor.history().apply(Edit.putApiKey(new ApiKey("alicekey01", aliceValue, "alice", null, "test key", true, 0L, 0L, List.of(), Map.of())));
            editor.history().apply(Edit.putUsagePlan(new UsagePlan("goldplan01", "Gold", null,
                    List.of(new UsagePlan.ApiStage("petstore01", "prod", null)), new UsagePlan.ThrottleSettings(20, 10.0),
                    new UsagePlan.QuotaSettings(1000, 0, QuotaPeriod.DAY), null, null, List.of("alicekey01"))));
        }
        assertThat(GatehouseProcess.runWithInput(config, SECRET + "\n", "remote", "add", "b", "--url", adminUrl,
                "--access-key", KEY_ID, "--secret-key", "-").exitCode()).isZero();
        List<String> access = List.of("  + API key alice", "  + usage plan Gold (stage prod, throttle 10.0/s burst 20, quota 1000 a DAY)",
                "  + API key alice in usage plan Gold");

        // when: previewed, then pushed
        GatehouseProcess.Result preview = GatehouseProcess.run(config, "push", "PetStore", "--to", "b", "--stage", "prod", "--dry-run", "-w", a.toString());
        GatehouseProcess.Result first = GatehouseProcess.run(config, "push", "PetStore", "--to", "b", "--stage", "prod", "-w", a.toString());

        // then: the preview lists the key, the plan and the key in the plan, and the push did them
        assertThat(preview.exitCode()).as(preview.stderr()).isZero();
        assertThat(preview.stdout().lines().filter(l -> l.startsWith("  + API key") || l.startsWith("  + usage plan")).toList())
                .containsExactlyElementsOf(access);
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout().lines().filter(l -> l.startsWith("  + API key") || l.startsWith("  + usage plan")).toList())
                .containsExactlyElementsOf(access);
        Matcher created = Pattern.compile("created PetStore on b as (\\w+);").matcher(first.stdout());
        assertThat(created.find()).isTrue();
        String remoteId = created.group(1);
        assertThat(first.stdout()).contains("invoke URL: http://");

        // and B asks for the key on GET / (AWS: 403 {"message":"Forbidden"}) and lets alice's through
        String root = "http://127.0.0.1:" + dataPortB + "/restapis/" + remoteId + "/prod/_user_request_/";
        HttpResponse<String> without = send("GET", root);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        HttpResponse<String> with = http.send(HttpRequest.newBuilder(URI.create(root)).header("x-api-key", aliceValue).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(with.body()).contains("Welcome to your Pet Store API");

        // and what B's control plane reports is the plan as defined, with its stage on the remote API
        try (var sdk = sdkFor(adminUrl)) {
            var plans = sdk.getUsagePlans(r -> r.limit(50)).items();
            assertThat(plans).hasSize(1);
            assertThat(plans.getFirst().name()).isEqualTo("Gold");
            assertThat(plans.getFirst().apiStages()).singleElement().satisfies(s -> {
                assertThat(s.apiId()).isEqualTo(remoteId);
                assertThat(s.stage()).isEqualTo("prod");
            });
            assertThat(plans.getFirst().quota().limit()).isEqualTo(1000);
            assertThat(sdk.getApiKeys(r -> r.includeValues(true)).items()).singleElement()
                    .satisfies(k -> assertThat(k.value()).isEqualTo(aliceValue));
        }

        // when: pushed again unchanged, then after the quota is raised locally
        GatehouseProcess.Result again = GatehouseProcess.run(config, "push", "PetStore", "--to", "b", "--stage", "prod", "-w", a.toString());
        try (Gateway editor = Gateway.open(a)) {
            UsagePlan gold = editor.workspace().state().usagePlan("goldplan01").orElseThrow();
            editor.history().apply(Edit.putUsagePlan(new UsagePlan(gold.id(), gold.name(), gold.description(), gold.apiStages(),
                    gold.throttle(), new UsagePlan.QuotaSettings(2000, 0, QuotaPeriod.DAY), null, gold.tags(), gold.keyIds())));
        }
        GatehouseProcess.Result raised = GatehouseProcess.run(config, "push", "PetStore", "--to", "b", "--stage", "prod", "-w", a.toString());

        // then: the second push changes nothing, the third only the quota
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout().lines().filter(l -> l.startsWith("  ")).toList()).containsExactly("  no method changed");
        assertThat(raised.exitCode()).as(raised.stderr()).isZero();
        assertThat(raised.stdout().lines().filter(l -> l.startsWith("  ")).toList())
                .containsExactly("  no method changed", "  ~ usage plan Gold: quota 2000 a DAY");
        try (var sdk = sdkFor(adminUrl)) {
            assertThat(sdk.getUsagePlans(r -> r.limit(50)).items()).singleElement().satisfies(p -> assertThat(p.quota().limit()).isEqualTo(2000));
            assertThat(sdk.getApiKeys(r -> r.limit(50)).items()).hasSize(1);
        }
    }

    @Test
    void aRemoteThatDiesWhenAskedToDeployLeavesAClearErrorAndItsStageServingThePreviousDeployment() throws Exception {
        // given: PetStore pushed once to B, through a loopback relay that can kill B
        assertThat(GatehouseProcess.runWithInput(config, SECRET + "\n", "remote", "add", "b", "--url", adminUrl,
                "--access-key", KEY_ID, "--secret-key", "-").exitCode()).isZero();
        GatehouseProcess.Result first = GatehouseProcess.run(config, "push", "PetStore", "--to", "b", "--stage", "prod", "-w", a.toString());
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        Matcher created = Pattern.compile("created PetStore on b as (\\w+);").matcher(first.stdout());
        assertThat(created.find()).isTrue();
        String remoteId = created.group(1);
        try (Gateway editor = Gateway.open(a)) {
            ApiDefinition api = editor.workspace().api("petstore01").orElseThrow();
            editor.history().apply(Edit.replaceApi(api.updateResource(api.root().id(), r -> r.withMethod(TemplateEdits.withHtml(r.method("GET"), "<h1>v2</h1>")))));
        }
        GatehouseProcess dying = engineB;
        try (KillingRelay relay = KillingRelay.start(URI.create(adminUrl).getPort(), "POST /restapis/[^ ]+/deployments ", () -> {
            try {
                dying.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            assertThat(GatehouseProcess.run(config, "remote", "add", "relay", "--url", "http://127.0.0.1:" + relay.port(),
                    "--access-key", KEY_ID, "--secret-key", SECRET).exitCode()).isZero();
            // (no id recorded for relay: the push finds B's one API named PetStore)

            // when: the push reaches create-deployment and B dies
            GatehouseProcess.Result dead = GatehouseProcess.run(config, "push", "PetStore", "--to", "relay", "--stage", "prod", "-w", a.toString());

            // then: a clear error naming the step
            assertThat(dead.exitCode()).isEqualTo(1);
            assertThat(dead.stderr()).startsWith("gatehouse: remote relay (http://127.0.0.1:" + relay.port() + "): create-deployment failed: no answer");
            assertThat(relay.killed()).isTrue();
        }
        assertThat(engineB.alive()).isFalse();

        // and B, started again on its workspace, still serves the first deployment on prod
        serveB();
        HttpResponse<String> root = send("GET", "http://127.0.0.1:" + dataPortB + "/restapis/" + remoteId + "/prod/_user_request_/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("Welcome to your Pet Store API").doesNotContain("v2");
    }

    private static software.amazon.awssdk.services.apigateway.ApiGatewayClient sdkFor(String url) {
        return software.amazon.awssdk.services.apigateway.ApiGatewayClient.builder().endpointOverride(URI.create(url))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(KEY_ID, SECRET)))
                .httpClient(software.amazon.awssdk.http.apache5.Apache5HttpClient.create()).build();
    }

    /** Every method as JSON by "METHOD /path", without the cache namespace (a resource id by default). */
    private static Map<String, JsonNode> methods(ApiDefinition api) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Resource r : api.resources()) {
            for (Method m : r.resourceMethods().values()) {
                ObjectNode node = Json.mapper().valueToTree(m);
                if (node.get("methodIntegration") instanceof ObjectNode i) i.remove("cacheNamespace");
                out.put(m.httpMethod() + " " + r.path(), node);
            }
        }
        return out;
    }

    /**
     * What an OpenAPI round trip does to methods: OpenAPI requires every operation of a templated path to declare its
     * path parameters, so each method of {@code /pets/{petId}} comes back requiring {@code method.request.path.petId}
     * (AWS's export and import do the same).
     */
    private static Map<String, JsonNode> withDeclaredPathParameters(Map<String, JsonNode> methods) {
        Map<String, JsonNode> out = new TreeMap<>();
        methods.forEach((key, method) -> {
            ObjectNode m = method.deepCopy();
            Matcher names = Pattern.compile("\\{([^}+]+)\\+?}").matcher(key);
            while (names.find()) {
                ObjectNode params = m.get("requestParameters") instanceof ObjectNode o ? o : m.putObject("requestParameters");
                params.put("method.request.path." + names.group(1), true);
            }
            out.put(key, m);
        });
        return out;
    }

    /**
     * A model as name, content type and parsed schema, as an OpenAPI round trip keeps it: references name the API
     * they are in ({@code …/restapis/API/models/Pet}, here API), and the {@code $schema} keyword, which OpenAPI
     * schemas do not carry, is left out.
     */
    private static String modelKey(dev.gatehouse.engine.model.Model m, String apiId) {
        try {
            if (m.schema() == null) return m.name() + " " + m.contentType();
            ObjectNode schema = (ObjectNode) Json.mapper().readTree(m.schema().replace("/restapis/" + apiId + "/", "/restapis/API/"));
            schema.remove("$schema");
            return m.name() + " " + m.contentType() + " " + schema;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(m.name() + ": " + e.getMessage());
        }
    }

    private HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String workspaceText(Path ws) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(ws)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) all.append(Files.readString(p));
        }
        return all.toString();
    }

    static Path copyOfSample(Path target) throws IOException {
        Path source = GatehouseProcess.repo().resolve("resources/sample-workspace");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return target;
    }
}

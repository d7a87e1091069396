package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.workspace.Edit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CLI usage-plan tests share: a key and a plan made through the real launcher on a copy of the sample
 * workspace, and an engine serving that workspace's PetStore with the key required on {@code GET /} of stage prod.
 */
final class CliQuotaFixture {
    /** An API key as {@code gatehouse api-key create} printed it. */
    record Key(String id, String value) {}

    private CliQuotaFixture() {}

    /** {@code gatehouse api-key create NAME}: the new key's id and its 40-character value. */
    static Key createKey(Path ws, String name) throws IOException, InterruptedException {
        Cli.Result created = Cli.run("api-key", "create", name, "-w", ws.toString());
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        Matcher m = Pattern.compile("\\(id (\\w+), enabled\\): (\\w{40})").matcher(created.stdout());
        assertThat(m.find()).as(created.stdout()).isTrue();
        return new Key(m.group(1), m.group(2));
    }

    /** {@code gatehouse usage-plan create PLAN} over PetStore's prod with a daily quota, then {@code add-key}. */
    static void createPlanWithKey(Path ws, String plan, int dailyQuota, String keyName) throws IOException, InterruptedException {
        Cli.Result created = Cli.run("usage-plan", "create", plan, "--api", "PetStore", "--stage", "prod", "--quota",
                String.valueOf(dailyQuota), "--period", "DAY", "-w", ws.toString());
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        Cli.Result added = Cli.run("usage-plan", "add-key", plan, keyName, "-w", ws.toString());
        assertThat(added.exitCode()).as(added.stderr()).isZero();
    }

    /** An engine serving {@code ws} whose PetStore {@code GET /} on prod needs a key; {@link #call} sends {@code key}. */
    record Served(Gateway gateway, HttpClient http, HttpRequest call) implements AutoCloseable {
        HttpResponse<String> send() throws IOException, InterruptedException {
            return http.send(call, HttpResponse.BodyHandlers.ofString());
        }

        /** {@code "STATUS BODY"} of one call. */
        String answer() throws IOException, InterruptedException {
            HttpResponse<String> r = send();
            return r.statusCode() + " " + r.body();
        }

        @Override public void close() {
            gateway.close();
        }
    }

    static Served serveKeyedPetStore(Path ws, Key key) {
        Gateway gateway = Gateway.open(ws);
        try {
            ApiDefinition petStore = gateway.workspace().apis().stream().filter(a -> a.name().equals("PetStore")).findFirst().orElseThrow();
            gateway.history().apply(Edit.replaceApi(petStore.updateResource(petStore.root().id(),
                    r -> r.withMethod(r.method("GET").withApiKeyRequired(true)))));
            gateway.deploy(petStore.id(), "prod", "keys");
            gateway.serve("127.0.0.1", 0);
            HttpRequest call = HttpRequest.newBuilder(URI.create(gateway.invokeUrl(petStore.id(), "prod") + "/"))
                    .header("x-api-key", key.value()).build();
            return new Served(gateway, HttpClient.newHttpClient(), call);
        } catch (RuntimeException | Error e) {
            gateway.close();
            throw e;
        }
    }
}

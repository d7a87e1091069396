package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.remote.Remote;
import dev.gatehouse.engine.remote.RemoteStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse remote add|list|remove}: the named remote gateways push and pull talk to, kept in the user's
 * {@link RemoteStore} (never in a workspace).
 */
@Command(name = "remote", mixinStandardHelpOptions = true,
        description = "Manage remote gateways (other Gatehouse engines, Amazon API Gateway) to push to and pull from.",
        subcommands = {RemoteCommand.Add.class, RemoteCommand.ListRemotes.class, RemoteCommand.Remove.class})
final class RemoteCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a remote: --url for another Gatehouse "
            + "engine's control plane (gatehouse serve --admin-port), or only --region for Amazon API Gateway.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME") String name;

        @Option(names = "--url", paramLabel = "URL", description = "Control-plane URL of a Gatehouse engine, e.g. http://127.0.0.1:4011.")
        String url;

        @Option(names = "--region", paramLabel = "REGION", description = "AWS region (required without --url).")
        String region;

        @Option(names = "--access-key", paramLabel = "KEY_ID", description = "Access key id to sign with (default: "
                + "the AWS credential chain for AWS; a placeholder key for a Gatehouse engine without --credentials).")
        String accessKey;

        @Option(names = "--secret-key", paramLabel = "SECRET", description = "Secret access key; '-' reads it from stdin "
                + "(keeps it out of the shell history).")
        String secretKey;

        @Override public Integer call() throws IOException {
            String secret = secretKey;
            if ("-".equals(secret)) {
                secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (secret == null || secret.isBlank()) throw CliErrors.of("--secret-key -: no secret on stdin");
                secret = secret.strip();
            }
            Remote remote = Remote.of(name, url, region, accessKey, secret);
            RemoteStore store = RemoteStore.userDefault();
            store.add(remote);
            System.out.println("added remote " + remote.name() + ": " + remote.describe() + " (saved in " + store.file() + ")");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the remotes (secrets are never shown).")
    static final class ListRemotes implements Callable<Integer> {
        @Override public Integer call() {
            RemoteStore store = RemoteStore.userDefault();
            List<Remote> all = store.list();
            if (all.isEmpty()) {
                System.out.println("no remotes yet: gatehouse remote add NAME --url URL (or --region REGION for AWS)");
                return 0;
            }
            for (Remote r : all) {
                System.out.println(r.name() + "\t" + r.describe());
                r.history().stream().skip(Math.max(0, r.history().size() - 3)).forEach(p -> System.out.println("\tpushed "
                        + p.localApiId() + " -> " + p.remoteApiId() + " stage " + p.stage() + " deployment "
                        + p.deploymentId() + " at " + java.time.Instant.ofEpochSecond(p.pushedAt())));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a remote (nothing changes on it).")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME") String name;

        @Override public Integer call() {
            if (!RemoteStore.userDefault().remove(name)) throw CliErrors.of("no remote named '" + name + "'");
            System.out.println("removed remote " + name);
            return 0;
        }
    }
}

package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.remote.Pusher;
import dev.gatehouse.engine.remote.Remote;
import dev.gatehouse.engine.remote.RemoteStore;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse push API --to REMOTE [--stage S]}: put-rest-api (overwrite) then create-deployment on a remote. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Push an API to a remote gateway (put-rest-api overwrite, then create-deployment to the stage).")
final class PushCommand implements Callable<Integer> {

    @Parameters(paramLabel = "API", description = "Id or name of the workspace API.")
    String api;

    @Option(names = "--to", required = true, paramLabel = "REMOTE", description = "Name of the remote (gatehouse remote list).")
    String to;

    @Option(names = "--stage", defaultValue = "prod", paramLabel = "STAGE", description = "Remote stage to deploy to (default ${DEFAULT-VALUE}).")
    String stage;

    @Option(names = "--dry-run", description = "Only show what the push would change on the remote (the semantic diff "
            + "against what it has now) and what it cannot take over; change nothing.")
    boolean dryRun;

    @Mixin WorkspaceOption workspace;

    @Override public Integer call() {
        RemoteStore store = RemoteStore.userDefault();
        Remote remote = store.require(to);
        try (Gateway gateway = workspace.openForReading()) {
            ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
            if (dryRun) {
                Pusher.Preview p = new Pusher(Clock.systemUTC()).preview(gateway.workspace(), definition, remote, stage);
                p.warnings().forEach(w -> System.err.println("warning: " + w));
                System.out.println("push " + definition.name() + " to " + remote.name() + " would "
                        + (p.remoteApiId() == null ? "create it" : "update " + p.remoteApiId()) + " and deploy stage " + stage
                        + " (dry run: nothing changed)");
                if (p.changes().isEmpty()) System.out.println("  no method changed");
                p.changes().forEach(c -> System.out.println("  " + c));
                p.breaking().forEach(c -> System.out.println("breaking: " + c));
                p.accessChanges().forEach(c -> System.out.println("  " + c));
                return 0;
            }
            Pusher.Result r = new Pusher(Clock.systemUTC()).push(gateway.workspace(), definition, remote, stage);
            store.update(r.remoteAfter());
            r.warnings().forEach(w -> System.err.println("warning: " + w));
            System.out.println((r.created() ? "created " : "updated ") + definition.name() + " on " + remote.name()
                    + " as " + r.remoteApiId() + "; deployed " + r.deploymentId() + " to stage " + r.stage());
            if (r.changes().isEmpty()) System.out.println("  no method changed");
            r.changes().forEach(c -> System.out.println("  " + c));
            r.accessChanges().forEach(c -> System.out.println("  " + c));
            if (r.invokeUrl() != null) System.out.println("invoke URL: " + r.invokeUrl());
        }
        return 0;
    }
}

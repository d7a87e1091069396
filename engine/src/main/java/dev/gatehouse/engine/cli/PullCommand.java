package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.remote.Puller;
import dev.gatehouse.engine.remote.Remote;
import dev.gatehouse.engine.remote.RemoteStore;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse pull API --from REMOTE [--stage S] [--overwrite]}: a remote stage's API into the workspace. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Pull what a remote stage serves into the workspace (a new API, or a diff to accept with --overwrite).")
final class PullCommand implements Callable<Integer> {

    @Parameters(paramLabel = "API", description = "Id or name of the API on the remote.")
    String api;

    @Option(names = "--from", required = true, paramLabel = "REMOTE", description = "Name of the remote (gatehouse remote list).")
    String from;

    @Option(names = "--stage", paramLabel = "STAGE", description = "Remote stage to export (default: the API's only stage).")
    String stage;

    @Option(names = "--overwrite", description = "Replace the workspace API of the same name (or pulled before) with the remote one.")
    boolean overwrite;

    @Mixin WorkspaceOption workspace;

    @Override public Integer call() {
        RemoteStore store = RemoteStore.userDefault();
        Remote remote = store.require(from);
        try (Gateway gateway = workspace.open(true)) {
            Puller.Result r = new Puller(Clock.systemUTC()).pull(gateway, remote, api, stage, overwrite);
            ImportCommand.print(r.report());
            if (r.applied()) store.update(r.remoteAfter());
            String what = r.created() ? "pulled " + r.name() + " as a new API " + r.localApiId()
                    : r.applied() ? "updated " + r.name() + " (" + r.localApiId() + ")"
                    // no method differs: say so once, rather than "differs" followed by "no method differs"
                    : r.changes().isEmpty() ? r.name() + " (" + r.localApiId() + ") has the same methods as the remote; "
                            + "nothing changed (--overwrite takes the remote's whole definition anyway)"
                    : r.name() + " (" + r.localApiId() + ") differs from the remote; nothing changed (--overwrite accepts it)";
            System.out.println(what + " from " + remote.name() + " " + r.remoteApiId() + " stage " + r.stage());
            if (r.applied() && !r.created() && r.changes().isEmpty()) System.out.println("  no method differs");
            r.changes().forEach(c -> System.out.println("  " + c));
            return r.applied() || r.changes().isEmpty() ? 0 : 3;
        }
    }
}

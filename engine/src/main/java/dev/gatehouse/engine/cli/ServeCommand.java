package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.server.DataPlaneServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: serves every deployed stage of the workspace on one port until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve every deployed stage of the workspace on real HTTP.")
final class ServeCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 4010;

    @Mixin WorkspaceOption workspace;

    @Option(names = {"-p", "--port"}, defaultValue = "" + DEFAULT_PORT, description = "Port (0 = any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--lock", description = "Take the workspace's writer lock instead of following the disk: other "
            + "processes cannot edit or deploy while serving.")
    boolean lock;

    @Override public Integer call() throws InterruptedException {
        // by default serve reads without the writer lock and follows the disk, so `gatehouse deploy` (or the console)
        // can deploy while this process serves
        Gateway gateway = lock ? workspace.open(false) : workspace.openForReading();
        if (!lock) gateway.followDisk(java.time.Duration.ofMillis(500));
        DataPlaneServer server;
        try {
            server = gateway.serve(host, port);
        } catch (IllegalStateException e) {
            gateway.close();
            throw CliErrors.of(e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gatehouse-shutdown"));
        System.out.println("Gatehouse serving " + gateway.workspace().root() + " on http://" + host + ":" + server.port());
        int stages = 0;
        for (ApiDefinition api : gateway.workspace().apis()) {
            for (Stage stage : gateway.workspace().stages(api.id())) {
                if (!gateway.plan().apis().containsKey(api.id())
                        || !gateway.plan().apis().get(api.id()).stages().containsKey(stage.stageName())) continue;
                stages++;
                System.out.println("  " + api.name() + " / " + stage.stageName() + ":  "
                        + gateway.invokeUrl(api.id(), stage.stageName()) + "   (" + gateway.hostStyleInvokeUrl(api.id(), stage.stageName()) + ")");
            }
        }
        gateway.planProblems().forEach((where, why) -> System.err.println("  not served: " + where + ": " + why));
        if (stages == 0) System.out.println("  no deployed stages yet: run 'gatehouse deploy API --stage NAME'");
        System.out.flush();
        stopped.await();
        return 0;
    }
}

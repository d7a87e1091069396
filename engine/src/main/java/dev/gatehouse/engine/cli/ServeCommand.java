package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.access.state.FailurePolicy;
import dev.gatehouse.engine.access.state.StateOptions;
import dev.gatehouse.engine.access.state.StateUnavailableException;
import dev.gatehouse.engine.control.ControlApi;
import dev.gatehouse.engine.control.ControlPlaneOptions;
import dev.gatehouse.engine.control.ControlPlaneServer;
import dev.gatehouse.engine.routing.RuntimePlan;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.server.DataPlaneServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse serve}: serves every deployed stage of the workspace on one port until stopped; with
 * {@code --admin-port}, also Amazon API Gateway's control-plane API on another (the AWS CLI and SDKs manage the
 * workspace through it). The control plane makes ordinary workspace edits, so this process then opens the workspace
 * for editing; writers take the workspace's lock only while they write, so the console and other CLI commands keep
 * editing and deploying meanwhile, and this process follows what they write to disk either way.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve every deployed stage of the workspace on real HTTP.")
final class ServeCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 4010;

    @Mixin WorkspaceOption workspace;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT, description = "Port (0 = any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--lock", description = "Open the workspace for editing (as --admin-port does) rather than read-only; "
            + "other processes still edit and deploy, each write takes the lock only while it is written.")
    boolean lock;

    @Option(names = "--admin-port", paramLabel = "PORT", description = "Also serve the AWS-compatible control plane "
            + "(service apigateway) on PORT (0 = any free port); opens the workspace for editing.")
    Integer adminPort;

    @Option(names = "--admin-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address of the control plane (default "
            + "${DEFAULT-VALUE}); beyond loopback only with --credentials.")
    String adminHost;

    @Option(names = "--throttle-rate", paramLabel = "RPS", description = "Engine-wide throttle rate in requests per "
            + "second, AWS's account-level limit (default ${DEFAULT-VALUE}); stage and usage-plan limits still apply.",
            defaultValue = "10000")
    double throttleRate;

    @Option(names = "--throttle-burst", paramLabel = "N", description = "Engine-wide throttle burst (default "
            + "${DEFAULT-VALUE}, AWS's account-level burst).", defaultValue = "5000")
    long throttleBurst;

    @Option(names = "--credentials", paramLabel = "FILE", description = "Access keys the control plane accepts, in the "
            + "AWS shared-credentials format ([profile] with aws_access_key_id and aws_secret_access_key). Without it, "
            + "any well-formed SigV4 signature is accepted (loopback only).")
    java.nio.file.Path credentials;

    @Option(names = "--admin-tls-cert", paramLabel = "FILE", description = "Serve the control plane over HTTPS with "
            + "this PEM certificate (chain, server certificate first); needs --admin-tls-key.")
    java.nio.file.Path adminTlsCert;

    @Option(names = "--admin-tls-key", paramLabel = "FILE", description = "The PEM private key of --admin-tls-cert.")
    java.nio.file.Path adminTlsKey;

    @Option(names = "--state", paramLabel = "URL", defaultValue = "in-process", description = "Where throttle buckets "
            + "and usage-plan quota counters live: in-process (default; quotas kept in .gatehouse/usage.db) or "
            + "redis://HOST:PORT, shared by every engine that names the same server, so engines behind one load "
            + "balancer enforce one limit and one quota together.")
    String state;

    @Option(names = "--state-failure", paramLabel = "POLICY", defaultValue = "throttle=open,quota=closed",
            description = "What to do with requests while the Redis state cannot be reached: "
                    + "throttle=open|closed,quota=open|closed (default ${DEFAULT-VALUE}); closed answers 429.")
    String stateFailure;

    @Override public Integer call() throws InterruptedException {
        // by default serve reads without the writer lock and follows the disk, so `gatehouse deploy` (or the console)
        // can deploy while this process serves
        boolean editing = lock || adminPort != null;
        checkPort("--port", port);
        if (adminPort != null) checkPort("--admin-port", adminPort);
        if (adminPort == null && (adminTlsCert != null || adminTlsKey != null)) {
            throw CliErrors.of("--admin-tls-cert and --admin-tls-key need --admin-port (they secure the control plane)");
        }
        ControlPlaneOptions adminOptions = adminPort == null ? null : adminOptions();
        if (!(throttleRate >= 0) || Double.isInfinite(throttleRate)) {
            throw CliErrors.of("--throttle-rate must be a number of requests per second >= 0, not " + throttleRate);
        }
        if (throttleBurst < 0) throw CliErrors.of("--throttle-burst must be >= 0, not " + throttleBurst);
        StateOptions stateOptions = stateOptions();
        Gateway gateway;
        if (stateOptions.redis() == null) {
            // with the control plane an empty folder is a usable start, as a new AWS account is: the AWS CLI, the
            // SDKs and `gatehouse push` create its APIs
            gateway = editing ? workspace.open(adminPort != null) : workspace.openForReading();
        } else {
            java.nio.file.Path d = workspace.dir.toAbsolutePath().normalize();
            if (!java.nio.file.Files.exists(d.resolve("workspace.json"))) {
                throw WorkspaceOption.noWorkspace(d);
            }
            try {
                gateway = Gateway.open(d, !editing, stateOptions);
            } catch (StateUnavailableException e) {
                // the message names host and port only: a password in the URL is never echoed
                throw CliErrors.of(e.getMessage() + " (the --state server); start it or serve with in-process state");
            }
            gateway.workspace().problems().forEach(p -> System.err.println("warning: " + p));
        }
        gateway.setEngineThrottle(throttleRate, throttleBurst);
        gateway.followDisk(java.time.Duration.ofMillis(500)); // deploys by the console or other commands are served
        DataPlaneServer server;
        ControlPlaneServer admin = null;
        try {
            server = gateway.serve(host, port);
            if (adminOptions != null) {
                admin = ControlPlaneServer.start(adminOptions, new ControlApi(gateway, adminOptions.keys(), adminOptions.clock()));
            }
        } catch (IllegalStateException e) {
            gateway.close();
            throw CliErrors.of(e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ControlPlaneServer adminServer = admin;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (adminServer != null) adminServer.close(); // first: no edit starts while the gateway closes
            gateway.close();
            stopped.countDown();
        }, "gatehouse-shutdown"));
        System.out.println("Gatehouse serving " + gateway.workspace().root() + " on http://" + host + ":" + server.port());
        if (stateOptions.redis() != null) System.out.println("Throttle and quota state: " + gateway.stateDescription());
        if (admin != null) {
            System.out.println("Control plane (Amazon API Gateway REST API) on " + admin.endpoint()
                    + "   e.g. aws apigateway get-rest-apis --endpoint-url " + admin.endpoint());
            System.out.println(adminOptions.keys().isEmpty()
                    ? "  no --credentials: any well-formed SigV4 signature is accepted (loopback only)"
                    : "  requests must be signed with one of " + adminOptions.keys().secrets().size() + " configured access key(s)");
        }
        int stages = 0;
        java.util.List<String> portNotes = new java.util.ArrayList<>();
        RuntimePlan initial = gateway.plan();
        java.util.Map<String, String> initialProblems = gateway.planProblems();
        for (ApiDefinition api : gateway.workspace().apis()) {
            for (Stage stage : gateway.workspace().stages(api.id())) {
                if (!initial.apis().containsKey(api.id())
                        || !initial.apis().get(api.id()).stages().containsKey(stage.stageName())) continue;
                stages++;
                System.out.println("  " + api.name() + " / " + stage.stageName() + ":  "
                        + gateway.invokeUrl(api.id(), stage.stageName()) + "   (" + gateway.hostStyleInvokeUrl(api.id(), stage.stageName()) + ")");
                portNotes.addAll(DefaultPortVariables.notes(api.name(), stage.stageName(), stage.variables(), server.port()));
            }
        }
        initialProblems.forEach((where, why) -> System.err.println("  not served: " + where + ": " + why));
        if (stages == 0) System.out.println("  no deployed stages yet: run 'gatehouse deploy API --stage NAME'");
        portNotes.forEach(System.err::println);
        System.out.flush();
        followServedStages(gateway, initial, initialProblems);
        stopped.await();
        return 0;
    }

    /**
     * From now on, a line for each stage a deploy made elsewhere (another terminal, the console, the control plane)
     * serves, moves to another deployment or stops serving. The plan is read once more after subscribing, so a
     * rebuild between the start's listing and the subscription is reported too.
     */
    private static void followServedStages(Gateway gateway, RuntimePlan initial, java.util.Map<String, String> initialProblems) {
        ServedStagesReport report = new ServedStagesReport(ServedStagesReport.of(
                apiId -> gateway.workspace().api(apiId).map(ApiDefinition::name).orElse(apiId),
                gateway::invokeUrl, gateway::hostStyleInvokeUrl), initial, initialProblems);
        java.util.function.Consumer<RuntimePlan> print = plan -> {
            for (String line : report.update(plan, gateway.planProblems())) {
                (line.startsWith("not served:") ? System.err : System.out).println("  " + line);
            }
        };
        gateway.onPlanServed(print);
        print.accept(gateway.plan());
    }

    private static void checkPort(String option, int value) {
        if (value < 0 || value > 65535) {
            throw CliErrors.of(option + " must be a TCP port from 1 to 65535 (0 = any free port), not " + value);
        }
    }

    private StateOptions stateOptions() {
        try {
            return StateOptions.parse(state, FailurePolicy.parse(stateFailure));
        } catch (IllegalArgumentException e) {
            throw CliErrors.of(e.getMessage());
        }
    }

    private ControlPlaneOptions adminOptions() {
        AccessKeys keys = AccessKeys.none();
        if (credentials != null) {
            try {
                keys = AccessKeys.read(credentials);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw CliErrors.of(e.getMessage());
            }
        }
        if ((adminTlsCert == null) != (adminTlsKey == null)) {
            throw CliErrors.of("--admin-tls-cert and --admin-tls-key go together: give both PEM files, or neither");
        }
        try {
            ControlPlaneOptions options = new ControlPlaneOptions(adminHost, adminPort, keys, ControlPlaneOptions.DEFAULT_MAX_BODY,
                    java.time.Clock.systemUTC());
            return adminTlsCert == null ? options : options.withTls(dev.gatehouse.engine.control.ControlPlaneTls.read(adminTlsCert, adminTlsKey));
        } catch (IllegalArgumentException e) {
            throw CliErrors.of(e.getMessage());
        }
    }
}

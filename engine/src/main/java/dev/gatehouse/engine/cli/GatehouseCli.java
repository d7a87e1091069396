package dev.gatehouse.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the headless CLI ({@code engine/target/gatehouse}). */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Gatehouse: design, run and export REST APIs the way Amazon API Gateway does.",
        subcommands = {ImportCommand.class, ExportCommand.class, ValidateCommand.class, DeployCommand.class,
                ServeCommand.class, InvokeCommand.class, CorsCommand.class, SdkCommand.class, DocsCommand.class,
                FunctionCommand.class, ApiKeyCommand.class, UsagePlanCommand.class,
                TokenCommand.class, CacheCommand.class, LogsCommand.class, MetricsCommand.class, AuditCommand.class,
                RemoteCommand.class, PushCommand.class, PullCommand.class})
public final class GatehouseCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code; tests call this instead of {@link #main}. */
    public static int execute(String... args) {
        dev.gatehouse.engine.observe.AuditActor.setProcessDefault("cli"); // the audit trail's userIdentity
        CommandLine cli = new CommandLine(new GatehouseCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("gatehouse: " + oneLine(e));
            commandLine.getErr().flush();
            return e instanceof CliErrors c ? c.exitCode() : 1;
        });
        return cli.execute(args);
    }

    /** The one-line reason for a failure: the message of the deepest cause that has one. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c.getMessage() != null && !c.getMessage().isBlank()) {
                    message = c.getMessage();
                    break;
                }
            }
        }
        return message.replace('\n', ' ').replace('\r', ' ');
    }

    /** No command: how to start from here (see {@link FirstRun}), then the usage. */
    @Override public void run() {
        System.out.println(FirstRun.message(java.nio.file.Path.of("").toAbsolutePath(), FirstRun.bundledSample()));
        spec.commandLine().usage(System.out);
    }
}

package dev.gatehouse.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the headless CLI ({@code engine/target/gatehouse}). */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Gatehouse: design, run and export REST APIs the way Amazon API Gateway does.")
public final class GatehouseCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code; tests call this instead of {@link #main}. */
    public static int execute(String... args) {
        return new CommandLine(new GatehouseCli()).execute(args);
    }

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }
}

package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.access.UsageReport;
import dev.gatehouse.engine.access.state.FailurePolicy;
import dev.gatehouse.engine.access.state.StateOptions;
import dev.gatehouse.engine.access.state.StateUnavailableException;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.UsagePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse usage-plan reset-usage PLAN KEY [--remaining N] [--state URL]}: AWS's UpdateUsage ({@code replace
 * /remaining}) from the command line. Sets what is left of the key's quota in the current period (default: the
 * plan's whole limit, a reset) and prints the key's usage today in AWS's Usage shape. With in-process state the
 * change goes to the workspace's {@code .gatehouse/usage.db}, which a running {@code gatehouse serve} on the same
 * workspace takes up within a second; with {@code --state redis://…} it goes to the Redis server the engines share.
 * Opens the workspace read-only (no writer lock), so it works while an engine serves it.
 */
@Command(name = "reset-usage", mixinStandardHelpOptions = true,
        description = "Reset or extend an API key's remaining quota in a usage plan's current period (AWS UpdateUsage).")
final class UsagePlanResetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN", description = "Id or name of the usage plan.") String plan;

    @Parameters(index = "1", paramLabel = "KEY", description = "Id or name of an API key in the plan.") String key;

    @Option(names = "--remaining", paramLabel = "N",
            description = "Requests left in the current period (default: the plan's quota limit).") Long remaining;

    @Option(names = "--state", paramLabel = "URL", defaultValue = "in-process",
            description = "Where the engines keep quota counters: in-process (the workspace's usage store, the "
                    + "default) or redis://HOST:PORT, as given to gatehouse serve --state.") String state;

    @Mixin WorkspaceOption workspace;

    @Override public Integer call() throws Exception {
        if (remaining != null && remaining < 0) throw CliErrors.of("--remaining must be 0 or more, not " + remaining);
        try (Gateway gateway = open()) {
            UsagePlan p = UsagePlanCommand.plan(gateway, plan);
            ApiKey k = ApiKeyCommand.key(gateway, key);
            if (!p.keyIds().contains(k.id())) {
                throw CliErrors.of("API key " + label(k) + " is not in usage plan " + p.name() + " (" + p.id() + ")");
            }
            if (p.quota() == null || p.quota().limit() == null) {
                throw CliErrors.of("usage plan " + p.name() + " has no quota: there is no remaining quota to reset");
            }
            long left = remaining == null ? p.quota().limit() : remaining;
            UsageReport report;
            try {
                report = gateway.updateUsage(p.id(), k.id(), left);
            } catch (IllegalStateException e) {
                throw CliErrors.of(e.getMessage());
            }
            System.err.println("API key " + label(k) + " has " + left + " request" + (left == 1 ? "" : "s")
                    + " left in usage plan " + p.name() + " until its " + p.quota().period() + " quota period ends");
            UsagePlanCommand.printUsage(report);
        }
        return 0;
    }

    private Gateway open() {
        StateOptions options;
        try {
            options = StateOptions.parse(state, FailurePolicy.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw CliErrors.of(e.getMessage());
        }
        if (options.redis() == null) return workspace.openForReading();
        Path d = workspace.dir.toAbsolutePath().normalize();
        if (!Files.exists(d.resolve("workspace.json"))) throw CliErrors.of("no workspace at " + d + " (workspace.json not found)");
        try {
            return Gateway.open(d, true, options);
        } catch (StateUnavailableException e) {
            throw CliErrors.of(e.getMessage() + " (the --state server)");
        }
    }

    private static String label(ApiKey k) {
        return k.name() == null ? k.id() : k.name() + " (" + k.id() + ")";
    }
}

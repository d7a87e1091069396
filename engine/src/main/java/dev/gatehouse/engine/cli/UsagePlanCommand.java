package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.access.UsageReport;
import dev.gatehouse.engine.control.UsageShape;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.Json;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.workspace.Edit;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse usage-plan create|add-key|usage|reset-usage}: usage plans as AWS's CreateUsagePlan,
 * CreateUsagePlanKey, GetUsage and UpdateUsage make, report and reset them. Plans and keys are named by id or name.
 */
@Command(name = "usage-plan", mixinStandardHelpOptions = true,
        description = "Create usage plans, add keys, report and reset usage.",
        subcommands = {UsagePlanCommand.Create.class, UsagePlanCommand.AddKey.class, UsagePlanCommand.Usage.class,
                UsagePlanResetCommand.class})
final class UsagePlanCommand implements Runnable {

    @Override public void run() {
        throw CliErrors.of("name a subcommand: create, add-key, usage or reset-usage (gatehouse usage-plan --help)");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a usage plan over an API stage.")
    static final class Create implements Callable<Integer> {

        @Parameters(paramLabel = "NAME") String name;

        @Option(names = "--api", required = true, paramLabel = "API", description = "Id or name of the API.") String api;

        @Option(names = "--stage", required = true, paramLabel = "STAGE") String stage;

        @Option(names = "--rate", paramLabel = "RPS", description = "Throttle: requests per second per key.") Double rate;

        @Option(names = "--burst", paramLabel = "N", description = "Throttle: bucket size per key.") Integer burst;

        @Option(names = "--quota", paramLabel = "N", description = "Requests per period per key.") Integer quota;

        @Option(names = "--period", paramLabel = "DAY|WEEK|MONTH", defaultValue = "DAY") QuotaPeriod period;

        @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
                description = "Quota period start: WEEK 0 = Sunday; MONTH days after the 1st.") int offset;

        @Mixin WorkspaceOption workspace;

        @Override public Integer call() {
            if ((rate == null) != (burst == null)) throw CliErrors.of("--rate and --burst go together");
            try (Gateway gateway = workspace.open(false)) {
                ApiDefinition definition = WorkspaceOption.api(gateway.workspace(), api);
                if (gateway.workspace().stage(definition.id(), stage).isEmpty()) {
                    throw CliErrors.of("API " + definition.name() + " has no stage '" + stage + "'");
                }
                UsagePlan plan = new UsagePlan(Ids.shortId(), name, null,
                        List.of(new UsagePlan.ApiStage(definition.id(), stage, Map.of())),
                        rate == null ? null : new UsagePlan.ThrottleSettings(burst, rate),
                        quota == null ? null : new UsagePlan.QuotaSettings(quota, offset, period), null, Map.of(), List.of());
                gateway.history().apply(Edit.putUsagePlan(plan));
                System.out.println("created usage plan " + name + " (id " + plan.id() + ") for " + definition.name() + "/" + stage);
            }
            return 0;
        }
    }

    @Command(name = "add-key", mixinStandardHelpOptions = true, description = "Add an API key to a usage plan.")
    static final class AddKey implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "PLAN") String plan;

        @Parameters(index = "1", paramLabel = "KEY") String key;

        @Mixin WorkspaceOption workspace;

        @Override public Integer call() {
            try (Gateway gateway = workspace.open(false)) {
                UsagePlan p = plan(gateway, plan);
                ApiKey k = ApiKeyCommand.key(gateway, key);
                if (p.keyIds().contains(k.id())) throw CliErrors.of("Usage Plan " + p.id() + " already contains API key " + k.id());
                List<String> keys = new ArrayList<>(p.keyIds());
                keys.add(k.id());
                gateway.history().apply(Edit.putUsagePlan(new UsagePlan(p.id(), p.name(), p.description(), p.apiStages(),
                        p.throttle(), p.quota(), p.productCode(), p.tags(), keys)));
                System.out.println("added API key " + k.name() + " to usage plan " + p.name());
            }
            return 0;
        }
    }

    @Command(name = "usage", mixinStandardHelpOptions = true,
            description = "Print a plan's usage per key and day as AWS's GetUsage does (JSON).")
    static final class Usage implements Callable<Integer> {

        @Parameters(paramLabel = "PLAN") String plan;

        @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "First day (default: today, UTC).") LocalDate start;

        @Option(names = "--end", paramLabel = "YYYY-MM-DD", description = "Last day (default: today, UTC).") LocalDate end;

        @Option(names = "--key", paramLabel = "KEY", description = "Only this API key (id or name).") String key;

        @Mixin WorkspaceOption workspace;

        @Override public Integer call() throws Exception {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            try (Gateway gateway = workspace.openForReading()) {
                UsagePlan p = plan(gateway, plan);
                String keyId = key == null ? null : ApiKeyCommand.key(gateway, key).id();
                UsageReport report = gateway.usage(p.id(), keyId, start == null ? today : start, end == null ? today : end);
                printUsage(report);
            }
            return 0;
        }
    }

    static UsagePlan plan(Gateway gateway, String idOrName) {
        List<UsagePlan> plans = gateway.workspace().state().usagePlans();
        for (UsagePlan p : plans) if (p.id().equals(idOrName)) return p;
        List<UsagePlan> named = plans.stream().filter(p -> idOrName.equals(p.name())).toList();
        if (named.size() == 1) return named.get(0);
        if (named.isEmpty()) throw CliErrors.of("no usage plan with id or name '" + idOrName + "'");
        throw CliErrors.of("several usage plans are named '" + idOrName + "'; use the id: " + named.stream().map(UsagePlan::id).toList());
    }

    /** Prints a usage report to stdout in AWS's GetUsage shape, built where the control plane builds it. */
    static void printUsage(UsageReport report) throws Exception {
        System.out.println(Json.prettyWriter().writeValueAsString(UsageShape.json(report)));
    }
}

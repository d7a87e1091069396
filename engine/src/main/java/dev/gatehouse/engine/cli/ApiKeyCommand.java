package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.workspace.Edit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse api-key create|list}: API keys as AWS's CreateApiKey / GetApiKeys make them. A generated value
 * is 40 letters and digits (AWS's length); an imported one must have at least 20 characters (AWS: "API Key value
 * should be at least 20 characters"). Values are printed only at creation and with {@code --show-values}.
 */
@Command(name = "api-key", mixinStandardHelpOptions = true, description = "Create and list API keys.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class})
final class ApiKeyCommand implements Runnable {

    @Override public void run() {
        throw CliErrors.of("name a subcommand: create or list (gatehouse api-key --help)");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an API key.")
    static final class Create implements Callable<Integer> {

        @Parameters(paramLabel = "NAME") String name;

        @Option(names = "--value", paramLabel = "VALUE", description = "Import this value instead of generating one.")
        String value;

        @Option(names = "--disabled", description = "Create the key disabled.")
        boolean disabled;

        @Option(names = "--description", paramLabel = "TEXT") String description;

        @Mixin WorkspaceOption workspace;

        @Override public Integer call() {
            if (value != null && value.length() < 20) throw CliErrors.of("API Key value should be at least 20 characters");
            String v = value != null ? value : Ids.random(40);
            long now = Instant.now().getEpochSecond();
            try (Gateway gateway = workspace.open(false)) {
                ApiKey key = new ApiKey(Ids.apiId(), v, name, null, description, !disabled, now, now, List.of(), Map.of());
                gateway.history().apply(Edit.putApiKey(key));
                System.out.println("created API key " + name + " (id " + key.id() + ", " + (disabled ? "disabled" : "enabled")
                        + "): " + v);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the API keys (values masked).")
    static final class ListKeys implements Callable<Integer> {

        @Option(names = "--show-values", description = "Print the values in full.")
        boolean showValues;

        @Mixin WorkspaceOption workspace;

        @Override public Integer call() {
            try (Gateway gateway = workspace.openForReading()) {
                for (ApiKey key : gateway.workspace().state().apiKeys()) {
                    String v = key.value() == null ? "" : showValues ? key.value() : mask(key.value());
                    System.out.println(key.id() + "\t" + key.name() + "\t" + (key.enabled() ? "enabled" : "disabled") + "\t" + v);
                }
            }
            return 0;
        }

        private static String mask(String value) {
            int shown = Math.min(4, value.length());
            return "*".repeat(Math.max(0, value.length() - shown)) + value.substring(value.length() - shown);
        }
    }

    /** A key by id, or by name when exactly one key has it. */
    static ApiKey key(Gateway gateway, String idOrName) {
        List<ApiKey> keys = gateway.workspace().state().apiKeys();
        for (ApiKey k : keys) if (k.id().equals(idOrName)) return k;
        List<ApiKey> named = keys.stream().filter(k -> idOrName.equals(k.name())).toList();
        if (named.size() == 1) return named.get(0);
        if (named.isEmpty()) throw CliErrors.of("no API key with id or name '" + idOrName + "'");
        throw CliErrors.of("several API keys are named '" + idOrName + "'; use the id: " + named.stream().map(ApiKey::id).toList());
    }
}

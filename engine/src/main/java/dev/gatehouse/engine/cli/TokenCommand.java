package dev.gatehouse.engine.cli;

import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.access.LocalSigningKey;
import dev.gatehouse.engine.access.UserPools;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse token mint}: prints a JWT signed with the workspace's own key, for calling methods whose Cognito
 * authorizer trusts it. Only the token goes to stdout, so {@code TOKEN=$(gatehouse token mint ...)} works.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Mint JWTs signed with the workspace's own key.",
        subcommands = {TokenCommand.Mint.class})
final class TokenCommand implements Runnable {

    @Override public void run() {
        throw CliErrors.of("name a subcommand: mint (gatehouse token --help)");
    }

    @Command(name = "mint", mixinStandardHelpOptions = true,
            description = {"Print a JWT signed with the workspace's signing key (created in .gatehouse/ on first use; "
                    + "never in the definitions).",
                    "A COGNITO_USER_POOLS authorizer accepts it when its providerARNs name a user pool with "
                            + "\"localSigningKey\": true in the workspace's " + UserPools.FILE + ", e.g.",
                    "  {\"userPools\": {\"arn:aws:cognito-idp:us-east-1:123456789012:userpool/local\": "
                            + "{\"localSigningKey\": true}}}",
                    "Send it as the Authorization header. Issuer: " + LocalSigningKey.ISSUER + "."})
    static final class Mint implements Callable<Integer> {

        @Option(names = "--claim", paramLabel = "NAME=VALUE",
                description = "A claim to add or override (repeatable), e.g. --claim email=ana@example.com "
                        + "--claim cognito:groups=admin. Default sub: local-user.")
        List<String> claims = new ArrayList<>();

        @Option(names = "--scope", paramLabel = "SCOPE",
                description = "An OAuth scope (repeatable): the token becomes an access token with these scopes, for "
                        + "methods with authorizationScopes. Without it: an ID token.")
        List<String> scopes = new ArrayList<>();

        @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1h",
                description = "Lifetime: 90s, 30m, 1h, 7d or ISO-8601 (PT1H); at most 30 days (default: ${DEFAULT-VALUE}).")
        String expires;

        @Mixin WorkspaceOption workspace;

        @Override public Integer call() {
            Map<String, String> parsed = new LinkedHashMap<>();
            for (String c : claims) {
                int eq = c.indexOf('=');
                if (eq <= 0) throw CliErrors.of("--claim wants NAME=VALUE, not '" + c + "'");
                parsed.put(c.substring(0, eq), c.substring(eq + 1));
            }
            Duration lifetime = duration(expires);
            try (Gateway gateway = workspace.openForReading()) {
                System.out.println(gateway.mintToken(parsed, scopes, lifetime));
            } catch (IllegalArgumentException e) {
                throw CliErrors.of(e.getMessage());
            }
            return 0;
        }
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d} or an ISO-8601 duration. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            if (t.length() < 2) throw new NumberFormatException();
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw CliErrors.of("--expires wants a duration such as 90s, 30m, 1h, 7d or PT1H, not '" + text + "'");
        }
    }
}

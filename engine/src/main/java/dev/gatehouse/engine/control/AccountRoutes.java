package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * GetAccount and UpdateAccount ({@code GET/PATCH /account}): the engine's account-level settings in botocore's
 * {@code Account} shape. {@code throttleSettings} is the engine-wide throttle the data plane enforces (AWS's
 * account limit, 10,000 rps / burst 5,000 unless {@code serve} set another), read live from the gateway; as on
 * AWS it is not patchable. {@code cloudwatchRoleArn} and {@code features} are kept in the workspace's
 * {@code .gatehouse/account.json} ({@link AccountFile}), so a restarted engine still has them, as an AWS account
 * does; they are runtime settings of the engine's account, not definitions, so they are not workspace edits.
 */
final class AccountRoutes {
    /** The API key format version AWS reports for accounts today. */
    static final String API_KEY_VERSION = "4";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final List<String> PATHS = List.of("/cloudwatchRoleArn", "/features");

    /** The settings an UpdateAccount may change; replaced whole under compare-and-set. */
    record Settings(String cloudwatchRoleArn, List<String> features) {
        /** A new account's: no CloudWatch role, the {@code UsagePlans} feature on (AWS's GetAccount today). */
        static final Settings DEFAULTS = new Settings(null, List.of("UsagePlans"));

        Settings {
            features = List.copyOf(features);
        }
    }

    private AccountRoutes() {}

    static void register(Router r, ControlApi api) {
        AccountFile settings = new AccountFile(api.gateway().workspace().root());
        r.on("GET", "/account", call -> ControlResponse.json(200, view(api, settings.read())));
        r.on("PATCH", "/account", call -> {
            List<Patch> patches = Patch.of(call);
            Settings next = settings.update(s -> {
                Settings out = s;
                for (Patch p : patches) out = apply(out, p);
                return out;
            });
            return ControlResponse.json(200, view(api, next));
        });
    }

    private static Settings apply(Settings s, Patch p) {
        if (p.segments().size() != 1) throw p.unsupported(PATHS);
        switch (p.segments().getFirst()) {
            case "cloudwatchRoleArn" -> {
                if (!p.op().equals("replace")) throw p.unsupported(PATHS);
                String arn = p.value();
                if (arn == null || arn.isEmpty()) return new Settings(null, s.features());
                if (!ROLE_ARN.matcher(arn).matches()) {
                    throw ControlException.badRequest("The role ARN is not well formed: " + arn
                            + " (arn:aws:iam::123456789012:role/NAME)");
                }
                return new Settings(arn, s.features());
            }
            case "features" -> {
                String feature = p.requiredValue();
                List<String> features = new ArrayList<>(s.features());
                switch (p.op()) {
                    case "add" -> {
                        if (!features.contains(feature)) features.add(feature);
                    }
                    case "remove" -> features.remove(feature);
                    default -> throw p.unsupported(PATHS);
                }
                return new Settings(s.cloudwatchRoleArn(), features);
            }
            default -> throw p.unsupported(PATHS);
        }
    }

    private static ObjectNode view(ControlApi api, Settings s) {
        ObjectNode node = Call.READER.createObjectNode();
        if (s.cloudwatchRoleArn() != null) node.put("cloudwatchRoleArn", s.cloudwatchRoleArn());
        ObjectNode throttle = node.putObject("throttleSettings");
        throttle.put("burstLimit", api.gateway().engineThrottleBurst());
        throttle.put("rateLimit", api.gateway().engineThrottleRate());
        s.features().forEach(node.putArray("features")::add);
        node.put("apiKeyVersion", API_KEY_VERSION);
        return node;
    }
}

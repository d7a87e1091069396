package dev.gatehouse.engine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code gatehouse serve} says about stage variables that point at this machine's default Gatehouse port while
 * it serves on another one. The bundled sample's stages call the engine serving them (PetStore's backend is a
 * simulated API on {@code 127.0.0.1:4010}, as AWS's example points at its own PetStore endpoint); served with
 * {@code --port 8080}, each such request would go to whatever listens on 4010 — a 500 with no visible reason unless
 * the execution log is on. The variable is the user's to change (it is the stage's setting), so this only
 * says so, once, at start.
 */
final class DefaultPortVariables {
    private DefaultPortVariables() {}

    /** A loopback host with the default port, not followed by another digit ({@code :40100} is another port). */
    private static final Pattern DEFAULT_PORT_HOST = Pattern.compile(
            "(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):" + ServeCommand.DEFAULT_PORT + "(?![0-9])");

    /**
     * The notes for one served stage: one per variable whose value names a loopback address on the default port,
     * when {@code servingPort} is another port; none otherwise. Variables are reported in the map's order.
     */
    static List<String> notes(String api, String stage, Map<String, String> variables, int servingPort) {
        List<String> notes = new ArrayList<>();
        if (servingPort == ServeCommand.DEFAULT_PORT || variables == null) return notes;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (variable.getValue() == null) continue;
            Matcher m = DEFAULT_PORT_HOST.matcher(variable.getValue());
            if (!m.find()) continue;
            notes.add("note: " + api + " / " + stage + ": stage variable " + variable.getKey() + " points at " + m.group()
                    + " (Gatehouse's default port), but this engine serves on " + servingPort + ": requests that use it go"
                    + " to whatever listens on " + ServeCommand.DEFAULT_PORT + ". Serve with --port "
                    + ServeCommand.DEFAULT_PORT + ", or change the variable in the stage's settings (the console's Stages view).");
        }
        return notes;
    }
}

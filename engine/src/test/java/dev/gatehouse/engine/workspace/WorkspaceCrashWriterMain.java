package dev.gatehouse.engine.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process for {@link WorkspaceCrashSafetyTest}: rewrites workspace files with {@link AtomicFiles#write} in
 * a tight loop, alternating each file between two contents of different sizes, until it is killed. Loads nothing
 * but the JDK and {@link AtomicFiles}, so it starts fast.
 *
 * <p>Arguments: the workspace folder; a payload folder holding {@code targets.txt} (one relative path per line)
 * and {@code N.old} / {@code N.new} for the N-th target; 0 to write the new contents first, 1 the old.
 */
public final class WorkspaceCrashWriterMain {
    private WorkspaceCrashWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        Path payload = Path.of(args[1]);
        List<String> targets = Files.readAllLines(payload.resolve("targets.txt"));
        byte[][] oldContent = new byte[targets.size()][];
        byte[][] newContent = new byte[targets.size()][];
        for (int i = 0; i < targets.size(); i++) {
            oldContent[i] = Files.readAllBytes(payload.resolve(i + ".old"));
            newContent[i] = Files.readAllBytes(payload.resolve(i + ".new"));
        }
        System.out.println("ready");
        System.out.flush();
        for (long round = Long.parseLong(args[2]); ; round++) {
            for (int i = 0; i < targets.size(); i++) {
                AtomicFiles.write(workspace.resolve(targets.get(i)), round % 2 == 0 ? newContent[i] : oldContent[i]);
            }
        }
    }
}

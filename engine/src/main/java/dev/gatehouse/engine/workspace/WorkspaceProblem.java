package dev.gatehouse.engine.workspace;

import java.nio.file.Path;

/**
 * Something wrong with one file of a workspace, found when it was opened: bad JSON, a value of the wrong shape, a
 * definition failing AWS's rules, a file whose name does not match its content. A file with a problem is
 * quarantined: it stays exactly as the user left it, and edits that would write it fail (see
 * {@link Workspace#apply}). The console lists these with a link to the location.
 *
 * @param file    absolute path of the file (or folder) concerned
 * @param line    1-based line of the problem, 0 when it concerns the whole file
 * @param column  1-based column of the problem, 0 when it concerns the whole file
 * @param message what is wrong, in words meant for the person fixing the file
 */
public record WorkspaceProblem(Path file, int line, int column, String message) {
    @Override public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}

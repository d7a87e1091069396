package dev.gatehouse.engine.cli;

/**
 * A failure the CLI reports as one line on stderr with a non-zero exit code (no stack trace): bad arguments,
 * unknown APIs, refused imports.
 */
final class CliErrors extends RuntimeException {
    private final int exitCode;

    CliErrors(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliErrors of(String message) {
        return new CliErrors(message, 1);
    }

    int exitCode() {
        return exitCode;
    }
}

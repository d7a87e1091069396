package dev.gatehouse.app;

/** Plain main class so the console starts from a classpath (a JavaFX Application subclass cannot). */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        cacheDir();
        javafx.application.Application.launch(ConsoleApp.class, args);
    }

    /**
     * The installed console's launcher keeps its class-data-sharing archive in {@code gatehouse.cacheDir}
     * (~/.cache/gatehouse; the JVM writes it at exit, into a folder that must exist): create that folder.
     */
    private static void cacheDir() {
        String dir = System.getProperty("gatehouse.cacheDir");
        if (dir == null || dir.isBlank()) return;
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
        } catch (java.io.IOException | RuntimeException e) {
            // no archive then: the console starts as fast as without one
        }
    }
}

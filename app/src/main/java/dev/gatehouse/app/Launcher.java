package dev.gatehouse.app;

/** Plain main class so the console starts from a classpath (a JavaFX Application subclass cannot). */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        javafx.application.Application.launch(ConsoleApp.class, args);
    }
}

package dev.gatehouse.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The console's JavaFX application. */
public final class ConsoleApp extends Application {
    @Override public void start(Stage stage) {
        stage.setTitle("Gatehouse");
        stage.setScene(new Scene(new Label("Gatehouse"), 1200, 800));
        stage.show();
    }
}

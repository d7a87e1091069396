package dev.gatehouse.tests.ui;

import dev.gatehouse.app.Console;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The set-up every console flow and screenshot generator shares: before each test the real console starts in
 * TestFX's primary stage on a fresh copy of the sample workspace ({@link #workspace()}) and the test waits until it is
 * open ({@link #awaitReady()}); after each test it closes and its workspace is released, so the next test starts
 * clean. A subclass sizes the headless screen in its own static initialiser ({@link ConsoleFixture#useScreen}),
 * before the toolkit starts, and adds its own {@code @BeforeEach}/{@code @AfterEach}, which JUnit runs after this
 * class's start and before its close.
 *
 * <p>The console starts from a {@code @BeforeEach} through {@link FxToolkit#setupStage} rather than a
 * {@code @Start} method because TestFX's {@link ApplicationExtension} looks for {@code @Start} on the test class
 * itself only, never on a superclass.
 */
@ExtendWith(ApplicationExtension.class)
abstract class SampleConsoleTest {
    /** The console under test; set before each test. */
    protected Console console;
    /** The window it runs in (TestFX's primary stage), for snapshots. */
    protected Stage stage;
    /** The workspace folder the console opened ({@link #workspace()}'s answer). */
    protected Path workspaceFolder;

    /** The workspace to open; a fresh copy of {@code resources/sample-workspace} unless a subclass says otherwise. */
    protected Path workspace() throws Exception {
        return ConsoleFixture.copyOfSampleWorkspace();
    }

    /** Waits until the console is ready for the test: by default, until the workspace is open and an API shown. */
    protected void awaitReady() {
        ConsoleFixture.awaitOpen(console);
    }

    @BeforeEach
    final void startConsole() throws Exception {
        Path folder = workspace();
        workspaceFolder = folder;
        FxToolkit.setupStage(primary -> {
            stage = primary;
            console = ConsoleFixture.start(primary, folder, false);
        });
        awaitReady();
    }

    @AfterEach
    final void closeConsole() {
        ConsoleFixture.close(console);
    }
}

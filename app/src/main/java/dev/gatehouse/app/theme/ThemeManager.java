package dev.gatehouse.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/**
 * Applies the AtlantaFX Primer theme (light or dark) as the user-agent stylesheet and the console's own
 * stylesheet to a scene. Feature stylesheets refer only to AtlantaFX's looked-up colours ({@code -color-*}), so
 * switching the theme restyles everything. FX thread only.
 */
public final class ThemeManager {
    /** Set on every scene root while the dark theme is active, for the few rules that differ. */
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final String CONSOLE_CSS = ThemeManager.class.getResource("console.css").toExternalForm();

    private boolean dark;

    /** Applies the theme to the whole application and styles {@code scene} with the console stylesheet. */
    public void apply(Scene scene, boolean darkTheme) {
        this.dark = darkTheme;
        Application.setUserAgentStylesheet(darkTheme
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(CONSOLE_CSS)) scene.getStylesheets().add(CONSOLE_CSS);
        if (scene.getRoot() != null) scene.getRoot().pseudoClassStateChanged(DARK, darkTheme);
    }

    public boolean isDark() {
        return dark;
    }

    /** The console stylesheet's URL, for dialogs and popups that live in their own scenes. */
    public static String consoleStylesheet() {
        return CONSOLE_CSS;
    }
}

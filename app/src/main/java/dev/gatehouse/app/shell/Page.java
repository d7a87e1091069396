package dev.gatehouse.app.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The screens of the left navigation; later features add theirs here. */
public enum Page {
    RESOURCES("Resources", Feather.GIT_MERGE),
    MODELS("Models", Feather.LAYERS),
    STAGES("Stages", Feather.SEND),
    GATEWAY_RESPONSES("Gateway Responses", Feather.ALERT_TRIANGLE),
    SETTINGS("Settings", Feather.SETTINGS),
    FUNCTIONS("Functions", Feather.CODE);

    private final String title;
    private final Ikon icon;

    Page(String title, Ikon icon) {
        this.title = title;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }
}

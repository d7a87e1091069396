package dev.gatehouse.app.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * The screens of the left navigation, in their order; later features add theirs here, in their {@link Section}.
 * The first nine get Ctrl+1…Ctrl+9 in the View menu, so the most used pages come first.
 */
public enum Page {
    RESOURCES("Resources", Feather.GIT_MERGE, Section.DESIGN),
    MODELS("Models", Feather.LAYERS, Section.DESIGN),
    STAGES("Stages", Feather.SEND, Section.DESIGN),
    GATEWAY_RESPONSES("Gateway Responses", Feather.ALERT_TRIANGLE, Section.DESIGN),
    SETTINGS("Settings", Feather.SETTINGS, Section.DESIGN),
    FUNCTIONS("Functions", Feather.CODE, Section.DESIGN),
    API_KEYS("API Keys", Feather.KEY, Section.ACCESS),
    USAGE_PLANS("Usage Plans", Feather.BAR_CHART_2, Section.ACCESS),
    AUTHORIZERS("Authorizers", Feather.SHIELD, Section.ACCESS),
    RESOURCE_POLICY("Resource Policy", Feather.LOCK, Section.ACCESS),
    DASHBOARD("Dashboard", Feather.ACTIVITY, Section.OPERATE),
    LOGS("Logs", Feather.LIST, Section.OPERATE),
    AUDIT("Audit", Feather.FILE_TEXT, Section.OPERATE),
    REMOTES("Remotes", Feather.UPLOAD_CLOUD, Section.OPERATE),
    AWS_ENDPOINTS("AWS endpoints", Feather.CLOUD, Section.OPERATE);

    /** The headings the navigation groups its pages under, in order. */
    public enum Section {
        DESIGN("DESIGN"),
        ACCESS("ACCESS"),
        OPERATE("OPERATE");

        private final String heading;

        Section(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }
    }

    private final String title;
    private final Ikon icon;
    private final Section section;

    Page(String title, Ikon icon, Section section) {
        this.title = title;
        this.icon = icon;
        this.section = section;
    }

    public Section section() {
        return section;
    }

    /** The View menu's accelerator for this page, or {@code null} past the ninth page. */
    public String accelerator() {
        return ordinal() < 9 ? "Shortcut+" + (ordinal() + 1) : null;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }
}

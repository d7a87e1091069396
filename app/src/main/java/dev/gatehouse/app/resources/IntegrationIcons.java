package dev.gatehouse.app.resources;

import dev.gatehouse.engine.model.IntegrationType;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icon for each integration type, shared by the tree and the method view. */
public final class IntegrationIcons {
    private IntegrationIcons() {}

    public static Ikon of(IntegrationType type) {
        if (type == null) return Feather.ALERT_CIRCLE;
        return switch (type) {
            case MOCK -> Feather.CODE;
            case HTTP -> Feather.GLOBE;
            case HTTP_PROXY -> Feather.SHARE_2;
            case AWS -> Feather.CLOUD;
            case AWS_PROXY -> Feather.CLOUD_LIGHTNING;
        };
    }

    /** A new icon node for the type, style class {@code integration-icon} plus the type in lower case. */
    public static FontIcon icon(IntegrationType type) {
        FontIcon icon = new FontIcon(of(type));
        icon.getStyleClass().addAll("integration-icon", type == null ? "none" : type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return icon;
    }
}

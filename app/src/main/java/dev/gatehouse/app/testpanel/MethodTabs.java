package dev.gatehouse.app.testpanel;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * What the Resources page shows for a selected method: the method execution view ("Design") and the test
 * panel ("Test") as two tabs, like the AWS console's method page. Tab header ids: {@code methodTab-design},
 * {@code methodTab-test}.
 */
public final class MethodTabs extends TabPane {
    private final Tab design;
    private final Tab test;

    public MethodTabs(Node methodView, Node testPanel) {
        design = new Tab("Design", methodView);
        design.setId("methodTab-design");
        test = new Tab("Test", testPanel);
        test.setId("methodTab-test");
        getTabs().addAll(design, test);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setId("methodTabs");
        getStyleClass().add("method-tabs");
    }

    /** Brings the test panel to the front. */
    public void showTest() {
        getSelectionModel().select(test);
    }

    /** Brings the method execution view to the front. */
    public void showDesign() {
        getSelectionModel().select(design);
    }
}

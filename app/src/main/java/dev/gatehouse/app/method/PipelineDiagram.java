package dev.gatehouse.app.method;

import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A method's execution as AWS draws it: the request flows from the client through Method request and Integration
 * request to the integration, the response back through Integration response and Method response. Each phase is
 * a focusable box; clicking it (or Enter/Space, arrows to move) sets {@link #phaseProperty()}. Control + Skin +
 * its own stylesheet, after ControlsFX's {@code ToggleSwitch}.
 */
public final class PipelineDiagram extends Control {
    private static final String CSS = PipelineDiagram.class.getResource("pipeline-diagram.css").toExternalForm();

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.METHOD_REQUEST);
    private final ObjectProperty<Map<Phase, String>> summaries = new SimpleObjectProperty<>(this, "summaries", Map.of());
    private final StringProperty integrationLabel = new SimpleStringProperty(this, "integrationLabel", "");

    public PipelineDiagram() {
        getStyleClass().add("pipeline-diagram");
        setFocusTraversable(false); // the phase boxes take focus, not the control
    }

    /** The selected phase. */
    public ObjectProperty<Phase> phaseProperty() { return phase; }

    /** A one-line summary shown under each phase's title. */
    public ObjectProperty<Map<Phase, String>> summariesProperty() { return summaries; }

    /** What the box at the far end shows ("MOCK", "HTTP backend"). */
    public StringProperty integrationLabelProperty() { return integrationLabel; }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new PipelineDiagramSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return CSS;
    }
}

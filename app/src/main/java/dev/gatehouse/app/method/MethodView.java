package dev.gatehouse.app.method;

import dev.gatehouse.app.resources.IntegrationIcons;
import dev.gatehouse.engine.model.Method;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The method execution view: the method's title, the {@link PipelineDiagram}, and the editor of the selected
 * phase below it.
 */
public final class MethodView extends VBox {
    private static final String CSS = MethodView.class.getResource("method.css").toExternalForm();

    private final MethodViewModel vm;
    private Label title;
    private Label typeIcon;
    private PipelineDiagram diagram;
    private StackPane editorHost;
    private final Map<Phase, Node> editors = new EnumMap<>(Phase.class);
    private MethodRequestPane methodRequest;
    private IntegrationRequestPane integrationRequest;
    private IntegrationResponsePane integrationResponse;
    private MethodResponsePane methodResponse;

    public MethodView(MethodViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
        wireEvents();
    }

    private void createParts() {
        title = new Label();
        title.setId("methodTitle");
        title.getStyleClass().add("page-title");
        typeIcon = new Label();
        diagram = new PipelineDiagram();
        diagram.setId("pipeline");
        methodRequest = new MethodRequestPane(vm.methodRequest());
        integrationRequest = new IntegrationRequestPane(vm.integrationRequest());
        integrationResponse = new IntegrationResponsePane(vm.integrationResponses());
        methodResponse = new MethodResponsePane(vm.methodResponses());
        editors.put(Phase.METHOD_REQUEST, scroll(methodRequest, "methodRequestEditor"));
        editors.put(Phase.INTEGRATION_REQUEST, scroll(integrationRequest, "integrationRequestEditor"));
        editors.put(Phase.INTEGRATION_RESPONSE, scroll(integrationResponse, "integrationResponseEditor"));
        editors.put(Phase.METHOD_RESPONSE, scroll(methodResponse, "methodResponseEditor"));
        editorHost = new StackPane();
    }

    private static ScrollPane scroll(Node content, String id) {
        ScrollPane pane = new ScrollPane(content);
        pane.setId(id);
        pane.setFitToWidth(true);
        pane.getStyleClass().add("edge-to-edge");
        ((javafx.scene.layout.Region) content).setPadding(new Insets(4, 12, 12, 2));
        return pane;
    }

    private void layoutParts() {
        setId("methodView");
        getStylesheets().add(CSS);
        HBox header = new HBox(10, typeIcon, title);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(editorHost, Priority.ALWAYS);
        setSpacing(10);
        setPadding(new Insets(12, 12, 0, 16));
        getChildren().addAll(header, diagram, editorHost);
    }

    private void bind() {
        title.textProperty().bind(vm.titleProperty());
        diagram.phaseProperty().bindBidirectional(vm.phaseProperty());
        diagram.summariesProperty().bind(vm.summariesProperty());
        vm.methodProperty().addListener((obs, old, m) -> updateMethod(m));
        vm.phaseProperty().addListener((obs, old, p) -> showPhase(p));
        updateMethod(vm.methodProperty().get());
        showPhase(vm.phaseProperty().get());
    }

    private void wireEvents() {
        // all editing happens in the phase panes
    }

    private void updateMethod(Method m) {
        if (m == null) {
            typeIcon.setGraphic(null);
            diagram.integrationLabelProperty().set("");
            return;
        }
        var type = m.methodIntegration() == null ? null : m.methodIntegration().type();
        typeIcon.setGraphic(IntegrationIcons.icon(type));
        diagram.integrationLabelProperty().set(type == null ? "No integration" : type.name());
    }

    private void showPhase(Phase p) {
        editorHost.getChildren().setAll(editors.get(p));
    }

    /** Focuses the selected phase's box in the diagram (keyboard navigation). */
    public void focusDiagram() {
        diagram.lookupAll(".phase-box").stream().filter(n -> n.getPseudoClassStates().stream()
                .anyMatch(pc -> pc.getPseudoClassName().equals("selected"))).findFirst().ifPresent(Node::requestFocus);
    }

    /** Stops the template editors' highlighting threads. */
    public void dispose() {
        integrationRequest.dispose();
        integrationResponse.dispose();
    }
}

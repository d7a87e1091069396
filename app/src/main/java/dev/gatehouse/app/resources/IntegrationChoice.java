package dev.gatehouse.app.resources;

import dev.gatehouse.engine.model.Method;
import java.util.List;
import java.util.Optional;

/**
 * One entry of "Integration type" when a method is created, as AWS's console lists them, with the fields it
 * needs and the method it makes. {@link StandardIntegrations} holds MOCK, HTTP and HTTP proxy.
 *
 * <p>Extension point: "Lambda function" ({@code functions.LambdaIntegrationChoice}) is one more implementation
 * handed to {@link ResourceTreeViewModel#addIntegrationChoice} by the composition root; it names its own field
 * through {@link #targetLabel()}, offers the workspace's functions ({@link #targetSuggestions()}) and "Use Lambda
 * proxy integration" ({@link #optionLabel()}), and builds an AWS or AWS_PROXY integration in {@link #method}.
 */
public interface IntegrationChoice {

    /** "Mock", "HTTP", "HTTP proxy", "Lambda function": the radio button's text. */
    String label();

    /** One sentence under the choice: what the integration does. */
    String help();

    /** The label of the one target field ("Endpoint URL"), or null when the choice needs none (MOCK). */
    String targetLabel();

    /** A hint shown in the empty target field. */
    default String targetPrompt() { return ""; }

    /** True when the integration calls its target with an HTTP method of its own (HTTP, HTTP proxy). */
    default boolean needsTargetMethod() { return false; }

    /** Why {@code target} cannot be used, in the product's words; empty when it can (or none is needed). */
    Optional<String> targetProblem(String target);

    /**
     * The new method, set up as AWS's console sets it up for this type.
     *
     * @param httpMethod   the method's verb (GET, POST, ANY …)
     * @param target       the target field's text (stripped); null when {@link #targetLabel()} is null
     * @param targetMethod the HTTP method the integration calls; null unless {@link #needsTargetMethod()}
     */
    Method method(String httpMethod, String target, String targetMethod);

    /** Values the target field offers to pick (the workspace's functions); none by default. FX thread. */
    default List<String> targetSuggestions() { return List.of(); }

    /** The label of one yes/no option of the type ("Use Lambda proxy integration"), or null when it has none. */
    default String optionLabel() { return null; }

    /** The option's initial state. */
    default boolean optionDefault() { return false; }

    /** As {@link #method(String, String, String)} with the option's state; types without an option ignore it. */
    default Method method(String httpMethod, String target, String targetMethod, boolean option) {
        return method(httpMethod, target, targetMethod);
    }

    /**
     * Called on the FX thread once the method is stored, with the target it was created with (e.g. to offer to
     * create a function that does not exist yet); nothing by default.
     */
    default void created(String target) { }

    /**
     * Fields of the type's own that the dialog shows under the common ones (AWS Service's Region, service, action …),
     * kept in step with the target field's text both ways (the fields write the target, a target typed or pasted is
     * read back into them); null when the type has none. Called on the FX thread once per dialog.
     */
    default javafx.scene.Node form(javafx.beans.property.StringProperty target) { return null; }
}

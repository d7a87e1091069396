package dev.gatehouse.app.awsservice;

import dev.gatehouse.app.resources.IntegrationChoice;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.PassthroughBehavior;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;

/**
 * "AWS Service" in Create method, as AWS's console sets it up: the AWS Service fields ({@link AwsServiceFields}) make
 * the integration URI shown in the target field (which also takes a pasted URI and fills the fields from it); the
 * new method has an AWS integration with that URI, the HTTP method chosen, the execution role and content handling,
 * a 200 method response and the default integration response (AWS's console adds both). FX thread.
 */
public final class AwsServiceIntegrationChoice implements IntegrationChoice {
    private final AwsServiceFieldsViewModel fields = new AwsServiceFieldsViewModel();
    private StringProperty boundTarget; // the open dialog's target field

    @Override public String label() { return "AWS Service"; }

    @Override public String help() {
        return "Calls an AWS service's API (DynamoDB, S3, SQS, SNS, Step Functions …), SigV4-signed, with request and "
                + "response mapping templates (AWS's AWS integration). AWS endpoints sets local endpoints for offline work.";
    }

    @Override public String targetLabel() { return "Integration URI"; }

    @Override public String targetPrompt() { return "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem"; }

    @Override public boolean needsTargetMethod() { return true; }

    @Override public Optional<String> targetProblem(String target) {
        if (target == null || target.isBlank()) {
            return Optional.of("Fill in the AWS service and the action name or path override, or paste an integration URI");
        }
        try {
            return AwsServiceUri.parse(target).problem();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override public Method method(String httpMethod, String target, String targetMethod) {
        String role = fields.credentialsProperty().get() == null ? "" : fields.credentialsProperty().get().strip();
        Integration i = Integration.of(IntegrationType.AWS, targetMethod, target)
                .withPassthroughBehavior(PassthroughBehavior.WHEN_NO_MATCH)
                .withContentHandling(fields.contentHandlingProperty().get())
                .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200")));
        if (!role.isEmpty()) {
            i = new Integration(i.type(), i.httpMethod(), i.uri(), i.connectionType(), i.connectionId(), role,
                    i.requestParameters(), i.requestTemplates(), i.passthroughBehavior(), i.contentHandling(),
                    i.timeoutInMillis(), i.cacheNamespace(), i.cacheKeyParameters(), i.integrationResponses(), i.tlsConfig());
        }
        return Method.of(httpMethod)
                .withMethodResponses(Map.of("200", new MethodResponse("200", null, Map.of("application/json", "Empty"))))
                .withIntegration(i);
    }

    /** The fields the dialog shows (package-private: tests fill them as a person would). */
    AwsServiceFieldsViewModel fields() { return fields; }

    @Override public Node form(StringProperty target) {
        bindTarget(target);
        return new AwsServiceFields(fields, "createMethodAws", true);
    }

    /** Starts the fields afresh and keeps them in step with the dialog's target field. */
    void bindTarget(StringProperty target) {
        if (boundTarget != null) fields.uriProperty().unbindBidirectional(boundTarget);
        fields.reset();
        target.set("");
        fields.uriProperty().bindBidirectional(target);
        boundTarget = target;
    }
}

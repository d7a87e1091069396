package dev.gatehouse.app.awsservice;

import dev.gatehouse.app.awsservice.AwsServiceUri.ActionType;
import dev.gatehouse.engine.model.ContentHandling;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "AWS Service" fields of an integration, as AWS's console asks them: AWS Region, AWS service, AWS subdomain
 * (optional), Action type with the action name or the path override, and the execution role. Kept in step with an
 * integration URI both ways: the fields write {@link #uriProperty()} ({@code arn:aws:apigateway:REGION:SERVICE:
 * action/ACTION} or {@code …:path/PATH}, see {@link AwsServiceUri}) whenever they make a valid one, and a URI written
 * there (loaded from the method, typed or pasted) is read back into the fields, or its parse error shown in
 * {@link #problemProperty()}. Used by the integration request editor and the Create method dialog. FX thread.
 */
public final class AwsServiceFieldsViewModel {
    /** Regions offered in the picker (any region name may be typed). */
    public static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1", "ap-south-1",
            "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "sa-east-1");

    private final StringProperty region = new SimpleStringProperty(this, "region", AwsServiceUri.DEFAULT_REGION);
    private final StringProperty service = new SimpleStringProperty(this, "service", "");
    private final StringProperty subdomain = new SimpleStringProperty(this, "subdomain", "");
    private final ObjectProperty<ActionType> actionType = new SimpleObjectProperty<>(this, "actionType", ActionType.ACTION);
    private final StringProperty action = new SimpleStringProperty(this, "action", "");
    private final StringProperty pathOverride = new SimpleStringProperty(this, "pathOverride", "");
    private final StringProperty credentials = new SimpleStringProperty(this, "credentials", "");
    private final ObjectProperty<ContentHandling> contentHandling = new SimpleObjectProperty<>(this, "contentHandling");
    private final StringProperty uri = new SimpleStringProperty(this, "uri", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private String partition = "aws"; // kept from a loaded URI (aws-cn, aws-us-gov); new ones are "aws"
    private boolean syncing;

    public AwsServiceFieldsViewModel() {
        // change listeners, not invalidation ones: a field set while a URI is read is not read back at once
        for (var p : List.of(region, service, subdomain, action, pathOverride)) p.addListener((obs, old, v) -> fieldsChanged());
        actionType.addListener((obs, old, v) -> fieldsChanged());
        uri.addListener((obs, old, u) -> uriChanged(u));
    }

    public StringProperty regionProperty() { return region; }

    /** The service's endpoint prefix ({@code dynamodb}); one of {@link AwsServiceUri#SERVICES} or typed. */
    public StringProperty serviceProperty() { return service; }

    /** Optional: the part before the service in the URI ({@code my-bucket} for {@code my-bucket.s3}). */
    public StringProperty subdomainProperty() { return subdomain; }

    public ObjectProperty<ActionType> actionTypeProperty() { return actionType; }

    /** The action name, for "Use action name". */
    public StringProperty actionProperty() { return action; }

    /** The path, for "Use path override"; {@code {name}} placeholders come from integration.request.path.name. */
    public StringProperty pathOverrideProperty() { return pathOverride; }

    /**
     * "Execution role": the integration's {@code credentials} (a role ARN, or empty for the default AWS credential
     * chain). Offline, roles cannot be assumed: the workspace's {@code aws.json} {@code credentialProfiles} maps the
     * ARN to a profile of the shared credentials file.
     */
    public StringProperty credentialsProperty() { return credentials; }

    /** Null: passthrough. Used by the Create method dialog (the editor has its own field). */
    public ObjectProperty<ContentHandling> contentHandlingProperty() { return contentHandling; }

    /** The integration URI the fields make; writing it reads it back into the fields. */
    public StringProperty uriProperty() { return uri; }

    /** Why the fields or the URI do not make an AWS service integration, in the console's words; empty when they do. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** The fields as they stand (the URI they make when {@link AwsServiceUri#problem()} is empty). */
    public AwsServiceUri fields() {
        return new AwsServiceUri(partition, region.get(), service.get(), subdomain.get(), actionType.get(),
                actionType.get() == ActionType.ACTION ? action.get() : pathOverride.get());
    }

    /** Starts a new integration: us-east-1, no service, action name; the URI is cleared. */
    public void reset() {
        syncing = true;
        try {
            partition = "aws";
            region.set(AwsServiceUri.DEFAULT_REGION);
            service.set("");
            subdomain.set("");
            actionType.set(ActionType.ACTION);
            action.set("");
            pathOverride.set("");
            credentials.set("");
            contentHandling.set(null);
            uri.set("");
        } finally {
            syncing = false;
        }
        fieldsChanged();
    }

    private void fieldsChanged() {
        if (syncing) return;
        AwsServiceUri f = fields();
        problem.set(f.problem().orElse(""));
        if (!problem.get().isEmpty()) return;
        syncing = true;
        try {
            uri.set(f.toUri());
        } finally {
            syncing = false;
        }
    }

    private void uriChanged(String u) {
        if (syncing) return;
        if (u == null || u.isBlank()) {
            problem.set(fields().problem().orElse(""));
            return;
        }
        AwsServiceUri f;
        try {
            f = AwsServiceUri.parse(u);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        syncing = true;
        try {
            partition = f.partition();
            region.set(f.region());
            service.set(f.service());
            subdomain.set(f.subdomain());
            actionType.set(f.actionType());
            if (f.actionType() == ActionType.ACTION) action.set(f.value());
            else pathOverride.set(f.value());
        } finally {
            syncing = false;
        }
        problem.set(f.problem().orElse(""));
    }
}

package dev.gatehouse.engine.remote;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * Builds the AWS SDK for Java v2 {@code apigateway} client for a {@link Remote}, and words the SDK's failures in
 * the product's terms. A Gatehouse remote gets an endpoint override (its control-plane URL); AWS gets its regional
 * endpoint. Retries are off: a push is a short sequence of calls whose failure must be reported, not hidden.
 */
public final class RemoteClients {

    /** Signs requests to a Gatehouse remote configured without keys (an engine without --credentials accepts any). */
    static final String PLACEHOLDER_KEY_ID = "GATEHOUSELOCAL";
    static final String PLACEHOLDER_SECRET = "gatehouse-local-placeholder";

    private RemoteClients() {}

    /** A new client; the caller closes it. */
    public static ApiGatewayClient client(Remote remote) {
        var builder = ApiGatewayClient.builder()
                .region(Region.of(remote.effectiveRegion()))
                .credentialsProvider(credentials(remote))
                .httpClient(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofMinutes(2)));
        if (!remote.isAws()) builder.endpointOverride(URI.create(remote.url()));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(Remote remote) {
        if (remote.accessKeyId() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(remote.accessKeyId(), remote.secretAccessKey()));
        }
        if (remote.isAws()) return DefaultCredentialsProvider.builder().build();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(PLACEHOLDER_KEY_ID, PLACEHOLDER_SECRET));
    }

    /**
     * The SDK failure of one step as a {@link RemoteException}: {@code "remote b (http://…): put-rest-api failed:
     * 403 AccessDeniedException: The security token…"}, or the connection problem when nothing answered.
     */
    static RemoteException failure(Remote remote, String step, SdkException e) {
        String where = "remote " + remote.name() + " (" + remote.endpoint() + "): " + step + " failed: ";
        if (e instanceof AwsServiceException s) {
            var details = s.awsErrorDetails();
            String code = details != null && details.errorCode() != null ? details.errorCode() : "error";
            String message = details != null && details.errorMessage() != null ? details.errorMessage() : s.getMessage();
            return new RemoteException(where + s.statusCode() + " " + code + ": " + message, e);
        }
        if (e instanceof SdkClientException) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String why = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
            return new RemoteException(where + "no answer (" + why + ")", e);
        }
        return new RemoteException(where + e.getMessage(), e);
    }
}

package dev.gatehouse.engine.integration.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Everything an AWS service integration needs from outside the API definition: the workspace's {@code aws.json}
 * (re-read when it changes on disk, so a changed endpoint applies to the next request without a redeploy), the
 * machine's AWS environment, endpoint and credential resolution and the signer. One per gateway; the pipeline
 * hands it to every AWS service integration it compiles. Called on request threads; thread-safe.
 */
public final class AwsServices {

    private final Path settingsFile;
    private final AwsEnvironment environment;
    private final EndpointResolver endpoints;
    private final CredentialResolver credentials;
    private final RequestSigner signer;
    private AwsSettings cached = AwsSettings.NONE;
    private String cachedStamp = "absent";

    /**
     * @param workspaceRoot the workspace whose {@code aws.json} applies, or null for none
     */
    public AwsServices(Path workspaceRoot, AwsEnvironment environment, Clock clock) {
        this.settingsFile = workspaceRoot == null ? null : workspaceRoot.resolve(AwsSettings.FILE);
        this.environment = environment;
        this.endpoints = new EndpointResolver(environment);
        this.credentials = new CredentialResolver(environment);
        this.signer = new RequestSigner(clock);
    }

    /** The workspace at {@code root} on this machine. */
    public static AwsServices forWorkspace(Path root) {
        return new AwsServices(root, AwsEnvironment.system(), Clock.systemUTC());
    }

    /** No workspace settings: the machine's environment only (pipelines built without a workspace, tests). */
    public static AwsServices fromEnvironment() {
        return new AwsServices(null, AwsEnvironment.system(), Clock.systemUTC());
    }

    /**
     * The workspace's settings as they are on disk now.
     *
     * @throws IllegalArgumentException when {@code aws.json} is unreadable or invalid (the message says where)
     */
    public synchronized AwsSettings settings() {
        if (settingsFile == null) return AwsSettings.NONE;
        String stamp;
        try {
            BasicFileAttributes a = Files.readAttributes(settingsFile, BasicFileAttributes.class);
            stamp = a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (NoSuchFileException e) {
            cached = AwsSettings.NONE;
            cachedStamp = "absent";
            return cached;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + settingsFile + ": " + e.getMessage(), e);
        }
        if (!stamp.equals(cachedStamp)) {
            try {
                cached = AwsSettings.parse(Files.readString(settingsFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + settingsFile + ": " + e.getMessage(), e);
            }
            cachedStamp = stamp;
        }
        return cached;
    }

    public EndpointResolver.Endpoint endpoint(AwsServiceArn arn) {
        return endpoints.resolve(arn, settings());
    }

    public AwsCredentialsIdentity credentials(String roleArn) {
        return credentials.resolve(roleArn, settings());
    }

    public RequestSigner signer() {
        return signer;
    }

    public AwsEnvironment environment() {
        return environment;
    }
}

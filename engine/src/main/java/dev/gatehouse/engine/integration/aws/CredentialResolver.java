package dev.gatehouse.engine.integration.aws;

import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The keys an AWS service integration signs with. API Gateway assumes the integration's {@code credentials} role;
 * offline no role can be assumed, so the workspace maps the role ARN to a profile of the shared files
 * ({@code aws.json} {@code credentialProfiles}) and that profile's {@code aws_access_key_id},
 * {@code aws_secret_access_key} and optional {@code aws_session_token} stand in for it. A role with no mapping, an
 * integration without a role, or the caller's-identity form {@code arn:aws:iam::*:user/*} use the default chain
 * the SDKs use for static keys: system properties {@code aws.accessKeyId}/{@code aws.secretAccessKey}, then
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}(/{@code AWS_SESSION_TOKEN}), then the active profile
 * ({@code AWS_PROFILE}, else {@code default}). Keys are only handed to the signer: never logged, never in
 * messages (messages name the profile or variable, never a key). Thread-safe.
 */
public final class CredentialResolver {

    private final AwsEnvironment environment;

    public CredentialResolver(AwsEnvironment environment) {
        this.environment = environment;
    }

    /**
     * @param roleArn the integration's {@code credentials}, or null
     * @throws IllegalArgumentException with a configuration-error text (what is missing and where to put it)
     */
    public AwsCredentialsIdentity resolve(String roleArn, AwsSettings settings) {
        if (roleArn != null && !roleArn.isBlank() && !roleArn.endsWith(":user/*")) {
            String profile = settings.credentialProfiles().get(roleArn);
            if (profile != null) {
                AwsCredentialsIdentity keys = fromProfile(environment.profiles(), profile);
                if (keys == null) {
                    throw new IllegalArgumentException("API Gateway does not have permission to assume the provided role "
                            + roleArn + " (its profile '" + profile + "' in " + AwsSettings.FILE + " has no "
                            + "aws_access_key_id and aws_secret_access_key in " + environment.credentialsFile() + " or "
                            + environment.configFile() + ")");
                }
                return keys;
            }
        }
        AwsCredentialsIdentity keys = defaultChain();
        if (keys == null) {
            throw new IllegalArgumentException("No AWS credentials to sign the request with"
                    + (roleArn == null || roleArn.isBlank() ? "" : " (role " + roleArn + " is not mapped to a profile in "
                    + AwsSettings.FILE + " credentialProfiles)")
                    + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile '" + environment.activeProfile()
                    + "' in " + environment.credentialsFile());
        }
        return keys;
    }

    private AwsCredentialsIdentity defaultChain() {
        AwsCredentialsIdentity fromProperties = keys(environment.property("aws.accessKeyId"),
                environment.property("aws.secretAccessKey"), environment.property("aws.sessionToken"));
        if (fromProperties != null) return fromProperties;
        AwsCredentialsIdentity fromEnv = keys(environment.variable("AWS_ACCESS_KEY_ID"),
                environment.variable("AWS_SECRET_ACCESS_KEY"), environment.variable("AWS_SESSION_TOKEN"));
        if (fromEnv != null) return fromEnv;
        return fromProfile(environment.profiles(), environment.activeProfile());
    }

    private static AwsCredentialsIdentity fromProfile(ProfileFile file, String name) {
        Optional<Profile> p = file.profile(name);
        if (p.isEmpty()) return null;
        return keys(p.get().property("aws_access_key_id").orElse(null),
                p.get().property("aws_secret_access_key").orElse(null),
                p.get().property("aws_session_token").orElse(null));
    }

    private static AwsCredentialsIdentity keys(String id, String secret, String token) {
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) return null;
        return token == null || token.isBlank() ? AwsCredentialsIdentity.create(id.trim(), secret.trim())
                : AwsSessionCredentialsIdentity.create(id.trim(), secret.trim(), token.trim());
    }
}

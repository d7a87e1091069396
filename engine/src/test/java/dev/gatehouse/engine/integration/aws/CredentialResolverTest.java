package dev.gatehouse.engine.integration.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class CredentialResolverTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/TableWriter";
    @TempDir Path home;
    private final Map<String, String> env = new HashMap<>();
    private CredentialResolver resolver;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), """
                [default]
                aws_access_key_id = AKIADEFAULT
                aws_secret_access_key = default-secret

                [writer]
                aws_access_key_id = ASIAWRITER
                aws_secret_access_key = writer-secret
                aws_session_token = writer-token

                [empty]
                region = us-east-1
                """);
        resolver = new CredentialResolver(new AwsEnvironment(env::get, k -> null, home));
    }

    @Test
    void aRoleMappedToAProfileSignsWithThatProfilesKeys() {
        AwsCredentialsIdentity keys = resolver.resolve(ROLE,
                AwsSettings.parse("{\"credentialProfiles\": {\"" + ROLE + "\": \"writer\"}}"));
        assertThat(keys).isInstanceOf(AwsSessionCredentialsIdentity.class);
        assertThat(keys.accessKeyId()).isEqualTo("ASIAWRITER");
        assertThat(((AwsSessionCredentialsIdentity) keys).sessionToken()).isEqualTo("writer-token");
    }

    @Test
    void withoutAMappingTheEnvironmentThenTheDefaultProfileAreUsed() {
        assertThat(resolver.resolve(ROLE, AwsSettings.NONE).accessKeyId()).isEqualTo("AKIADEFAULT");
        env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
        env.put("AWS_SECRET_ACCESS_KEY", "env-secret");
        assertThat(resolver.resolve(null, AwsSettings.NONE).accessKeyId()).isEqualTo("AKIAENV");
    }

    @Test
    void aMappedProfileWithoutKeysIsAConfigurationErrorThatNamesNoSecret() {
        assertThatThrownBy(() -> resolver.resolve(ROLE,
                AwsSettings.parse("{\"credentialProfiles\": {\"" + ROLE + "\": \"empty\"}}")))
                .hasMessageStartingWith("API Gateway does not have permission to assume the provided role " + ROLE)
                .hasMessageContaining("profile 'empty'")
                .hasMessageNotContaining("default-secret").hasMessageNotContaining("AKIADEFAULT");
    }

    @Test
    void noCredentialsAnywhereSaysWhatToSet() throws IOException {
        Files.delete(home.resolve(".aws/credentials"));
        assertThatThrownBy(() -> resolver.resolve(null, AwsSettings.NONE))
                .hasMessageContaining("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
}

package dev.gatehouse.engine.integration.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * What the AWS SDKs and CLI read from the machine, read the same way: settings from Java system properties first,
 * then environment variables ({@code aws.profile}/{@code AWS_PROFILE}, {@code aws.configFile}/{@code AWS_CONFIG_FILE},
 * {@code aws.sharedCredentialsFile}/{@code AWS_SHARED_CREDENTIALS_FILE}, defaults {@code ~/.aws/config} and
 * {@code ~/.aws/credentials}), and the two shared files parsed by the AWS SDK's own profile-file parser (so
 * {@code [profile x]} and {@code [services x]} sections mean what they mean to the SDK). The files are re-read
 * when their size or modification time changes, so editing {@code ~/.aws/credentials} needs no restart.
 * Thread-safe.
 */
public final class AwsEnvironment {

    private final UnaryOperator<String> env;
    private final UnaryOperator<String> properties;
    private final Path home;
    private ProfileFile cached;
    private String cachedStamp;

    /**
     * @param env        environment lookup ({@code System::getenv}); tests pass a map's {@code get}
     * @param properties system-property lookup ({@code System::getProperty})
     * @param home       the user's home directory, for the {@code ~/.aws} defaults
     */
    public AwsEnvironment(UnaryOperator<String> env, UnaryOperator<String> properties, Path home) {
        this.env = Objects.requireNonNull(env, "env");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.home = Objects.requireNonNull(home, "home");
    }

    /** The running process's environment, system properties and home directory. */
    public static AwsEnvironment system() {
        return new AwsEnvironment(System::getenv, System::getProperty, Path.of(System.getProperty("user.home")));
    }

    /** An environment variable, or null when unset or empty. */
    public String variable(String name) {
        String v = env.apply(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** A Java system property, or null when unset or empty. */
    public String property(String name) {
        String p = properties.apply(name);
        return p == null || p.isEmpty() ? null : p;
    }

    /** The system property {@code property}, else the environment variable {@code variable}, else null. */
    public String setting(String property, String variable) {
        String p = properties.apply(property);
        return p != null && !p.isEmpty() ? p : variable(variable);
    }

    /** The profile the default credential chain and the endpoint settings use: {@code AWS_PROFILE}, else "default". */
    public String activeProfile() {
        String p = setting("aws.profile", "AWS_PROFILE");
        return p == null ? "default" : p;
    }

    public Path configFile() {
        return file(setting("aws.configFile", "AWS_CONFIG_FILE"), "config");
    }

    public Path credentialsFile() {
        return file(setting("aws.sharedCredentialsFile", "AWS_SHARED_CREDENTIALS_FILE"), "credentials");
    }

    /**
     * The config and credentials files as one (a profile's credentials-file properties win), empty when neither
     * exists.
     *
     * @throws IllegalArgumentException when a file cannot be parsed (the SDK parser's message names the line)
     */
    public synchronized ProfileFile profiles() {
        Path config = configFile();
        Path credentials = credentialsFile();
        String stamp = stamp(config) + "|" + stamp(credentials);
        if (cached == null || !stamp.equals(cachedStamp)) {
            ProfileFile.Aggregator all = ProfileFile.aggregator();
            if (Files.isRegularFile(config)) {
                all.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
            }
            if (Files.isRegularFile(credentials)) {
                all.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
            }
            try {
                cached = all.build();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Cannot read the AWS shared config/credentials files (" + config
                        + ", " + credentials + "): " + e.getMessage(), e);
            }
            cachedStamp = stamp;
        }
        return cached;
    }

    private Path file(String configured, String name) {
        if (configured == null) return home.resolve(".aws").resolve(name);
        if (configured.startsWith("~/") || configured.equals("~")) return home.resolve(configured.substring(1).replaceFirst("^/", ""));
        return Path.of(configured);
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "absent";
        }
    }
}

package dev.gatehouse.tests.aws;

import dev.gatehouse.engine.integration.aws.RequestSigner;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * moto's AWS emulator in server mode ({@code python3 -m moto.server}) as a child process on a free loopback port,
 * with IAM enforcement on: after {@link #IAM_SETUP_CALLS} unauthenticated IAM calls (the users and keys below),
 * every request must carry a SigV4 signature moto recomputes (botocore's SigV4Auth, S3SigV4Auth for S3) from a
 * known key, and the key's user must be allowed the action. Stopped by {@link #close()} through its PID. Public for
 * the console's UI flows (tests.ui), which run against it too.
 */
public final class MotoServer implements AutoCloseable {

    /** CreateUser writer, CreateAccessKey writer, PutUserPolicy writer, CreateUser reader, CreateAccessKey reader. */
    static final int IAM_SETUP_CALLS = 5;

    private static final String SETUP_AUTH =
            "AWS4-HMAC-SHA256 Credential=setup/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0";

    public final int port;
    /** All actions allowed. */
    public final AwsCredentialsIdentity writer;
    /** A user with no policy: everything is AccessDenied. */
    public final AwsCredentialsIdentity reader;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** True when python3 can import moto (its server extras are needed too; checked by starting it). */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public MotoServer(Path logFile) throws IOException, InterruptedException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(IAM_SETUP_CALLS));
        process = pb.start();
        try {
            awaitUp();
            writer = createUser("writer", true);
            reader = createUser("reader", false);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitUp() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IOException("moto exited with " + process.exitValue());
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/moto-api/")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException("moto did not answer on " + url() + " within 90 s");
    }

    private AwsCredentialsIdentity createUser(String name, boolean allowAll) throws IOException, InterruptedException {
        iam("Action=CreateUser&UserName=" + name);
        String keys = iam("Action=CreateAccessKey&UserName=" + name);
        if (allowAll) {
            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
            iam("Action=PutUserPolicy&UserName=" + name + "&PolicyName=all&PolicyDocument="
                    + java.net.URLEncoder.encode(policy, StandardCharsets.UTF_8));
        }
        return AwsCredentialsIdentity.create(xml(keys, "AccessKeyId"), xml(keys, "SecretAccessKey"));
    }

    private String iam(String form) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/"))
                .header("Authorization", SETUP_AUTH).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2010-05-08")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("moto IAM setup " + form + " → " + r.statusCode() + " " + r.body());
        return r.body();
    }

    /** A SigV4-signed call (us-east-1) made by the test itself, e.g. to create a table. */
    public HttpResponse<byte[]> call(String service, String method, String pathAndQuery, Map<String, String> headers,
                              byte[] body, AwsCredentialsIdentity keys) throws IOException, InterruptedException {
        URI uri = URI.create(url() + pathAndQuery);
        Map<String, List<String>> h = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        Map<String, List<String>> signed = new RequestSigner(Clock.systemUTC()).sign(method, uri, h, body,
                "us-east-1", service, keys);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEach((k, vs) -> vs.forEach(v -> b.header(k, v)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String xml(String document, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(document);
        if (!m.find()) throw new IllegalStateException("no <" + element + "> in " + document);
        return m.group(1);
    }

    /** Stops the server by its PID and waits for it. */
    @Override public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

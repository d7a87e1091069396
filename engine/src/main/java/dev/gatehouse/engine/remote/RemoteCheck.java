package dev.gatehouse.engine.remote;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * "Test connection" of a remote: one read call (GetRestApis), and its failure told as what the user has to fix:
 * the credentials were refused, nothing answers at the address, or the TLS handshake failed (an untrusted or
 * mismatched certificate). Blocking (at most the client's connection timeout, 10 s, when nothing answers); call it
 * off the UI thread. Called by the console's Remotes page.
 */
public final class RemoteCheck {

    private RemoteCheck() {}

    /** What the remote answered: how many APIs it has (at most the first page of 500). */
    public record Connection(String remote, String endpoint, int apis) {
        /** {@code "Connected to b (http://127.0.0.1:4011): 3 APIs"}. */
        public String summary() {
            return "Connected to " + remote + " (" + endpoint + "): " + apis + (apis == 1 ? " API" : " APIs");
        }
    }

    /** Reads the remote's APIs; {@link RemoteException} in the product's words when that fails. */
    public static Connection test(Remote remote) {
        try (ApiGatewayClient client = RemoteClients.client(remote)) {
            int count = client.getRestApis(b -> b.limit(500)).items().size();
            return new Connection(remote.name(), remote.endpoint(), count);
        } catch (SdkException e) {
            throw new RemoteException(explain(remote, e), e);
        }
    }

    /** The failure of a call to {@code remote} as what went wrong and what to check. */
    static String explain(Remote remote, SdkException e) {
        String where = remote.name() + " (" + remote.endpoint() + ")";
        if (e instanceof AwsServiceException s) {
            var d = s.awsErrorDetails();
            String code = d != null && d.errorCode() != null ? d.errorCode() : "";
            String message = d != null && d.errorMessage() != null ? d.errorMessage() : s.getMessage();
            if (s.statusCode() == 403 || s.statusCode() == 401 || code.toLowerCase(Locale.ROOT).contains("signature")
                    || code.equals("UnrecognizedClientException")) {
                return "The remote " + where + " refused the credentials: " + s.statusCode() + " " + code + ": " + message
                        + ". Check the access key and secret" + (remote.isAws() ? " (or the AWS credential chain)." : ".");
            }
            return "The remote " + where + " answered " + s.statusCode() + " " + code + ": " + message;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return "The TLS handshake with " + where + " failed: " + t.getMessage()
                        + ". Check that the URL's host matches the remote's certificate and that Java trusts it.";
            }
            if (t instanceof UnknownHostException) return "Cannot reach " + where + ": the host name is not known (" + t.getMessage() + ").";
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "Cannot reach " + where + ": nothing accepts connections there. Is the remote engine running"
                        + " (gatehouse serve --admin-port) and is the port right?";
            }
            if (t instanceof SocketTimeoutException) return "Cannot reach " + where + ": no answer in time (" + t.getMessage() + ").";
        }
        if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("unable to load credentials")) {
            return "No AWS credentials for " + where + ": the AWS credential chain found none (environment, ~/.aws/credentials,"
                    + " SSO). Give an access key and secret, or configure the chain.";
        }
        return "Cannot reach " + where + ": " + e.getMessage();
    }
}

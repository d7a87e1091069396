package dev.gatehouse.engine.remote;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One named remote gateway as the user configured it.
 *
 * <p>A remote with a {@code url} is another Gatehouse engine's control plane ({@code gatehouse serve --admin-port});
 * one without is Amazon API Gateway in {@code region}. Credentials are optional: without them a Gatehouse remote is
 * signed with a placeholder key (an engine without {@code --credentials} accepts any well-formed signature) and
 * AWS gets the SDK's default credential chain (environment, {@code ~/.aws/credentials}, SSO, instance roles).
 *
 * @param apis    local API id → the id the remote gave it (so the next push updates that API, whatever its name)
 * @param history the latest pushes, newest last (at most {@link #HISTORY_LIMIT})
 */
public record Remote(String name, String url, String region, String accessKeyId, String secretAccessKey,
                     Map<String, String> apis, List<PushRecord> history) {

    static final int HISTORY_LIMIT = 50;
    /** Region for a Gatehouse remote when none is given: signatures need one, the engine accepts any. */
    public static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    public Remote {
        apis = apis == null ? Map.of() : Map.copyOf(apis);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * A new remote after checking what the user typed; throws {@link RemoteException} naming the bad option.
     *
     * @param url null for Amazon API Gateway (then {@code region} is required)
     */
    public static Remote of(String name, String url, String region, String accessKeyId, String secretAccessKey) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new RemoteException("remote name '" + name + "' is not valid: use letters, digits, '.', '_' or '-' (at most 64)");
        }
        if (url != null) {
            URI u;
            try {
                u = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new RemoteException("--url '" + url + "' is not a URL: " + e.getMessage());
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                throw new RemoteException("--url '" + url + "' must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:4011");
            }
            if (u.getRawQuery() != null || u.getRawFragment() != null) {
                throw new RemoteException("--url '" + url + "' must not have a query or fragment");
            }
            if (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        } else if (region == null) {
            throw new RemoteException("remote '" + name + "': give --url (another Gatehouse engine) or --region (Amazon API Gateway)");
        }
        if (region != null && !REGION.matcher(region).matches()) {
            throw new RemoteException("--region '" + region + "' is not an AWS region name such as eu-west-1");
        }
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new RemoteException("--access-key and --secret-key go together: give both or neither");
        }
        return new Remote(name, url, region, accessKeyId, secretAccessKey, Map.of(), List.of());
    }

    /** True for Amazon API Gateway itself (no URL configured). */
    @JsonIgnore public boolean isAws() {
        return url == null;
    }

    @JsonIgnore public String effectiveRegion() {
        return region != null ? region : DEFAULT_REGION;
    }

    /** Where requests go, for messages: the URL, or AWS's regional endpoint. */
    @JsonIgnore public String endpoint() {
        return isAws() ? "https://apigateway." + region + ".amazonaws.com" : url;
    }

    /** How the remote is reached and signed, without the secret (for {@code remote list}). */
    @JsonIgnore public String describe() {
        String target = isAws() ? "Amazon API Gateway " + region : "Gatehouse " + url;
        String creds = accessKeyId != null ? "access key " + accessKeyId
                : isAws() ? "AWS default credential chain" : "no credentials (unsigned-key placeholder)";
        return target + " (" + creds + ")";
    }

    public Remote withApi(String localApiId, String remoteApiId) {
        Map<String, String> m = new LinkedHashMap<>(apis);
        m.put(localApiId, remoteApiId);
        return new Remote(name, url, region, accessKeyId, secretAccessKey, m, history);
    }

    public Remote withPush(PushRecord record) {
        List<PushRecord> h = new java.util.ArrayList<>(history);
        h.add(record);
        while (h.size() > HISTORY_LIMIT) h.removeFirst();
        return new Remote(name, url, region, accessKeyId, secretAccessKey, apis, h);
    }

    /** One completed push, kept for the push history. */
    public record PushRecord(long pushedAt, String localApiId, String remoteApiId, String stage, String deploymentId,
                             int changes) {}
}

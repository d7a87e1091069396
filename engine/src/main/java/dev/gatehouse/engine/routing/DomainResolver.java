package dev.gatehouse.engine.routing;

/**
 * Maps a custom domain name and base path onto an API stage (API Gateway's DomainName + BasePathMapping).
 * Called on the request thread for every request before execute-api addressing; must be fast and not throw.
 */
@FunctionalInterface
public interface DomainResolver {

    /** Resolves nothing: every request uses execute-api addressing. */
    DomainResolver NONE = (host, rawPath) -> null;

    /**
     * The address for a request to {@code host} (as sent, may include a port; may be null) and {@code rawPath};
     * null when the host is not a custom domain or no base path matches.
     */
    InvokeAddress resolve(String host, String rawPath);
}

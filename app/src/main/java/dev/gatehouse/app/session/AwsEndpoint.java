package dev.gatehouse.app.session;

/**
 * Which endpoint an AWS service integration of the workspace calls for one service, and why: what the engine's
 * endpoint resolution answers for it (the same code the integrations run), for the console's AWS endpoints page.
 * Immutable.
 *
 * @param service  the service as written in integration URIs ({@code dynamodb}), or {@code *} for the workspace's
 *                 catch-all override
 * @param region   the region the default endpoint was resolved for
 * @param url      the endpoint's base URL; "" when {@code problem} is set
 * @param source   where {@code url} comes from
 * @param where    the exact setting ({@code aws.json endpoints.dynamodb}, {@code AWS_ENDPOINT_URL_DYNAMODB},
 *                 {@code ~/.aws/config [services local] dynamodb.endpoint_url}); "" for the default endpoint
 * @param override the workspace's own override for this service as written in {@code aws.json}, or "" for none
 * @param otherwise what would be used without the workspace's override (its URL and where it comes from); "" when
 *                 the workspace does not override this service
 * @param problem  why the endpoint cannot be resolved (a bad {@code AWS_ENDPOINT_URL_*}, an unreadable config
 *                 file), in the engine's words; "" when it can
 */
public record AwsEndpoint(String service, String region, String url, Source source, String where, String override,
                          String otherwise, String problem) {

    /** Where an endpoint comes from, in the order the engine looks (first match wins). */
    public enum Source {
        WORKSPACE("Workspace (aws.json)"),
        ENVIRONMENT("Environment variable"),
        SHARED_CONFIG("Shared config file"),
        DEFAULT("Default regional endpoint"),
        UNRESOLVED("Cannot be resolved");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** The console's words for it. */
        public String label() { return label; }

        @Override public String toString() { return label; }
    }
}

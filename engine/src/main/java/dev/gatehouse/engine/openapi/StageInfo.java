package dev.gatehouse.engine.openapi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What a stage export adds (aws-reference §9 "Export content"): the server ({@code servers[0]} with a
 * {@code basePath} variable for OAS 3.0; {@code host}, {@code basePath}, {@code schemes} for Swagger) and
 * {@code info.version} = the deployment's timestamp.
 *
 * @param baseUrl where the stage's API is served, without the stage, e.g.
 *                {@code https://abc123.execute-api.us-east-1.amazonaws.com} or {@code http://abc123.execute-api.localhost:4010}
 */
public record StageInfo(String stageName, Instant deployedAt, String baseUrl) {
    public StageInfo {
        Objects.requireNonNull(stageName, "stageName");
        Objects.requireNonNull(deployedAt, "deployedAt");
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI.create(baseUrl);
        while (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }

    /** A stage of an API on Amazon API Gateway: {@code https://{apiId}.execute-api.{region}.amazonaws.com}. */
    public static StageInfo aws(String apiId, String region, String stageName, Instant deployedAt) {
        return new StageInfo(stageName, deployedAt, "https://" + apiId + ".execute-api." + region + ".amazonaws.com");
    }
}

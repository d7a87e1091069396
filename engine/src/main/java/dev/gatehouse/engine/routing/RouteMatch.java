package dev.gatehouse.engine.routing;

import java.util.Map;

/**
 * The outcome of {@link RouteTable#match}: the target, the resource template it was registered under and the
 * path parameters (decoded; {@code proxy} without its leading slash, inner {@code //} kept).
 */
public record RouteMatch<T>(T target, String resourcePath, Map<String, String> pathParameters) {

    public RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}

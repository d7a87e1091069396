package dev.gatehouse.engine.model;

import java.util.List;
import java.util.Map;

/**
 * An API key (AWS {@code ApiKey}).
 *
 * @param stageKeys {@code "{restApiId}/{stageName}"} entries
 */
public record ApiKey(String id, String value, String name, String customerId, String description, Boolean enabled,
                     Long createdDate, Long lastUpdatedDate, List<String> stageKeys, Map<String, String> tags) {
    public ApiKey {
        if (enabled == null) enabled = Boolean.TRUE;
        stageKeys = Copies.list(stageKeys);
        tags = Copies.map(tags);
    }
}

package dev.gatehouse.engine.workspace;

import dev.gatehouse.engine.model.ApiKey;
import java.util.List;
import java.util.Map;

/**
 * An API key as {@code apikeys/{id}.json} holds it: every field of {@link ApiKey} except the value, which lives in
 * {@link ApiKeySecrets}, and the value's SHA-256 instead, so git-tracked files never hold a key. Files written
 * before this layout hold {@code value} in clear; they are still read, and rewritten in this form when the
 * workspace is opened for editing ({@link Workspace#open}).
 *
 * @param value       only in files of the old layout (never written)
 * @param valueSha256 lower-case hex SHA-256 of the value (see {@link ApiKeySecrets#sha256})
 */
record StoredApiKey(String id, String name, String customerId, String description, Boolean enabled,
                    Long createdDate, Long lastUpdatedDate, List<String> stageKeys, Map<String, String> tags,
                    String valueSha256, String value) {

    /** The disk form of {@code key}: its value replaced by the value's hash. */
    static StoredApiKey of(ApiKey key) {
        return new StoredApiKey(key.id(), key.name(), key.customerId(), key.description(), key.enabled(),
                key.createdDate(), key.lastUpdatedDate(), key.stageKeys(), key.tags(),
                key.value() == null ? null : ApiKeySecrets.sha256(key.value()), null);
    }

    /** The key with {@code value} (null when it is not known). */
    ApiKey withValue(String clear) {
        return new ApiKey(id, clear, name, customerId, description, enabled, createdDate, lastUpdatedDate, stageKeys, tags);
    }

    /** True for a file of the old layout, with the value in clear. */
    boolean holdsClearValue() {
        return value != null;
    }
}

package dev.gatehouse.engine.model;

import java.util.List;
import java.util.Map;

/**
 * An API's own settings (AWS {@code RestApi}); its resources, models and the rest live beside it in
 * {@link ApiDefinition}. Defaults as AWS: {@code apiKeySource HEADER}, EDGE endpoint, execute-api endpoint on.
 *
 * @param createdDate epoch seconds, as on the AWS wire
 */
public record RestApi(
        String id,
        String name,
        String description,
        Long createdDate,
        String version,
        List<String> warnings,
        List<String> binaryMediaTypes,
        Integer minimumCompressionSize,
        ApiKeySource apiKeySource,
        EndpointConfiguration endpointConfiguration,
        String policy,
        Map<String, String> tags,
        Boolean disableExecuteApiEndpoint,
        String rootResourceId) {

    public RestApi {
        warnings = Copies.list(warnings);
        binaryMediaTypes = Copies.list(binaryMediaTypes);
        if (apiKeySource == null) apiKeySource = ApiKeySource.HEADER;
        if (endpointConfiguration == null) endpointConfiguration = EndpointConfiguration.edge();
        tags = Copies.map(tags);
        if (disableExecuteApiEndpoint == null) disableExecuteApiEndpoint = Boolean.FALSE;
    }

    public static RestApi named(String id, String name, long createdDate, String rootResourceId) {
        return new RestApi(id, name, null, createdDate, null, null, null, null, null, null, null, null, null, rootResourceId);
    }

    public RestApi withName(String newName) {
        return new RestApi(id, newName, description, createdDate, version, warnings, binaryMediaTypes,
                minimumCompressionSize, apiKeySource, endpointConfiguration, policy, tags, disableExecuteApiEndpoint, rootResourceId);
    }

    public RestApi withDescription(String newDescription) {
        return new RestApi(id, name, newDescription, createdDate, version, warnings, binaryMediaTypes,
                minimumCompressionSize, apiKeySource, endpointConfiguration, policy, tags, disableExecuteApiEndpoint, rootResourceId);
    }

    public RestApi withBinaryMediaTypes(List<String> types) {
        return new RestApi(id, name, description, createdDate, version, warnings, types,
                minimumCompressionSize, apiKeySource, endpointConfiguration, policy, tags, disableExecuteApiEndpoint, rootResourceId);
    }

    /** The API with another resource policy (a JSON policy document, or null for none). */
    public RestApi withPolicy(String newPolicy) {
        return new RestApi(id, name, description, createdDate, version, warnings, binaryMediaTypes,
                minimumCompressionSize, apiKeySource, endpointConfiguration, newPolicy, tags, disableExecuteApiEndpoint, rootResourceId);
    }

    public RestApi withVersion(String newVersion) {
        return new RestApi(id, name, description, createdDate, newVersion, warnings, binaryMediaTypes,
                minimumCompressionSize, apiKeySource, endpointConfiguration, policy, tags, disableExecuteApiEndpoint, rootResourceId);
    }

    /** @param size null turns compression off */
    public RestApi withMinimumCompressionSize(Integer size) {
        return new RestApi(id, name, description, createdDate, version, warnings, binaryMediaTypes,
                size, apiKeySource, endpointConfiguration, policy, tags, disableExecuteApiEndpoint, rootResourceId);
    }

    public RestApi withApiKeySource(ApiKeySource source) {
        return new RestApi(id, name, description, createdDate, version, warnings, binaryMediaTypes,
                minimumCompressionSize, source, endpointConfiguration, policy, tags, disableExecuteApiEndpoint, rootResourceId);
    }

    public RestApi withEndpointConfiguration(EndpointConfiguration configuration) {
        return new RestApi(id, name, description, createdDate, version, warnings, binaryMediaTypes,
                minimumCompressionSize, apiKeySource, configuration, policy, tags, disableExecuteApiEndpoint, rootResourceId);
    }

    public RestApi withIdentity(String newId, String newRootResourceId) {
        return new RestApi(newId, name, description, createdDate, version, warnings, binaryMediaTypes,
                minimumCompressionSize, apiKeySource, endpointConfiguration, policy, tags, disableExecuteApiEndpoint, newRootResourceId);
    }

    /** Endpoint types and VPC endpoints of an API or domain name. */
    public record EndpointConfiguration(List<EndpointType> types, List<String> vpcEndpointIds, String ipAddressType) {
        public EndpointConfiguration {
            types = Copies.list(types);
            vpcEndpointIds = vpcEndpointIds == null ? null : Copies.list(vpcEndpointIds);
        }

        public static EndpointConfiguration edge() {
            return new EndpointConfiguration(List.of(EndpointType.EDGE), null, null);
        }
    }
}

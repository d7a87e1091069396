package dev.gatehouse.engine.model;

import java.util.List;
import java.util.Map;

/**
 * A custom domain name (AWS {@code DomainName}) and its base path mappings onto API stages.
 *
 * @param basePathMappings kept with the domain here; AWS serves them as a sub-resource
 */
public record DomainName(String domainName, String certificateName, String certificateArn,
                         String regionalCertificateName, String regionalCertificateArn,
                         String distributionDomainName, String regionalDomainName,
                         RestApi.EndpointConfiguration endpointConfiguration, String securityPolicy,
                         Map<String, String> tags, List<BasePathMapping> basePathMappings) {
    public DomainName {
        tags = Copies.map(tags);
        basePathMappings = Copies.list(basePathMappings);
    }

    /** Maps {@code https://domain/basePath/...} onto an API stage; basePath {@code "(none)"} is the root. */
    public record BasePathMapping(String basePath, String restApiId, String stage) {}
}

package dev.gatehouse.engine.integration.aws;

import java.util.Map;

/**
 * The services that speak the AWS JSON protocol, for action-style integrations: API Gateway names the operation
 * in {@code X-Amz-Target: {targetPrefix}.{Action}} and sends {@code Content-Type: application/x-amz-json-{version}}
 * (a mapped {@code integration.request.header.*} of either name wins). The prefixes and versions are the
 * services' {@code metadata.targetPrefix} and {@code metadata.jsonVersion} in their botocore service models
 * (botocore/data/{service}/{version}/service-2.json). Query-protocol services (SQS, SNS, STS, ...) get no such
 * headers: their action travels as {@code Action=...} in the query string. Stateless.
 */
public final class JsonProtocol {

    /** targetPrefix and jsonVersion. */
    public record Target(String prefix, String jsonVersion) {
        public String header(String action) {
            return prefix + "." + action;
        }

        public String contentType() {
            return "application/x-amz-json-" + jsonVersion;
        }
    }

    // keyed by the endpoint prefix that appears in the integration ARN
    private static final Map<String, Target> TARGETS = Map.ofEntries(
            Map.entry("dynamodb", new Target("DynamoDB_20120810", "1.0")),
            Map.entry("streams.dynamodb", new Target("DynamoDBStreams_20120810", "1.0")),
            Map.entry("kinesis", new Target("Kinesis_20131202", "1.1")),
            Map.entry("firehose", new Target("Firehose_20150804", "1.1")),
            Map.entry("states", new Target("AWSStepFunctions", "1.0")),
            Map.entry("events", new Target("AWSEvents", "1.1")),
            Map.entry("logs", new Target("Logs_20140328", "1.1")),
            Map.entry("secretsmanager", new Target("secretsmanager", "1.1")),
            Map.entry("ssm", new Target("AmazonSSM", "1.1")),
            Map.entry("kms", new Target("TrentService", "1.1")));

    private JsonProtocol() { }

    /** The JSON-protocol target of {@code service}, or null for services of other protocols. */
    public static Target of(String service) {
        return TARGETS.get(service);
    }
}

package dev.gatehouse.app.policy;

import java.util.List;

/**
 * The templates of AWS console's resource-policy editor, filled in with this API's ARN in the local account
 * ({@code arn:aws:execute-api:us-east-1:123456789012:{apiId}/*}). The account and VPC-endpoint ones are shown as AWS
 * shows them, labelled with what the local engine does not enforce. Immutable.
 */
public enum PolicyTemplate {
    SOURCE_IP_ALLOW_LIST("Source IP allow list"),
    SOURCE_IP_DENY_LIST("Source IP deny list"),
    ACCOUNT_ALLOW_LIST("Account allow list (matches any SigV4 caller locally)"),
    VPC_ENDPOINT_ALLOW_LIST("VPC endpoint allow list (not enforced locally)");

    /** The local data plane's region and account, as in the method ARNs it evaluates. */
    static final String REGION_ACCOUNT = "us-east-1:123456789012";

    private final String label;

    PolicyTemplate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The policy text for API {@code apiId}; {@code addresses} (IP addresses or CIDR blocks) go into the source IP
     * templates as written, so the checks point at a mistyped one.
     */
    public String text(String apiId, List<String> addresses) {
        String arn = "arn:aws:execute-api:" + REGION_ACCOUNT + ":" + apiId + "/*";
        String ips = addresses.isEmpty() ? "\"203.0.113.0/24\"" : String.join(", ", addresses.stream().map(PolicyTemplate::quoted).toList());
        String allowAll = statement("Allow", "\"*\"", arn, null, null);
        return switch (this) {
            case SOURCE_IP_ALLOW_LIST -> policy(statement("Allow", "\"*\"", arn, "AllowListedAddresses",
                    "\"IpAddress\": {\n            \"aws:SourceIp\": [" + ips + "]\n          }"));
            case SOURCE_IP_DENY_LIST -> policy(allowAll + ",\n" + statement("Deny", "\"*\"", arn, "DenyListedAddresses",
                    "\"IpAddress\": {\n            \"aws:SourceIp\": [" + ips + "]\n          }"));
            case ACCOUNT_ALLOW_LIST -> policy(statement("Allow", "{\"AWS\": [\"arn:aws:iam::123456789012:root\"]}", arn,
                    "AllowAccount", null));
            case VPC_ENDPOINT_ALLOW_LIST -> policy(statement("Deny", "\"*\"", arn, "DenyOutsideVpce",
                    "\"StringNotEquals\": {\n            \"aws:SourceVpce\": \"vpce-1a2b3c4d\"\n          }") + ",\n" + allowAll);
        };
    }

    private static String policy(String statements) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + statements + "\n  ]\n}\n";
    }

    private static String statement(String effect, String principal, String resource, String sid, String condition) {
        StringBuilder s = new StringBuilder("    {\n");
        if (sid != null) s.append("      \"Sid\": \"").append(sid).append("\",\n");
        s.append("      \"Effect\": \"").append(effect).append("\",\n");
        s.append("      \"Principal\": ").append(principal).append(",\n");
        s.append("      \"Action\": \"execute-api:Invoke\",\n");
        s.append("      \"Resource\": \"").append(resource).append('"');
        if (condition != null) s.append(",\n      \"Condition\": {\n        ").append(condition).append("\n      }");
        return s.append("\n    }").toString();
    }

    private static String quoted(String address) {
        return "\"" + address.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override public String toString() {
        return label;
    }
}

package dev.gatehouse.engine.invoke;

import java.util.List;
import java.util.Map;

/**
 * A TestInvokeAuthorizer result in AWS's shape (botocore {@code TestInvokeAuthorizerResponse}).
 *
 * @param clientStatus  the status the caller would get: 200 when the authorizer let the identity through (its policy is
 *                      returned, not evaluated: the test names no method), else 401, 403 or 500
 * @param log           the execution log ("Execution log for request test-request", then timed lines)
 * @param latency       milliseconds
 * @param principalId   a Lambda authorizer's {@code principalId} (null for Cognito or a failure)
 * @param policy        a Lambda authorizer's {@code policyDocument} as JSON text (null otherwise)
 * @param authorization the authorizer's context values, each as a one-element list (Lambda; null otherwise)
 * @param claims        a Cognito authorizer's token claims as API Gateway passes them on (null otherwise)
 */
public record AuthorizerTestResult(int clientStatus, String log, long latency, String principalId, String policy,
                                   Map<String, List<String>> authorization, Map<String, String> claims) {

    /**
     * {@code clientStatus} as AWS's API answers it: 0 when the authorizer succeeded, else the status a caller would
     * get. Source: the service model's documentation of {@code TestInvokeAuthorizerResponse.clientStatus}, "The HTTP
     * status code that the client would have received. Value is 0 if the authorizer succeeded." (API Reference,
     * TestInvokeAuthorizer; botocore apigateway 2015-07-09 service-2.json; the SDKs' generated docs). No recorded
     * response of the real service was found to say otherwise. {@link #clientStatus()} stays the HTTP status (200
     * when let through) for the console's own wording.
     */
    public int awsClientStatus() {
        return clientStatus == 200 ? 0 : clientStatus;
    }
}

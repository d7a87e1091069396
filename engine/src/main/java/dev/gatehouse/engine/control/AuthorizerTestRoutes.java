package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.invoke.AuthorizerTestRequest;
import dev.gatehouse.engine.invoke.AuthorizerTestResult;
import java.util.List;
import java.util.Map;

/**
 * TestInvokeAuthorizer: {@code POST /restapis/{restapi_id}/authorizers/{authorizer_id}} with botocore's
 * {@code TestInvokeAuthorizerRequest} body, answered 200 with {@code TestInvokeAuthorizerResponse}
 * ({@code clientStatus, log, latency, principalId, policy, authorization, claims}; absent members left out). Unknown
 * API or authorizer: 404 NotFoundException. Runs on the control plane's request thread (may run a local function).
 */
final class AuthorizerTestRoutes {

    private AuthorizerTestRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("POST", "/restapis/{restapi_id}/authorizers/{authorizer_id}", call -> {
            String apiId = call.param("restapi_id");
            api.api(apiId);
            @SuppressWarnings("unchecked")
            Map<String, List<String>> multi = call.member("multiValueHeaders", Map.class);
            AuthorizerTestRequest request = new AuthorizerTestRequest(call.stringMap("headers"), multi,
                    call.string("pathWithQueryString"), call.string("body"), call.stringMap("stageVariables"),
                    call.stringMap("additionalContext"));
            AuthorizerTestResult result = api.gateway().testInvokeAuthorizer(apiId, call.param("authorizer_id"), request);
            ObjectNode out = Call.READER.createObjectNode();
            out.put("clientStatus", result.awsClientStatus()); // 0 when the authorizer succeeded, as AWS documents it
            out.put("log", result.log());
            out.put("latency", result.latency());
            if (result.principalId() != null) out.put("principalId", result.principalId());
            if (result.policy() != null) out.put("policy", result.policy());
            if (result.authorization() != null) out.set("authorization", Call.READER.valueToTree(result.authorization()));
            if (result.claims() != null) out.set("claims", Call.READER.valueToTree(result.claims()));
            return ControlResponse.json(200, out);
        });
    }
}

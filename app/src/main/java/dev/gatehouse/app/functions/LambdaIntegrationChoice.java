package dev.gatehouse.app.functions;

import dev.gatehouse.app.resources.IntegrationChoice;
import dev.gatehouse.engine.model.Integration;
import dev.gatehouse.engine.model.IntegrationResponse;
import dev.gatehouse.engine.model.IntegrationType;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.MethodResponse;
import dev.gatehouse.engine.model.PassthroughBehavior;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Lambda function" in Create method, as AWS's console sets it up: the function (picked from the workspace's or
 * typed; a stage variable may stand for it), and "Use Lambda proxy integration": AWS_PROXY when on, else AWS with
 * a 200 method response and default integration response. Lambda is always called with POST. When the function does
 * not exist yet, {@link #created} offers to create it. FX thread.
 */
public final class LambdaIntegrationChoice implements IntegrationChoice {
    private final FunctionsViewModel functions;
    private final Consumer<String> offerToCreate;

    /**
     * @param offerToCreate called with a function name the new method uses but the workspace lacks
     */
    public LambdaIntegrationChoice(FunctionsViewModel functions, Consumer<String> offerToCreate) {
        this.functions = functions;
        this.offerToCreate = offerToCreate;
    }

    @Override public String label() { return "Lambda function"; }

    @Override public String help() {
        return "Invokes a Lambda function of the workspace (functions/), warm, through Lambda's Invoke API (AWS's AWS "
                + "and AWS_PROXY).";
    }

    @Override public String targetLabel() { return "Lambda function"; }

    @Override public String targetPrompt() { return "GetHelloWorld"; }

    @Override public List<String> targetSuggestions() { return List.copyOf(functions.names()); }

    @Override public String optionLabel() { return "Use Lambda proxy integration"; }

    @Override public Optional<String> targetProblem(String target) {
        return LambdaUri.problem(target);
    }

    @Override public Method method(String httpMethod, String target, String targetMethod) {
        return method(httpMethod, target, targetMethod, optionDefault());
    }

    @Override public Method method(String httpMethod, String target, String targetMethod, boolean proxy) {
        String uri = LambdaUri.of(target);
        if (proxy) {
            return Method.of(httpMethod).withIntegration(Integration.of(IntegrationType.AWS_PROXY, "POST", uri)
                    .withPassthroughBehavior(PassthroughBehavior.WHEN_NO_MATCH));
        }
        return Method.of(httpMethod)
                .withMethodResponses(Map.of("200", new MethodResponse("200", null, Map.of("application/json", "Empty"))))
                .withIntegration(Integration.of(IntegrationType.AWS, "POST", uri)
                        .withPassthroughBehavior(PassthroughBehavior.WHEN_NO_MATCH)
                        .withIntegrationResponses(Map.of("200", IntegrationResponse.of("200"))));
    }

    @Override public void created(String target) {
        if (target == null || target.contains("${")) return;
        String name = LambdaUri.name(target);
        if (!functions.exists(name)) offerToCreate.accept(name);
    }
}

package dev.gatehouse.engine.mapping;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Render cost of AWS's "Method Request passthrough" example template (the mapping-template reference's
 * all-parameters example, with body, params, stage variables and context). Not run by surefire; run with
 * {@code java -cp <test classpath> org.openjdk.jmh.Main Benchmarks} (see BENCHMARKS.md). Target ≤ 20 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VtlBenchmarks {

    static final String PASSTHROUGH = """
            ##  See http://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
            ##  This template will pass through all parameters including path, querystring, header, stage variables, and context through to the integration endpoint via the body/payload
            #set($allParams = $input.params())
            {
            "body-json" : $input.json('$'),
            "params" : {
            #foreach($type in $allParams.keySet())
                #set($params = $allParams.get($type))
            "$type" : {
                #foreach($paramName in $params.keySet())
                "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
                    #if($foreach.hasNext),#end
                #end
            }
                #if($foreach.hasNext),#end
            #end
            },
            "stage-variables" : {
            #foreach($key in $stageVariables.keySet())
            "$key" : "$util.escapeJavaScript($stageVariables.get($key))"
                #if($foreach.hasNext),#end
            #end
            },
            "context" : {
                "account-id" : "$context.identity.accountId",
                "api-id" : "$context.apiId",
                "api-key" : "$context.identity.apiKey",
                "authorizer-principal-id" : "$context.authorizer.principalId",
                "caller" : "$context.identity.caller",
                "cognito-authentication-provider" : "$context.identity.cognitoAuthenticationProvider",
                "cognito-authentication-type" : "$context.identity.cognitoAuthenticationType",
                "cognito-identity-id" : "$context.identity.cognitoIdentityId",
                "cognito-identity-pool-id" : "$context.identity.cognitoIdentityPoolId",
                "http-method" : "$context.httpMethod",
                "stage" : "$context.stage",
                "source-ip" : "$context.identity.sourceIp",
                "user" : "$context.identity.user",
                "user-agent" : "$context.identity.userAgent",
                "user-arn" : "$context.identity.userArn",
                "request-id" : "$context.requestId",
                "resource-id" : "$context.resourceId",
                "resource-path" : "$context.resourcePath"
                }
            }
            """;

    private CompiledTemplate template;
    private MappingRequest request;

    @Setup
    public void setUp() {
        template = new TemplateCompiler().compile(PASSTHROUGH, "passthrough");
        request = sampleRequest();
    }

    static MappingRequest sampleRequest() {
        return MappingRequest.builder()
                .body("{\"id\":42,\"type\":\"dog\",\"name\":\"Rex\",\"price\":249.99,\"tags\":[\"good\",\"boy\"]}")
                .pathParameter("petId", "42").queryParameter("verbose", "true")
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("User-Agent", "curl/8.5").header("X-Request-Source", "it's \"quoted\"")
                .stageVariable("env", "prod").stageVariable("backend", "http://backend:8080/api")
                .context(ContextValues.builder().put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
                        .put("apiId", "abc123").put("stage", "prod").put("httpMethod", "POST")
                        .put("resourceId", "r1").put("resourcePath", "/pets/{petId}")
                        .put("identity.sourceIp", "10.0.0.1").put("identity.userAgent", "curl/8.5")
                        .put("identity.accountId", "123456789012").put("authorizer.principalId", "user-7").build())
                .build();
    }

    @Benchmark
    public String renderAwsPassthroughExample() {
        return template.render(request).output();
    }
}

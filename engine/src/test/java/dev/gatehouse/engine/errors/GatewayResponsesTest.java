package dev.gatehouse.engine.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.pipeline.ContextKeys;
import dev.gatehouse.engine.pipeline.GatewayEventListener;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayResponsesTest {

    private static final GatewayRequest REQUEST =
            GatewayRequest.of("GET", "/prod/pets?q=1", Headers.of("Origin", "https://a.test"), null);

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ACCESS_DENIED                  | 403 | AccessDeniedException               | `{"Message":"User is not authorized to access this resource with an explicit deny"}`
            API_CONFIGURATION_ERROR        | 500 | InternalServerErrorException        | `{"message": "Internal server error"}`
            AUTHORIZER_CONFIGURATION_ERROR | 500 | AuthorizerConfigurationException    | `{"message": null}`
            AUTHORIZER_FAILURE             | 500 | AuthorizerFailureException          | `{"message": null}`
            BAD_REQUEST_PARAMETERS         | 400 | BadRequestException                 | `{"message": "Missing required request parameters"}`
            BAD_REQUEST_BODY               | 400 | BadRequestException                 | `{"message": "Invalid request body"}`
            EXPIRED_TOKEN                  | 403 | ExpiredTokenException               | `{"message":"The security token included in the request is expired"}`
            INTEGRATION_FAILURE            | 504 | InternalServerErrorException        | `{"message": "Internal server error"}`
            INTEGRATION_TIMEOUT            | 504 | InternalServerErrorException        | `{"message": "Endpoint request timed out"}`
            INVALID_API_KEY                | 403 | ForbiddenException                  | `{"message":"Forbidden"}`
            INVALID_SIGNATURE              | 403 | InvalidSignatureException           | `{"message":"The request signature we calculated does not match the signature you provided."}`
            MISSING_AUTHENTICATION_TOKEN   | 403 | MissingAuthenticationTokenException | `{"message":"Missing Authentication Token"}`
            QUOTA_EXCEEDED                 | 429 | LimitExceededException              | `{"message":"Limit Exceeded"}`
            REQUEST_TOO_LARGE              | 413 | RequestTooLargeException            | `{"message":"Request Too Large"}`
            RESOURCE_NOT_FOUND             | 404 | ResourceNotFoundException           | `{"message":"Not Found"}`
            THROTTLED                      | 429 | TooManyRequestsException            | `{"message":"Too Many Requests"}`
            UNAUTHORIZED                   | 401 | UnauthorizedException               | `{"message":"Unauthorized"}`
            UNSUPPORTED_MEDIA_TYPE         | 415 | BadRequestException                 | `{"message":"Unsupported Media Type"}`
            WAF_FILTERED                   | 403 | ForbiddenException                  | `{"message":"Forbidden"}`
            """)
    void everyTypeHasAwsDefaultStatusErrorTypeAndBody(GatewayResponseType type, int status, String errorType, String body) {
        GatewayResponse r = GatewayResponses.builtIn().render(GatewayException.of(type), REQUEST, null);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.headers().first("x-amzn-ErrorType")).isEqualTo(errorType);
        assertThat(r.headers().first("Content-Type")).isEqualTo("application/json");
        assertThat(r.bodyText()).isEqualTo(body);
    }

    /** aws-reference §1.9, the "fallback" column (from AWS's gateway-response-types page): written out, not derived. */
    @ParameterizedTest(name = "{0} falls back to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ACCESS_DENIED                  | DEFAULT_4XX
            API_CONFIGURATION_ERROR        | DEFAULT_5XX
            AUTHORIZER_CONFIGURATION_ERROR | DEFAULT_5XX
            AUTHORIZER_FAILURE             | DEFAULT_5XX
            BAD_REQUEST_PARAMETERS         | DEFAULT_4XX
            BAD_REQUEST_BODY               | DEFAULT_4XX
            EXPIRED_TOKEN                  | DEFAULT_4XX
            INTEGRATION_FAILURE            | DEFAULT_5XX
            INTEGRATION_TIMEOUT            | DEFAULT_5XX
            INVALID_API_KEY                | DEFAULT_4XX
            INVALID_SIGNATURE              | DEFAULT_4XX
            MISSING_AUTHENTICATION_TOKEN   | DEFAULT_4XX
            QUOTA_EXCEEDED                 | DEFAULT_4XX
            REQUEST_TOO_LARGE              | DEFAULT_4XX
            RESOURCE_NOT_FOUND             | DEFAULT_4XX
            THROTTLED                      | DEFAULT_4XX
            UNAUTHORIZED                   | DEFAULT_4XX
            UNSUPPORTED_MEDIA_TYPE         | DEFAULT_4XX
            WAF_FILTERED                   | DEFAULT_4XX
            """)
    void everyConcreteTypeFallsBackToTheDefaultAwsNames(GatewayResponseType type, GatewayResponseType fallback) {
        assertThat(type.fallback()).isEqualTo(fallback);
    }

    @Test
    void theTwoDefaultsHaveNoStatusNoFallbackAndCannotBeThrownWithoutAStatus() {
        assertThat(GatewayResponseType.values()).hasSize(21);
        assertThat(GatewayResponseType.DEFAULT_4XX.defaultStatus()).isZero();
        assertThat(GatewayResponseType.DEFAULT_5XX.defaultStatus()).isZero();
        assertThat(GatewayResponseType.DEFAULT_4XX.fallback()).isNull();
        assertThat(GatewayResponseType.DEFAULT_5XX.fallback()).isNull();
        assertThatThrownBy(() -> GatewayException.of(GatewayResponseType.DEFAULT_4XX)).hasMessageContaining("explicit status");
    }

    @Test
    void awsRecordedBodiesComeOutByteForByte() {
        assertThat(render(GatewayException.missingRequestParameters(List.of("q1", "q2"))).bodyText())
                .isEqualTo("{\"message\": \"Missing required request parameters: [q1, q2]\"}");
        assertThat(render(GatewayException.internalError(new RuntimeException())).body()).hasSize(36);
        assertThat(render(GatewayException.integrationTimeout()).bodyText())
                .isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    }

    @Test
    void anExactCustomisationWinsOverDefault4xxAndOverTheBuiltIn() {
        GatewayResponses custom = GatewayResponses.of(Map.of(
                GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, new CustomGatewayResponse(404,
                        Map.of("gatewayresponse.header.X-Why", "'no route'"),
                        Map.of("application/json", "{\"error\":$context.error.messageString,\"type\":\"$context.error.responseType\"}")),
                GatewayResponseType.DEFAULT_4XX, new CustomGatewayResponse(null,
                        Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'*'"), Map.of())));
        GatewayResponse exact = custom.render(GatewayException.missingAuthenticationToken(), REQUEST, null);
        assertThat(exact.status()).isEqualTo(404);
        assertThat(exact.headers().first("X-Why")).isEqualTo("no route");
        assertThat(exact.headers().contains("Access-Control-Allow-Origin")).isFalse();
        assertThat(exact.headers().first("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
        assertThat(exact.bodyText()).isEqualTo("{\"error\":\"Missing Authentication Token\",\"type\":\"MISSING_AUTHENTICATION_TOKEN\"}");
    }

    @Test
    void aCustomisedDefault4xxAppliesToUncustomisedClientErrorsWithTheDefaultTemplate() {
        GatewayResponses custom = GatewayResponses.of(Map.of(GatewayResponseType.DEFAULT_4XX,
                new CustomGatewayResponse(null, Map.of(
                        "gatewayresponse.header.Access-Control-Allow-Origin", "method.request.header.Origin"), null)));
        GatewayResponse r = custom.render(GatewayException.of(GatewayResponseType.THROTTLED), REQUEST, null);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.headers().first("Access-Control-Allow-Origin")).isEqualTo("https://a.test");
        assertThat(r.bodyText()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        // a 5xx type is untouched by DEFAULT_4XX: built-in spacing stays
        assertThat(custom.render(GatewayException.integrationTimeout(), REQUEST, null).bodyText())
                .isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    }

    @Test
    void changingDefault5xxStatusChangesEveryUncustomisedServerError() {
        GatewayResponses custom = GatewayResponses.of(Map.of(
                GatewayResponseType.DEFAULT_5XX, new CustomGatewayResponse(503, null, null)));
        assertThat(custom.render(GatewayException.integrationTimeout(), REQUEST, null).status()).isEqualTo(503);
        assertThat(custom.render(GatewayException.missingAuthenticationToken(), REQUEST, null).status()).isEqualTo(403);
    }

    @Test
    void templatesSubstituteMessageValidationErrorContextAndStageVariables() {
        RequestContext ctx = RequestContext.create("req-1", "ext-1=", java.time.Instant.EPOCH, null);
        ctx.put(ContextKeys.STAGE, "prod").put(ContextKeys.STAGE_VARIABLES, Map.of("team", "pets"));
        GatewayResponses custom = GatewayResponses.of(Map.of(GatewayResponseType.BAD_REQUEST_BODY,
                new CustomGatewayResponse(null, Map.of("gatewayresponse.header.X-Stage", "context.stage"), Map.of(
                        "application/json", "{\"m\":\"$context.error.message\",\"v\":\"$context.error.validationErrorString\","
                                + "\"id\":\"${context.requestId}\",\"t\":\"$stageVariables.team\",\"u\":\"$context.unknownThing\"}"))));
        GatewayResponse r = custom.render(GatewayException.invalidRequestBody("instance type (string) does not match"), REQUEST, ctx);
        assertThat(r.headers().first("X-Stage")).isEqualTo("prod");
        assertThat(r.bodyText()).isEqualTo("{\"m\":\"Invalid request body\",\"v\":\"instance type (string) does not match\","
                + "\"id\":\"req-1\",\"t\":\"pets\",\"u\":\"$context.unknownThing\"}");
    }

    @Test
    void unsupportedResponseParametersAreRefusedAtCompileTime() {
        assertThatThrownBy(() -> GatewayResponses.of(Map.of(GatewayResponseType.THROTTLED,
                new CustomGatewayResponse(null, Map.of("method.response.header.X", "'a'"), null))))
                .hasMessageContaining("must be gatewayresponse.header.NAME");
    }

    @Test
    void errorMappingAddsIdsToEveryResponseAndTurnsBugsIntoInternalServerError() {
        RequestContext ctx = RequestContext.create("req-9", "ext-9=", java.time.Instant.EPOCH, GatewayEventListener.NONE);
        GatewayResponse ok = ErrorMappingFilter.INSTANCE.filter(REQUEST, chain(ctx, () -> GatewayResponse.of(200, null, "{}")));
        assertThat(ok.headers().first("x-amzn-RequestId")).isEqualTo("req-9");
        assertThat(ok.headers().first("x-amz-apigw-id")).isEqualTo("ext-9=");
        assertThat(ok.headers().contains("x-amzn-ErrorType")).isFalse();

        GatewayResponse bug = ErrorMappingFilter.INSTANCE.filter(REQUEST, chain(ctx, () -> { throw new NullPointerException("oops"); }));
        assertThat(bug.status()).isEqualTo(500);
        assertThat(bug.bodyText()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(bug.headers().first("x-amzn-ErrorType")).isEqualTo("InternalServerErrorException");

        ctx.put(GatewayResponses.KEY, GatewayResponses.of(Map.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                new CustomGatewayResponse(404, null, null))));
        GatewayResponse routed = ErrorMappingFilter.INSTANCE.filter(REQUEST,
                chain(ctx, () -> { throw GatewayException.missingAuthenticationToken(); }));
        assertThat(routed.status()).isEqualTo(404);
        assertThat(routed.headers().first("x-amzn-RequestId")).isEqualTo("req-9");
    }

    private static GatewayResponse render(GatewayException e) {
        return GatewayResponses.builtIn().render(e, REQUEST, null);
    }

    private static dev.gatehouse.engine.pipeline.Filter.Chain chain(RequestContext ctx,
                                                                  java.util.function.Supplier<GatewayResponse> next) {
        return new dev.gatehouse.engine.pipeline.Filter.Chain() {
            @Override public GatewayResponse proceed(GatewayRequest request) {
                return next.get();
            }

            @Override public RequestContext context() {
                return ctx;
            }
        };
    }
}

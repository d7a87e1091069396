package dev.gatehouse.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.mapping.MappingRequest;
import dev.gatehouse.engine.model.Method;
import dev.gatehouse.engine.model.Model;
import dev.gatehouse.engine.model.RequestValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request validation: every case of the AWS developer guide's request-validation sample API
 * (api-gateway-request-validation-sample-api-swagger / -test), then more parameter and schema cases.
 */
class ValidationRequestTest {

    private static final String API = "fjd6crafxc";
    private static final String REQUEST_BODY_MODEL = """
            {"type":"object","properties":{"id":{"type":"integer"},
             "type":{"type":"string","enum":["dog","cat","fish"]},"name":{"type":"string"},
             "price":{"type":"number","minimum":25,"maximum":500}},"required":["type","name","price"]}""";
    private static final RequestValidator ALL = new RequestValidator("v1", "all", true, true);
    private static final RequestValidator PARAMS_ONLY = new RequestValidator("v2", "params-only", false, true);
    private static final RequestValidator BODY_ONLY = new RequestValidator("v3", "body-only", true, false);
    private static final ModelSchemas MODELS = ModelSchemas.compile(API, List.of(
            new Model("m1", "RequestBodyModel", null, REQUEST_BODY_MODEL, "application/json"),
            Model.empty("m2"), Model.error("m3")));

    private static final Method GET = Method.of("GET").withRequestParameters(Map.of("method.request.querystring.q1", true));
    private static final Method POST = Method.of("POST").withRequestParameters(Map.of("method.request.header.h1", true))
            .withRequestModels(Map.of("application/json", "RequestBodyModel"));

    private static MappingRequest.Builder json() {
        return MappingRequest.builder().header("Content-Type", "application/json").header("Accept", "application/json");
    }

    // --- the AWS sample, case by case

    @Test
    void sampleGetWithQ1PassesValidation() {
        assertThat(validate(GET, PARAMS_ONLY, json().queryParameter("q1", "cat").build())).isEqualTo(ValidationResult.VALID);
    }

    @Test
    void sampleGetWithoutQ1IsMissingQ1() {
        assertThat(validate(GET, PARAMS_ONLY, json().build()).message())
                .isEqualTo("Missing required request parameters: [q1]");
    }

    @Test
    void sampleGetWithBlankQ1IsMissingQ1() {
        assertThat(validate(GET, PARAMS_ONLY, json().queryParameter("q1", "").build()).message())
                .isEqualTo("Missing required request parameters: [q1]");
    }

    @Test
    void samplePostWithH1AndAValidPetPasses() {
        assertThat(validate(POST, ALL, json().header("h1", "v1")
                .body("{\"name\" : \"Marco\", \"type\" : \"dog\", \"price\" : 260}").build()).isValid()).isTrue();
    }

    @Test
    void samplePostWithoutH1IsMissingH1() {
        assertThat(validate(POST, ALL, json().body("{\"name\" : \"Marco\", \"type\" : \"dog\", \"price\" : 260}").build())
                .message()).isEqualTo("Missing required request parameters: [h1]");
    }

    @Test
    void samplePostWithBlankH1IsMissingH1() {
        assertThat(validate(POST, ALL, json().header("h1", " ")
                .body("{\"name\" : \"Marco\", \"type\" : \"dog\", \"price\" : 260}").build()).message())
                .isEqualTo("Missing required request parameters: [h1]");
    }

    @Test
    void samplePostWithABirdIsAnInvalidBody() {
        ValidationResult r = validate(POST, ALL, json().header("h1", "v1")
                .body("{\"name\" : \"Molly\", \"type\" : \"bird\", \"price\" : 269}").build());
        assertThat(r.message()).isEqualTo("Invalid request body");
        assertThat(((ValidationResult.InvalidBody) r).validationErrorString()).isEqualTo(
                "[instance value (\"bird\") not found in enum (possible values: [\"dog\",\"cat\",\"fish\"])]");
    }

    @Test
    void samplePostPricedAt501IsAnInvalidBody() {
        ValidationResult r = validate(POST, ALL, json().header("h1", "v1")
                .body("{\"name\" : \"Molly\", \"type\" : \"dog\", \"price\" : 501}").build());
        assertThat(r.message()).isEqualTo("Invalid request body");
        assertThat(((ValidationResult.InvalidBody) r).validationErrorString()).isEqualTo(
                "[numeric instance is greater than the required maximum (maximum: 500, found: 501)]");
    }

    // --- more parameter cases

    @Test
    void parametersAreCheckedBeforeTheBody() {
        assertThat(validate(POST, ALL, json().body("{}").build()))
                .isInstanceOf(ValidationResult.MissingParameters.class);
    }

    @Test
    void severalMissingParametersAreListedInAwsOrderHeadersThenPathThenQuery() {
        Method m = Method.of("GET").withRequestParameters(Map.of("method.request.querystring.b", true,
                "method.request.header.a", true, "method.request.querystring.c", true));
        assertThat(validate(m, PARAMS_ONLY, json().build()).message())
                .isEqualTo("Missing required request parameters: [a, b, c]");
    }

    @Test
    void optionalParametersAreNotRequired() {
        Method m = Method.of("GET").withRequestParameters(Map.of("method.request.querystring.opt", false));
        assertThat(validate(m, PARAMS_ONLY, json().build()).isValid()).isTrue();
    }

    @Test
    void headerNamesMatchWhateverTheCase() {
        assertThat(validate(POST, PARAMS_ONLY, json().header("H1", "x").build()).isValid()).isTrue();
    }

    @Test
    void queryNamesAreCaseSensitive() {
        assertThat(validate(GET, PARAMS_ONLY, json().queryParameter("Q1", "x").build()).isValid()).isFalse();
    }

    @Test
    void aRepeatedQueryParameterCountsByItsLastValue() {
        assertThat(validate(GET, PARAMS_ONLY, json().queryParameter("q1", "x").queryParameter("q1", "").build())
                .isValid()).isFalse();
    }

    @Test
    void multiValueParametersNeedOneNonBlankValue() {
        Method m = Method.of("GET").withRequestParameters(Map.of("method.request.multivaluequerystring.ids", true,
                "method.request.multivalueheader.X-Tag", true));
        assertThat(validate(m, PARAMS_ONLY, json().queryParameter("ids", "").queryParameter("ids", "1")
                .header("X-Tag", "t").build()).isValid()).isTrue();
        assertThat(validate(m, PARAMS_ONLY, json().queryParameter("ids", "").build()).message())
                .isEqualTo("Missing required request parameters: [X-Tag, ids]");
    }

    @Test
    void requiredPathParametersAreChecked() {
        Method m = Method.of("GET").withRequestParameters(Map.of("method.request.path.id", true));
        assertThat(validate(m, PARAMS_ONLY, json().pathParameter("id", "7").build()).isValid()).isTrue();
        assertThat(validate(m, PARAMS_ONLY, json().build()).message()).isEqualTo("Missing required request parameters: [id]");
    }

    @Test
    void aBodyOnlyValidatorIgnoresParameters() {
        assertThat(validate(POST, BODY_ONLY, json().body("{\"name\":\"a\",\"type\":\"cat\",\"price\":30}").build())
                .isValid()).isTrue();
    }

    @Test
    void aParamsOnlyValidatorIgnoresTheBody() {
        assertThat(validate(POST, PARAMS_ONLY, json().header("h1", "v").body("not json").build()).isValid()).isTrue();
    }

    @Test
    void noValidatorChecksNothing() {
        assertThat(RequestValidation.compile(POST, null, MODELS)).isSameAs(RequestValidation.NONE);
        assertThat(RequestValidation.NONE.validate(json().build()).isValid()).isTrue();
    }

    // --- more body cases

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{}", "[object has missing required properties ([\"type\",\"name\",\"price\"])]"),
                Arguments.of("", "[object has missing required properties ([\"type\",\"name\",\"price\"])]"),
                Arguments.of("{\"name\":\"a\",\"type\":\"cat\"}", "[object has missing required properties ([\"price\"])]"),
                Arguments.of("{\"name\":1,\"type\":\"cat\",\"price\":30}",
                        "[instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])]"),
                Arguments.of("{\"name\":\"a\",\"type\":\"cat\",\"price\":\"30\"}",
                        "[instance type (string) does not match any allowed primitive type (allowed: [\"number\"])]"),
                Arguments.of("{\"name\":\"a\",\"type\":\"cat\",\"price\":24.99}",
                        "[numeric instance is lower than the required minimum (minimum: 25, found: 24.99)]"),
                Arguments.of("{\"id\":1.5,\"name\":\"a\",\"type\":\"cat\",\"price\":30}",
                        "[instance type (number) does not match any allowed primitive type (allowed: [\"integer\"])]"),
                Arguments.of("[]", "[instance type (array) does not match any allowed primitive type (allowed: [\"object\"])]"),
                Arguments.of("\"text\"", "[instance type (string) does not match any allowed primitive type (allowed: [\"object\"])]"),
                Arguments.of("null", "[instance type (null) does not match any allowed primitive type (allowed: [\"object\"])]"));
    }

    @ParameterizedTest(name = "body [{0}]")
    @MethodSource("invalidBodies")
    void anInvalidBodyReportsAwsStyleDetail(String body, String detail) {
        ValidationResult r = validate(POST, BODY_ONLY, json().body(body).build());
        assertThat(r.message()).isEqualTo("Invalid request body");
        assertThat(((ValidationResult.InvalidBody) r).validationErrorString()).isEqualTo(detail);
    }

    @Test
    void aBodyThatIsNotJsonIsInvalid() {
        ValidationResult r = validate(POST, BODY_ONLY, json().body("{oops").build());
        assertThat(r).isInstanceOf(ValidationResult.InvalidBody.class);
        assertThat(((ValidationResult.InvalidBody) r).validationErrorString()).startsWith("[Invalid JSON");
    }

    @Test
    void theModelIsChosenByTheMimeTypeOfContentType() {
        Method m = POST.withRequestModels(Map.of("application/json", "RequestBodyModel", "text/plain", "Empty"));
        assertThat(validate(m, BODY_ONLY, MappingRequest.builder().header("Content-Type", "application/json; charset=utf-8")
                .body("{}").build()).isValid()).isFalse();
        assertThat(validate(m, BODY_ONLY, MappingRequest.builder().header("Content-Type", "text/plain")
                .body("{}").build()).isValid()).isTrue();
    }

    @Test
    void aMissingContentTypeMeansApplicationJson() {
        assertThat(validate(POST, BODY_ONLY, MappingRequest.builder().body("{}").build()).isValid()).isFalse();
    }

    @Test
    void aContentTypeWithoutAModelIsNotChecked() {
        assertThat(validate(POST, BODY_ONLY, MappingRequest.builder().header("Content-Type", "application/xml")
                .body("<a/>").build()).isValid()).isTrue();
    }

    @Test
    void theEmptyModelAcceptsAnyObject() {
        Method m = POST.withRequestModels(Map.of("application/json", "Empty"));
        assertThat(validate(m, BODY_ONLY, json().body("{\"anything\":[1,2]}").build()).isValid()).isTrue();
    }

    @Test
    void modelsReferenceSiblingModelsByTheirAwsUrl() {
        String owner = "{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{\"id\":{\"type\":\"integer\"}}}";
        String pet = "{\"type\":\"object\",\"properties\":{\"owner\":{\"$ref\":\"" + ModelSchemas.modelUrl(API, "Owner")
                + "\"},\"friends\":{\"type\":\"array\",\"items\":{\"$ref\":\"" + ModelSchemas.modelUrl(API, "Owner") + "\"}}}}";
        ModelSchemas models = ModelSchemas.compile(API, List.of(new Model("1", "Owner", null, owner, "application/json"),
                new Model("2", "Pet", null, pet, "application/json")));
        ModelSchema schema = models.get("Pet").orElseThrow();

        assertThat(schema.validate("{\"owner\":{\"id\":1},\"friends\":[{\"id\":2}]}")).isEmpty();
        assertThat(schema.validate("{\"owner\":{}}")).containsExactly("object has missing required properties ([\"id\"])");
        assertThat(schema.validate("{\"friends\":[{\"id\":\"x\"}]}")).containsExactly(
                "instance type (string) does not match any allowed primitive type (allowed: [\"integer\"])");
    }

    @Test
    void aReferenceOutsideTheApiIsRefusedAndNeverFetched() {
        String pet = "{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"http://example.com/schema.json\"}}}";
        assertThatThrownBy(() -> ModelSchemas.compile(API, List.of(new Model("1", "Pet", null, pet, "application/json"))))
                .isInstanceOf(ModelSchemaException.class).hasMessageContaining("Pet").hasMessageContaining("never fetched");
    }

    @Test
    void aReferenceToAMissingSiblingIsRefused() {
        String pet = "{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"" + ModelSchemas.modelUrl(API, "Nope") + "\"}}}";
        assertThatThrownBy(() -> ModelSchemas.compile(API, List.of(new Model("1", "Pet", null, pet, "application/json"))))
                .isInstanceOf(ModelSchemaException.class);
    }

    @Test
    void aModelThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> ModelSchemas.compile(API, List.of(new Model("1", "Bad", null, "{nope", "application/json"))))
                .isInstanceOf(ModelSchemaException.class).hasMessageContaining("Bad");
    }

    @Test
    void aMethodNamingAnUnknownModelIsRefused() {
        Method m = POST.withRequestModels(Map.of("application/json", "Ghost"));
        assertThatThrownBy(() -> RequestValidation.compile(m, ALL, MODELS)).isInstanceOf(ModelSchemaException.class)
                .hasMessageContaining("Ghost");
    }

    @Test
    void keywordsAreReportedInAwsWording() {
        String schema = """
                {"type":"object","additionalProperties":false,"properties":{
                 "s":{"type":"string","minLength":2,"maxLength":3,"pattern":"^[a-z]+$"},
                 "l":{"type":"array","minItems":1,"maxItems":2,"uniqueItems":true},
                 "e":{"type":"string","format":"email"},
                 "o":{"type":"object","minProperties":1},
                 "any":{"anyOf":[{"type":"string"},{"type":"integer"}]}}}""";
        ModelSchema m = ModelSchemas.compile(API, List.of(new Model("1", "K", null, schema, "application/json")))
                .get("K").orElseThrow();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"s\":\"a\"}", "string \"a\" is too short (length: 1, required minimum: 2)");
        cases.put("{\"s\":\"abcd\"}", "string \"abcd\" is too long (length: 4, maximum allowed: 3)");
        cases.put("{\"s\":\"A1\"}", "ECMA 262 regex \"^[a-z]+$\" does not match input string \"A1\"");
        cases.put("{\"l\":[]}", "array is too short: must have at least 1 elements but instance has 0 elements");
        cases.put("{\"l\":[1,2,3]}", "array is too long: must have at most 2 elements but instance has 3 elements");
        cases.put("{\"l\":[1,1]}", "array must not contain duplicate elements");
        cases.put("{\"e\":\"nope\"}", "string \"nope\" is not a valid email address");
        cases.put("{\"o\":{}}", "object has too few properties (found 0 but schema requires at least 1)");
        cases.put("{\"any\":true}", "instance failed to match at least one required schema among 2");
        cases.put("{\"z\":1,\"y\":2}", "object instance has properties which are not allowed by the schema: [\"y\",\"z\"]");
        cases.forEach((body, message) -> assertThat(m.validate(body)).as(body).containsExactly(message));
    }

    private static ValidationResult validate(Method method, RequestValidator validator, MappingRequest request) {
        return RequestValidation.compile(method, validator, MODELS).validate(request);
    }
}

package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.IntegrationType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Body JSONPath sources of one mapping pass share one parse of the body. */
class ParameterMapperBodyPathsTest {

    private static ParameterMapper requestMappings() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("integration.request.header.X-Name", "method.request.body.pet.name");
        params.put("integration.request.header.X-Kind", "method.request.body.pet.kind");
        params.put("integration.request.querystring.tags", "method.request.body.pet.tags");
        return ParameterMapper.forRequest(params, IntegrationType.HTTP);
    }

    @Test
    void severalBodyPathsOfOnePassReadTheSameParsedDocument() {
        ParameterSource.Documents documents = new ParameterSource.Documents();
        MappingRequest request = MappingRequest.builder().body("{\"pet\":{\"name\":\"Rex\",\"kind\":\"dog\"}}").build();
        Object first = documents.request(request.body());
        assertThat(documents.request(request.body())).isSameAs(first);

        ParameterMapper.MappedRequest mapped = requestMappings().mapRequest(request);
        assertThat(mapped.headers()).isEqualTo(Map.of("X-Name", List.of("Rex"), "X-Kind", List.of("dog")));
        assertThat(mapped.querystring()).isEmpty();
    }

    @Test
    void aBodyThatDoesNotParseGivesNoValueToAnyBodyPathMapping() {
        MappingRequest request = MappingRequest.builder().body("{\"pet\":").build();
        ParameterMapper.MappedRequest mapped = requestMappings().mapRequest(request);
        assertThat(mapped.headers()).isEmpty();
        assertThat(mapped.querystring()).isEmpty();
    }

    @Test
    void responseBodyPathsShareTheirParseToo() {
        ParameterMapper mapper = ParameterMapper.forResponse(Map.of(
                "method.response.header.X-Id", "integration.response.body.id",
                "method.response.header.X-Label", "integration.response.body.label"), IntegrationType.HTTP);
        Map<String, List<String>> headers = mapper.mapResponse(MappingRequest.empty(),
                new IntegrationResponseData(Map.of(), "{\"id\":7,\"label\":\"seven\"}"));
        assertThat(headers).isEqualTo(Map.of("X-Id", List.of("7"), "X-Label", List.of("seven")));
    }
}

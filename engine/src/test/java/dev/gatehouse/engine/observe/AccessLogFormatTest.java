package dev.gatehouse.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/**
 * Access-log lines as API Gateway renders them. Expected values come from AWS's developer guide ("Variables for
 * access logging", "Access log formats"): requestTime in CLF time, requestTimeEpoch in ms, latencies in whole ms,
 * "-" for a variable without a value.
 */
class AccessLogFormatTest {

    private final RequestRecord r = Records.full();

    @ParameterizedTest(name = "$context.{0} renders {1}")
    @CsvSource(delimiter = '|', value = {
            "accountId|123456789012",
            "apiId|a1b2c3d4e5",
            "deploymentId|dep123",
            "domainName|a1b2c3d4e5.execute-api.localhost",
            "domainPrefix|a1b2c3d4e5",
            "extendedRequestId|Ab1Cd2Ef3Gh=",
            "httpMethod|GET",
            "identity.sourceIp|127.0.0.1",
            "identity.userAgent|curl/8.5.0",
            "identity.apiKey|********************1234",
            "identity.apiKeyId|key789",
            "identity.caller|-",
            "identity.user|-",
            "identity.cognitoIdentityId|-",
            "path|/prod/pets/7",
            "protocol|HTTP/1.1",
            "requestId|c0ffee00-1111-2222-3333-444455556666",
            "requestTime|02/Dec/2026:14:20:00 +0000",
            "requestTimeEpoch|1796221200000",
            "resourceId|res456",
            "resourcePath|/pets/{id}",
            "stage|prod",
            "status|200",
            "responseLength|42",
            "responseLatency|12",
            "integrationLatency|10",
            "integration.latency|10",
            "integrationStatus|201",
            "integration.status|201",
            "integration.error|-",
            "authorizer.principalId|user-1",
            "authorizer.tier|gold",
            "error.message|-",
            "error.responseType|-",
            "xrayTraceId|-",
            "wafResponseCode|-"})
    void everyVariableRendersAsOnAws(String variable, String expected) {
        assertThat(AccessLogFormat.compile("$context." + variable).render(r)).isEqualTo(expected);
    }

    @Test
    void aGatewayErrorRendersItsMessageQuotedInMessageStringAndItsResponseType() {
        RequestRecord e = new RequestRecord(Records.TIME, "id", "x=", "a", "prod", null, null, null, "GET", "/prod/x",
                "HTTP/1.1", "127.0.0.1", null, null, null, null, null, null, null, 403, 42, 1000, -1, -1, null,
                "Missing Authentication Token", "MISSING_AUTHENTICATION_TOKEN", false, false, true, null);
        assertThat(AccessLogFormat.compile("$context.error.message|$context.error.messageString|$context.error.responseType|"
                + "$context.resourcePath|$context.integrationLatency").render(e))
                .isEqualTo("Missing Authentication Token|\"Missing Authentication Token\"|MISSING_AUTHENTICATION_TOKEN|-|-");
    }

    @Test
    void theClfPresetIsTheCommonLogFormatLine() {
        assertThat(AccessLogFormat.compile(AccessLogFormat.CLF).render(r)).isEqualTo(
                "127.0.0.1 - - [02/Dec/2026:14:20:00 +0000] \"GET /pets/{id} HTTP/1.1\" 200 42 "
                        + "c0ffee00-1111-2222-3333-444455556666");
    }

    @Test
    void theJsonPresetIsAJsonObjectWithTheConsolesFields() throws Exception {
        JsonNode n = new ObjectMapper().readTree(AccessLogFormat.compile(AccessLogFormat.JSON).render(r));
        assertThat(n.path("requestId").asText()).isEqualTo("c0ffee00-1111-2222-3333-444455556666");
        assertThat(n.path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(n.path("caller").asText()).isEqualTo("-");
        assertThat(n.path("user").asText()).isEqualTo("-");
        assertThat(n.path("requestTime").asText()).isEqualTo("02/Dec/2026:14:20:00 +0000");
        assertThat(n.path("httpMethod").asText()).isEqualTo("GET");
        assertThat(n.path("resourcePath").asText()).isEqualTo("/pets/{id}");
        assertThat(n.path("status").asText()).isEqualTo("200");
        assertThat(n.path("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(n.path("responseLength").asText()).isEqualTo("42");
        assertThat(n.size()).isEqualTo(10);
    }

    @Test
    void theXmlPresetIsARequestElementWithTheConsolesChildren() throws Exception {
        String xml = AccessLogFormat.compile(AccessLogFormat.XML).render(r);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("request");
        assertThat(d.getDocumentElement().getAttribute("id")).isEqualTo("c0ffee00-1111-2222-3333-444455556666");
        assertThat(d.getElementsByTagName("requestTime").item(0).getTextContent()).isEqualTo("02/Dec/2026:14:20:00 +0000");
        assertThat(d.getElementsByTagName("status").item(0).getTextContent()).isEqualTo("200");
        assertThat(d.getElementsByTagName("responseLength").item(0).getTextContent()).isEqualTo("42");
    }

    @Test
    void theCsvPresetHasTheConsolesTenColumnsInOrder() {
        assertThat(AccessLogFormat.compile(AccessLogFormat.CSV).render(r).split(",", -1)).containsExactly(
                "127.0.0.1", "-", "-", "02/Dec/2026:14:20:00 +0000", "GET", "/pets/{id}", "HTTP/1.1", "200", "42",
                "c0ffee00-1111-2222-3333-444455556666");
    }

    @Test
    void aUsersOwnFormatKeepsItsTextAndPunctuationAroundVariables() {
        assertThat(AccessLogFormat.compile("id=$context.requestId, took $context.responseLatency ms.").render(r))
                .isEqualTo("id=c0ffee00-1111-2222-3333-444455556666, took 12 ms.");
    }
}

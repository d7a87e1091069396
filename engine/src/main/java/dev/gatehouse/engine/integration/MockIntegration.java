package dev.gatehouse.engine.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.errors.GatewayException;
import dev.gatehouse.engine.pipeline.Waiting;
import dev.gatehouse.engine.pipeline.Filter;
import dev.gatehouse.engine.pipeline.GatewayRequest;
import dev.gatehouse.engine.pipeline.GatewayResponse;
import dev.gatehouse.engine.pipeline.Headers;
import dev.gatehouse.engine.pipeline.RequestContext;
import java.io.IOException;

/**
 * The terminal filter of a MOCK method. The request as it arrives here is the output of the request template
 * (or the passed-through body); its {@code statusCode} picks the status ({@code {"statusCode": 200}}), which
 * the response-mapping filter then uses to select the integration response. The body is empty and
 * {@code Content-Type: application/json}, as AWS's mock endpoint answers.
 *
 * <p>Our reading of AWS: an empty body or a JSON object without {@code statusCode} gives 200; a body that is not
 * JSON or a {@code statusCode} that is not an integer 100–599 fails with 500 and AWS's log line "Execution failed
 * due to configuration error: Unable to parse statusCode. It should be an integer that is defined in the request
 * template." Stateless singleton.
 */
public final class MockIntegration implements Filter {

    public static final MockIntegration INSTANCE = new MockIntegration();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNPARSABLE =
            "Unable to parse statusCode. It should be an integer that is defined in the request template.";

    private static final Headers JSON_CONTENT = Headers.of("Content-Type", "application/json");

    /** A template's last rendering and its status: a mock's template usually renders the same bytes every time. */
    private record Parsed(byte[] rendered, int status) { }

    private static volatile Parsed last = new Parsed(new byte[0], 200);

    private MockIntegration() { }

    @Override public GatewayResponse filter(GatewayRequest request, Chain chain) {
        RequestContext ctx = chain.context();
        ctx.events().integrationStart(ctx, "MOCK");
        int status;
        try {
            status = statusCode(request.body());
        } catch (GatewayException e) {
            ctx.events().integrationEnd(ctx, "MOCK", e);
            throw e;
        }
        ctx.events().integrationEnd(ctx, "MOCK", null);
        return new GatewayResponse(status, JSON_CONTENT, new byte[0]);
    }

    /** The status a rendered request template asks for; throws the configuration error described above. */
    public static int statusCode(byte[] renderedTemplate) {
        Parsed seen = last;
        if (java.util.Arrays.equals(seen.rendered, renderedTemplate)) return seen.status;
        int status = parseStatusCode(renderedTemplate);
        if (renderedTemplate.length <= 1024) last = new Parsed(renderedTemplate.clone(), status); // only when valid
        return status;
    }

    /** {@link #statusCode}, parsed (Jackson builds a parser and a tree per call: measured, the mock's largest cost). */
    private static int parseStatusCode(byte[] renderedTemplate) {
        if (isBlank(renderedTemplate)) return 200;
        JsonNode node;
        try {
            node = JSON.readTree(renderedTemplate);
        } catch (IOException notJson) {
            throw GatewayException.configurationError(UNPARSABLE);
        }
        if (node == null || !node.isObject() || !node.has("statusCode")) return 200;
        JsonNode code = node.get("statusCode");
        int status;
        if (code.isIntegralNumber()) status = code.asInt();
        else if (code.isTextual() && code.asText().matches("\\d{3}")) status = Integer.parseInt(code.asText());
        else throw GatewayException.configurationError(UNPARSABLE);
        if (status < 100 || status > 599) throw GatewayException.configurationError(UNPARSABLE);
        return status;
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) if (x != ' ' && x != '\n' && x != '\r' && x != '\t') return false;
        return true;
    }

    @Override public String toString() {
        return "MockIntegration";
    }

    /** Uses only the calling thread ({@link Waiting#NONE}): may run on the event loop itself. */
    @Override public Waiting waiting(GatewayRequest request, RequestContext context) {
        return Waiting.NONE;
    }
}

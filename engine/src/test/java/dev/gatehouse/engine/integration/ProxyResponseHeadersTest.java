package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.pipeline.Headers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyResponseHeadersTest {

    @Test
    void nginxsHeadersComeBackWithTheNamesApiGatewaySetsItselfRenamed() {
        Headers backend = Headers.of("Server", "nginx/1.22.1", "Date", "Wed, 02 Dec 2026 14:00:00 GMT",
                "Content-Type", "application/json", "Content-Length", "27", "Connection", "keep-alive");

        Headers client = ProxyResponseHeaders.of(backend);

        // aws-reference §3.2: Connection, Content-Length, Date and Server are renamed x-amzn-Remapped-<Name>
        assertThat(client.names()).containsExactly("x-amzn-Remapped-Server", "x-amzn-Remapped-Date", "Content-Type",
                "x-amzn-Remapped-Content-Length", "x-amzn-Remapped-Connection");
        assertThat(client.first("x-amzn-Remapped-Connection")).isEqualTo("keep-alive");
        assertThat(client.first("x-amzn-Remapped-Content-Length")).isEqualTo("27");
    }

    @Test
    void headersTheConnectionHeaderNamesAreDroppedWhateverTheirCaseAndSpacing() {
        Headers backend = Headers.of("Connection", " keep-alive ,X-Secret,,\tx-other ", "x-secret", "1",
                "X-OTHER", "2", "X-Kept", "3", "Connection", "X-Third", "x-third", "4", "Via", "1.1 proxy");

        Headers client = ProxyResponseHeaders.of(backend);

        assertThat(client.names()).containsExactly("x-amzn-Remapped-Connection", "X-Kept");
        assertThat(client.all("x-amzn-Remapped-Connection"))
                .containsExactly(" keep-alive ,X-Secret,,\tx-other ", "X-Third");
    }

    @Test
    void theSameNameInAnotherCaseIsJudgedTheSameWay() {
        Headers client = ProxyResponseHeaders.of(Headers.of("SERVER", "a", "transfer-ENCODING", "chunked",
                "VIA", "x", "content-type", "text/plain"));

        assertThat(client.names()).containsExactly("x-amzn-Remapped-Server", "content-type");
    }

    /** Differential: the former implementation (kept here as it was) and the present one agree on random headers. */
    @Test
    void answersAsTheFormerImplementationOnRandomHeaders() {
        String[] names = {"Server", "server", "Date", "Content-Type", "content-length", "Connection", "connection",
            "Keep-Alive", "Transfer-Encoding", "Via", "X-A", "x-a", "X-B", "Upgrade", "Set-Cookie", "TE", "Trailer",
            "Host", "Expect", "Proxy-Authenticate", "Content-Encoding", "X-Amzn-RequestId"};
        String[] connectionValues = {"keep-alive", "close", "X-A", "x-b, X-A", " upgrade ", "x-a,,x-b", "", ","};
        Random random = new Random(17);
        for (int round = 0; round < 5_000; round++) {
            Headers.Builder b = Headers.builder();
            int n = random.nextInt(9);
            for (int i = 0; i < n; i++) {
                String name = names[random.nextInt(names.length)];
                String value = name.equalsIgnoreCase("Connection")
                        ? connectionValues[random.nextInt(connectionValues.length)] : "v" + i;
                b.add(name, value);
            }
            Headers backend = b.build();
            Headers expected = former(backend);
            Headers actual = ProxyResponseHeaders.of(backend);
            assertThat(actual).as("%s", backend).isEqualTo(expected);
            assertThat(actual.names()).as("%s", backend).containsExactlyElementsOf(expected.names());
        }
    }

    /** ProxyResponseHeaders.of as it was before the names' fates were remembered. */
    private static Headers former(Headers backend) {
        List<String> connection = backend.all("Connection");
        Set<String> named = connection.isEmpty() ? Set.of() : new HashSet<>();
        for (String c : connection) {
            for (String token : c.split(",")) named.add(token.trim().toLowerCase(Locale.ROOT));
        }
        List<String> remappedCommon = ProxyResponseHeaders.REMAPPED_COMMON;
        List<String> remappedNames = new ArrayList<>();
        for (String r : remappedCommon) remappedNames.add("x-amzn-Remapped-" + r);
        Headers.Builder b = Headers.builder();
        backend.forEach((name, value) -> {
            String remapped = null;
            for (int i = 0; i < remappedCommon.size(); i++) {
                if (remappedCommon.get(i).equalsIgnoreCase(name)) remapped = remappedNames.get(i);
            }
            if (remapped != null) {
                b.add(remapped, value);
            } else if (!HopByHop.isHopByHop(name) && !name.equalsIgnoreCase("Via")
                    && !named.contains(Headers.lowerCaseName(name))) {
                b.add(name, value);
            }
        });
        return b.build();
    }
}

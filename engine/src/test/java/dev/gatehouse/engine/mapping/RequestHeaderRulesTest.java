package dev.gatehouse.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link RequestHeaderRules#droppedAtParse}: AWS's list, matched as names lower-cased with {@code Locale.ROOT}. */
class RequestHeaderRulesTest {

    private static final Set<String> LOWER = RequestHeaderRules.DROPPED_AT_PARSE.stream()
            .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());

    @Test
    void everyDroppedNameMatchesInAnyCaseAndOthersDoNot() {
        for (String name : RequestHeaderRules.DROPPED_AT_PARSE) {
            assertThat(RequestHeaderRules.droppedAtParse(name)).as(name).isTrue();
            assertThat(RequestHeaderRules.droppedAtParse(name.toUpperCase(Locale.ROOT))).as(name).isTrue();
            assertThat(RequestHeaderRules.droppedAtParse(name.toLowerCase(Locale.ROOT))).as(name).isTrue();
            assertThat(RequestHeaderRules.droppedAtParse(name + "x")).as(name).isFalse();
        }
        for (String name : new String[] {"Host", "Content-Type", "Accept", "", "T", "Transfer-Encodıng", "TRANSFER-ENCODİNG",
                "\u212Aeep-Alive", "Ｔｅ"}) {
            assertThat(RequestHeaderRules.droppedAtParse(name)).as(name).isEqualTo(LOWER.contains(name.toLowerCase(Locale.ROOT)));
        }
    }

    @Test
    void randomNamesMatchExactlyWhenTheirRootLowerCaseIsListed() {
        Random r = new Random(3);
        String letters = "contexpgaurwhmdfsTCEXPGAURWHMDFS-5ıİſ\u212A";
        for (int i = 0; i < 100_000; i++) {
            String base = RequestHeaderRules.DROPPED_AT_PARSE.get(r.nextInt(RequestHeaderRules.DROPPED_AT_PARSE.size()));
            StringBuilder s = new StringBuilder();
            for (char c : base.toCharArray()) {
                int k = r.nextInt(12);
                s.append(k == 0 ? letters.charAt(r.nextInt(letters.length())) : k < 6 ? Character.toUpperCase(c) : c);
            }
            String name = s.toString();
            assertThat(RequestHeaderRules.droppedAtParse(name)).as(name).isEqualTo(LOWER.contains(name.toLowerCase(Locale.ROOT)));
        }
    }
}

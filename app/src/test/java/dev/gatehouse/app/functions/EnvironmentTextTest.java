package dev.gatehouse.app.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTextTest {

    @Test
    void linesOfKeyEqualsValueRoundTripSortedByKey() {
        String text = EnvironmentText.format(Map.of("TABLE", "orders", "GREETING", "a=b c"));
        assertThat(text).isEqualTo("GREETING=a=b c\nTABLE=orders\n");
        assertThat(EnvironmentText.parse(text + "\n\n")).containsExactly(Map.entry("GREETING", "a=b c"), Map.entry("TABLE", "orders"));
    }

    @Test
    void aKeyBreakingLambdasRuleNamesItsLine() {
        // Lambda: keys start with a letter, then letters, digits and underscores, at least 2 characters
        assertThatThrownBy(() -> EnvironmentText.parse("OK=1\n1BAD=2")).hasMessage(
                "Line 2: '1BAD' must start with a letter and have at least 2 characters: letters, digits and _");
        assertThatThrownBy(() -> EnvironmentText.parse("novalue")).hasMessage("Line 1: write KEY=value");
    }

    @Test
    void reservedAndRepeatedKeysAreRefused() {
        assertThatThrownBy(() -> EnvironmentText.parse("AWS_REGION=eu-west-1"))
                .hasMessage("Line 1: AWS_REGION is reserved by the Lambda runtime");
        assertThatThrownBy(() -> EnvironmentText.parse("A1=x\nA1=y")).hasMessage("Line 2: A1 is set twice");
    }
}

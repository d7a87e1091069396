package dev.gatehouse.app.testpanel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyFormatterTest {

    @Test
    void jsonIsIndented() {
        assertThat(BodyFormatter.pretty("{\"a\":[1,2]}", "application/json")).contains("\n").contains("\"a\" : [ 1, 2 ]");
    }

    @Test
    void xmlIsIndentedByItsLooksWithoutAContentType() {
        assertThat(BodyFormatter.pretty("<a><b>1</b></a>", null)).isEqualTo("<a>\n  <b>1</b>\n</a>");
    }

    @Test
    void xmlWithADoctypeIsLeftAsReceived() {
        String evil = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
        assertThat(BodyFormatter.pretty(evil, "application/xml")).isEqualTo(evil);
    }

    @Test
    void textAndBrokenJsonComeBackUnchanged() {
        assertThat(BodyFormatter.pretty("hello", "text/plain")).isEqualTo("hello");
        assertThat(BodyFormatter.pretty("{broken", null)).isEqualTo("{broken");
    }
}

package dev.gatehouse.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LastUriTest {

    @Test
    void theSameTargetTextIsParsedOnceAndAnotherTextAnew() {
        HttpExchange.LastUri last = new HttpExchange.LastUri();
        URI first = last.parse("http://127.0.0.1:18081/prod/hello");
        assertThat(last.parse(new String("http://127.0.0.1:18081/prod/hello"))).isSameAs(first);
        URI other = last.parse("http://127.0.0.1:18081/prod/hello?a=1");
        assertThat(other).isEqualTo(URI.create("http://127.0.0.1:18081/prod/hello?a=1"));
        assertThat(other.getRawQuery()).isEqualTo("a=1");
        assertThat(last.parse("http://127.0.0.1:18081/prod/hello")).isNotSameAs(first)
                .isEqualTo(URI.create("http://127.0.0.1:18081/prod/hello"));
    }

    @Test
    void anInvalidTargetFailsAsURICreateDoesAndLeavesTheLastOneInPlace() {
        HttpExchange.LastUri last = new HttpExchange.LastUri();
        URI good = last.parse("http://backend/a");
        assertThatThrownBy(() -> last.parse("http://backend/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(last.parse("http://backend/a")).isSameAs(good);
    }
}

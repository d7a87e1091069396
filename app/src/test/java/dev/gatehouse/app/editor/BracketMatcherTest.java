package dev.gatehouse.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BracketMatcherTest {

    @Test
    void caretAfterAnOpeningBraceMatchesItsClosingBrace() {
        String text = "{\"a\": [1, {\"b\": 2}]}";

        assertThat(BracketMatcher.find(text, 1)).contains(new BracketMatcher.Match(0, text.length() - 1));
    }

    @Test
    void caretAfterAClosingBracketMatchesBackwardsOverNestedBrackets() {
        String text = "[1, [2, (3)], 4]";

        assertThat(BracketMatcher.find(text, text.length())).contains(new BracketMatcher.Match(text.length() - 1, 0));
        assertThat(BracketMatcher.find(text, 12)).contains(new BracketMatcher.Match(11, 4));
        assertThat(BracketMatcher.find(text, 11)).contains(new BracketMatcher.Match(10, 8));
    }

    @Test
    void bracketBeforeTheCaretWinsOverTheOneAfterIt() {
        String text = "()";

        assertThat(BracketMatcher.find(text, 1)).contains(new BracketMatcher.Match(0, 1));
    }

    @Test
    void bracketJustAfterTheCaretIsUsedWhenNoneIsBeforeIt() {
        String text = "x = (a)";

        assertThat(BracketMatcher.find(text, 4)).contains(new BracketMatcher.Match(4, 6));
    }

    @Test
    void bracketsInsideStringsAreIgnored() {
        String text = "{\"k\": \"}{ \\\" ]\"}";

        assertThat(BracketMatcher.find(text, 1)).contains(new BracketMatcher.Match(0, text.length() - 1));
        assertThat(BracketMatcher.find(text, 8)).isEmpty(); // the caret sits between the quoted } and {
    }

    @Test
    void unclosedOrCrossedBracketsHaveNoMatch() {
        assertThat(BracketMatcher.find("{\"a\": [1, 2}", 1)).contains(new BracketMatcher.Match(0, -1));
        assertThat(BracketMatcher.find("(a", 1)).hasValueSatisfying(m -> assertThat(m.matched()).isFalse());
        assertThat(BracketMatcher.find("a)", 2)).contains(new BracketMatcher.Match(1, -1));
    }

    @Test
    void noBracketNextToTheCaretOrAnOutOfRangeCaretGivesNothing() {
        assertThat(BracketMatcher.find("{ab}", 2)).isEqualTo(Optional.empty());
        assertThat(BracketMatcher.find("{}", 5)).isEmpty();
        assertThat(BracketMatcher.find("", 0)).isEmpty();
    }

    @Test
    void vtlParenthesesMatchAcrossLines() {
        String text = "#if($input.path('$').size() > 0)\n{}\n#end";

        assertThat(BracketMatcher.find(text, 4)).contains(new BracketMatcher.Match(3, 31));
    }
}

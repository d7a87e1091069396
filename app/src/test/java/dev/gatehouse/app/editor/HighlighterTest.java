package dev.gatehouse.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    void jsonKeysStringsAndLiteralsGetTheirOwnStyles() {
        Highlighter.Result result = Highlighter.analyse("{\"a\": \"b\", \"n\": 1, \"t\": true}", Language.JSON);

        assertThat(Highlighter.classes(result.tokens())).contains("key", "string", "number", "literal", "brace");
        assertThat(result.problem()).isEmpty();
    }

    @Test
    void brokenJsonReportsWhereItBreaks() {
        Highlighter.Result result = Highlighter.analyse("{\n  \"a\": }", Language.JSON);

        assertThat(result.problem()).get().extracting(Highlighter.Problem::message).asString().contains("line 2");
    }

    @Test
    void vtlDirectivesAndReferencesAreHighlighted() {
        Highlighter.Result result = Highlighter.analyse("#set($id = $input.params('id'))\n{\"id\": \"$id\"} ## note", Language.VTL);

        assertThat(Highlighter.classes(result.tokens())).contains("directive", "reference", "comment");
        assertThat(result.problem()).isEmpty();
    }

    @Test
    void unclosedVtlBlockIsAProblem() {
        assertThat(Highlighter.analyse("#foreach($x in $list)\n$x", Language.VTL).problem()).get()
                .extracting(Highlighter.Problem::message).asString().contains("#foreach is not closed with #end");
        assertThat(Highlighter.analyse("$x\n#end", Language.VTL).problem()).get()
                .extracting(Highlighter.Problem::message).asString().contains("line 2");
    }
}

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
    void anEmptyJsonEditorIsNoSyntaxError() {
        // an empty resource policy means "no policy" (Resource Policy page): not a red "a schema must be..." line
        assertThat(Highlighter.analyse("", Language.JSON).problem()).isEmpty();
        assertThat(Highlighter.analyse("  \n", Language.JSON).problem()).isEmpty();
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

    @Test
    void aNodeHandlerGetsKeywordsStringsAndCommentsAndTheStringHidesItsKeywords() {
        String code = "// greet\nexports.handler = async (event) => ({ body: 'return null' });\n";
        Highlighter.Result result = Highlighter.analyse(code, Language.JAVASCRIPT);

        assertThat(result.tokens()).contains(new Highlighter.Token(0, 8, "comment"));
        assertThat(result.tokens()).contains(new Highlighter.Token(code.indexOf("async"), code.indexOf("async") + 5, "keyword"));
        int s = code.indexOf("'return null'");
        assertThat(result.tokens()).contains(new Highlighter.Token(s, s + "'return null'".length(), "string"));
        assertThat(result.tokens()).noneMatch(t -> t.start() > s && t.start() < s + 13);
    }

    @Test
    void pythonJavaAndShellHandlersAreHighlightedByTheirOwnKeywords() {
        assertThat(Highlighter.classes(Highlighter.analyse("def handler(event, context):\n    return None  # done", Language.PYTHON).tokens()))
                .contains("keyword", "literal", "comment", "brace");
        assertThat(Highlighter.classes(Highlighter.analyse("public class Hello { int n = 1; }", Language.JAVA).tokens()))
                .contains("keyword", "number", "brace");
        Highlighter.Result sh = Highlighter.analyse("while true\ndo\n  curl \"$AWS_LAMBDA_RUNTIME_API\" # next\ndone", Language.SHELL);
        assertThat(Highlighter.classes(sh.tokens())).contains("keyword", "literal", "string", "comment");
    }
}

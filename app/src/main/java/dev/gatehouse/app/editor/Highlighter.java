package dev.gatehouse.app.editor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes style spans and problems for a text, off the FX thread: pure, stateless and thread-safe. The result
 * is plain data ({@link Token}s and a {@link Problem}); {@link CodeEditor} turns it into RichTextFX styles.
 */
public final class Highlighter {
    private static final Pattern JSON_TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\\\n]|\\\\.)*\"(?=\\s*:))"
                    + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\")"
                    + "|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
                    + "|(?<LITERAL>\\b(?:true|false|null)\\b)"
                    + "|(?<BRACE>[{}\\[\\]])");

    private static final Pattern VTL_TOKENS = Pattern.compile(
            "(?<COMMENT>##[^\\n]*|#\\*[\\s\\S]*?\\*#)"
                    + "|(?<DIRECTIVE>#\\{?(?:set|if|elseif|else|end|foreach|break|stop|macro|define|parse|include|evaluate)\\b\\}?)"
                    + "|(?<REFERENCE>\\$!?\\{?[a-zA-Z_][\\w-]*(?:\\.[a-zA-Z_]\\w*)*(?:\\([^)\\n]*\\))?\\}?)"
                    + "|(?<KEY>\"(?:[^\"\\\\\\n$]|\\\\.)*\"(?=\\s*:))"
                    + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*')"
                    + "|(?<TAG></?[a-zA-Z][\\w:.-]*|/?>)"
                    + "|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?\\b)"
                    + "|(?<LITERAL>\\b(?:true|false|null)\\b)"
                    + "|(?<BRACE>[{}\\[\\]()])");

    private static final Pattern JAVASCRIPT_TOKENS = code("//[^\\n]*|/\\*[\\s\\S]*?\\*/",
            "\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'|`(?:[^`\\\\]|\\\\.)*`",
            "async|await|break|case|catch|class|const|continue|default|delete|do|else|export|exports|extends|finally|for|"
                    + "function|if|import|in|instanceof|let|new|of|require|return|switch|this|throw|try|typeof|var|void|while|yield",
            "true|false|null|undefined");
    private static final Pattern PYTHON_TOKENS = code("#[^\\n]*",
            "\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'",
            "and|as|assert|async|await|break|class|continue|def|del|elif|else|except|finally|for|from|global|if|import|in|"
                    + "is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield",
            "True|False|None");
    private static final Pattern JAVA_TOKENS = code("//[^\\n]*|/\\*[\\s\\S]*?\\*/",
            "\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'",
            "abstract|boolean|break|byte|case|catch|char|class|continue|default|do|double|else|enum|extends|final|finally|"
                    + "float|for|if|implements|import|instanceof|int|interface|long|new|package|private|protected|public|record|"
                    + "return|short|static|super|switch|synchronized|this|throw|throws|try|var|void|while",
            "true|false|null");
    private static final Pattern SHELL_TOKENS = code("(?<![\\w$])#[^\\n]*",
            "\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'",
            "case|do|done|elif|else|esac|export|fi|for|function|if|in|local|read|return|set|then|until|while",
            "true|false");

    /** Comments, strings, keywords, literals, variables ({@code $X} in shell), numbers and brackets of a language. */
    private static Pattern code(String comment, String string, String keywords, String literals) {
        return Pattern.compile("(?<COMMENT>" + comment + ")"
                + "|(?<STRING>" + string + ")"
                + "|(?<KEYWORD>\\b(?:" + keywords + ")\\b)"
                + "|(?<LITERAL>\\b(?:" + literals + ")\\b)"
                + "|(?<REFERENCE>\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?)"
                + "|(?<NUMBER>\\b\\d+(?:\\.\\d+)?\\b)"
                + "|(?<BRACE>[{}\\[\\]()])");
    }

    private static final Pattern VTL_BLOCK = Pattern.compile("#\\{?(if|foreach|macro|define|end)\\b\\}?");
    private static final String[] GROUPS = {"COMMENT", "DIRECTIVE", "KEYWORD", "REFERENCE", "KEY", "STRING", "TAG", "NUMBER", "LITERAL", "BRACE"};
    private static final JsonFactory JSON = new JsonFactory();

    private Highlighter() {}

    /** A styled range: {@code styleClass} applies to {@code [start, end)}. */
    public record Token(int start, int end, String styleClass) {}

    /** What is wrong with the text, where ({@code [start, end)}), and a message for the user. */
    public record Problem(int start, int end, String message) {}

    /** The tokens and the first problem of a text. */
    public record Result(List<Token> tokens, Optional<Problem> problem) {}

    /** Highlights and checks {@code text} as {@code language}. */
    public static Result analyse(String text, Language language) {
        return switch (language) {
            case JSON -> new Result(tokens(text, JSON_TOKENS), jsonProblem(text));
            case VTL -> new Result(tokens(text, VTL_TOKENS), vtlProblem(text));
            case TEXT -> new Result(List.of(), Optional.empty());
            case JAVASCRIPT -> new Result(tokens(text, JAVASCRIPT_TOKENS), Optional.empty());
            case PYTHON -> new Result(tokens(text, PYTHON_TOKENS), Optional.empty());
            case JAVA -> new Result(tokens(text, JAVA_TOKENS), Optional.empty());
            case SHELL -> new Result(tokens(text, SHELL_TOKENS), Optional.empty());
        };
    }

    private static List<Token> tokens(String text, Pattern pattern) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (String group : GROUPS) {
                if (pattern.pattern().contains("?<" + group + ">") && m.group(group) != null) {
                    tokens.add(new Token(m.start(), m.end(), group.toLowerCase(java.util.Locale.ROOT)));
                    break;
                }
            }
        }
        return tokens;
    }

    /** The first JSON syntax error (Jackson's message and location), or empty when the text parses. */
    static Optional<Problem> jsonProblem(String text) {
        // empty is no syntax error: it means "none" to a resource policy, an example or a test event; the page that
        // needs a document (a model's schema) says so in its own words
        if (text.isBlank()) return Optional.empty();
        try (JsonParser parser = JSON.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.NOT_AVAILABLE) break;
            }
            return Optional.empty();
        } catch (JsonParseException e) {
            JsonLocation loc = e.getLocation();
            int offset = loc == null ? 0 : (int) Math.max(0, Math.min(text.length(), loc.getCharOffset()));
            int end = Math.min(text.length(), offset + 1);
            String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            return Optional.of(new Problem(Math.max(0, end - 1), end, e.getOriginalMessage() + where));
        } catch (IOException e) {
            return Optional.of(new Problem(0, 0, e.getMessage()));
        }
    }

    /** Unbalanced {@code #if/#foreach/#macro ... #end} blocks: the first stray or unclosed directive. */
    static Optional<Problem> vtlProblem(String text) {
        Deque<int[]> open = new ArrayDeque<>();
        String withoutComments = blankComments(text);
        Matcher m = VTL_BLOCK.matcher(withoutComments);
        while (m.find()) {
            if ("end".equals(m.group(1))) {
                if (open.isEmpty()) return Optional.of(new Problem(m.start(), m.end(), "#end without #if, #foreach or #macro"
                        + " (line " + line(text, m.start()) + ")"));
                open.pop();
            } else {
                open.push(new int[] {m.start(), m.end()});
            }
        }
        if (!open.isEmpty()) {
            int[] first = open.peekLast();
            return Optional.of(new Problem(first[0], first[1], text.substring(first[0], first[1]) + " is not closed with #end"
                    + " (line " + line(text, first[0]) + ")"));
        }
        return Optional.empty();
    }

    private static String blankComments(String text) {
        Matcher m = Pattern.compile("##[^\\n]*|#\\*[\\s\\S]*?\\*#").matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) if (out.charAt(i) != '\n') out.setCharAt(i, ' ');
        }
        return out.toString();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** Style classes present in a token list (for tests and debugging). */
    public static Collection<String> classes(List<Token> tokens) {
        return tokens.stream().map(Token::styleClass).distinct().toList();
    }
}

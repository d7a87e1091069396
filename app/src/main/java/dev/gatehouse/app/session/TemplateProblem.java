package dev.gatehouse.app.session;

import dev.gatehouse.engine.mapping.MappingException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a mapping template cannot run, in the product's words: {@code "line 3, column 7: unexpected character U+001C"}
 * rather than the Velocity parser's {@code Encountered "\u001c" at template[line 3, column 7] Was expecting one of:
 * …}. Line and column are 1-based; 0 when the engine could not tell.
 *
 * @param message the whole sentence for a label or the execution log, position first
 */
public record TemplateProblem(int line, int column, String message) {

    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\"(?: at [^\\[]*\\[line \\d+, column \\d+])?");
    private static final Pattern POSITION = Pattern.compile("\\s*(?:at\\s+)?[\\w ./{}+-]*\\[line \\d+, column \\d+]\\.?");
    private static final Pattern LEXICAL = Pattern.compile("Lexical error,? .*?Encountered: \"?(.*?)\"? \\(\\d+\\),? after ?: ?\"(.*?)\"");

    /** The problem of a template that failed to compile or render. */
    public static TemplateProblem of(MappingException e) {
        String text = words(e.detail() == null ? "" : e.detail());
        String where = e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "";
        return new TemplateProblem(e.line(), e.column(), where + text);
    }

    /** The first MappingException in {@code error}'s causes, as a problem; empty when there is none. */
    public static Optional<TemplateProblem> in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MappingException m) return Optional.of(of(m));
        }
        // a deploy or test invoke that compiles the method reports the template's problem in its message
        String message = error == null ? null : error.getMessage();
        if (message == null || !message.startsWith("Invalid mapping template")) return Optional.empty();
        Matcher at = Pattern.compile("line (\\d+), column (\\d+)\\)?\\s*$").matcher(message);
        int line = 0;
        int column = 0;
        String detail = message;
        if (at.find()) {
            line = Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2));
            int paren = message.lastIndexOf(" (", at.start());
            if (paren > 0) detail = message.substring(0, paren);
        }
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return Optional.of(new TemplateProblem(line, column, where + words(detail)));
    }

    /** The engine's detail without the parser's internals. */
    static String words(String detail) {
        String s = detail.strip();
        if (s.startsWith("Invalid mapping template: ")) s = s.substring("Invalid mapping template: ".length());
        int expecting = s.indexOf("Was expecting");
        if (expecting >= 0) s = s.substring(0, expecting).strip();
        Matcher lexical = LEXICAL.matcher(s);
        if (lexical.find()) return "unexpected " + shown(unescape(lexical.group(1)));
        Matcher m = ENCOUNTERED.matcher(s);
        if (m.find()) {
            String token = unescape(m.group(1));
            if (token.equals("<EOF>")) return "the template ends before a #if, #foreach, #macro, ( or { is closed (is an #end missing?)";
            return "unexpected " + shown(token);
        }
        s = POSITION.matcher(s).replaceAll("").strip();
        if (s.endsWith(":")) s = s.substring(0, s.length() - 1);
        return s.isEmpty() ? "the template does not parse" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String shown(String token) {
        if (token.length() == 1 && (Character.isISOControl(token.charAt(0)) || Character.isWhitespace(token.charAt(0)))) {
            return String.format("character U+%04X", (int) token.charAt(0));
        }
        return "\"" + token.strip() + "\"";
    }

    private static String unescape(String token) {
        Matcher u = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(token);
        StringBuilder out = new StringBuilder();
        while (u.find()) u.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(u.group(1), 16))));
        u.appendTail(out);
        return out.toString().replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"");
    }
}

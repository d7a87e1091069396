package dev.gatehouse.app.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds the bracket next to a caret and its partner, for {@link CodeEditor}'s bracket highlighting. Pure and
 * toolkit-free. Brackets inside double-quoted strings (JSON strings, VTL/JSON string literals in templates) are
 * not code, so they neither match nor count; a string ends at its closing quote or at the end of the line.
 */
public final class BracketMatcher {
    private static final String OPEN = "([{";
    private static final String CLOSE = ")]}";

    /** Texts longer than this are not scanned on each caret move; the highlight is a convenience, not a check. */
    static final int MAX_LENGTH = 200_000;

    private BracketMatcher() {}

    /**
     * The bracket at {@code bracket} and its partner at {@code match}, or {@code match == -1} when it has none (an
     * unclosed {@code (} or a stray {@code ]}).
     */
    public record Match(int bracket, int match) {
        public boolean matched() {
            return match >= 0;
        }
    }

    /**
     * The bracket just before the caret (the one just typed or stepped over), else the one just after it, with its
     * partner; empty when neither side of the caret is a bracket outside a string.
     */
    public static Optional<Match> find(CharSequence text, int caret) {
        if (text == null || text.length() > MAX_LENGTH || caret < 0 || caret > text.length()) return Optional.empty();
        boolean[] inString = strings(text);
        for (int at : new int[] {caret - 1, caret}) {
            if (at < 0 || at >= text.length() || inString[at]) continue;
            char c = text.charAt(at);
            if (OPEN.indexOf(c) >= 0) return Optional.of(new Match(at, forward(text, at, inString)));
            if (CLOSE.indexOf(c) >= 0) return Optional.of(new Match(at, backward(text, at, inString)));
        }
        return Optional.empty();
    }

    private static int forward(CharSequence text, int from, boolean[] inString) {
        Deque<Character> open = new ArrayDeque<>();
        open.push(text.charAt(from));
        for (int i = from + 1; i < text.length(); i++) {
            if (inString[i]) continue;
            char c = text.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                open.push(c);
            } else if (CLOSE.indexOf(c) >= 0) {
                char expected = CLOSE.charAt(OPEN.indexOf(open.pop()));
                if (c != expected) return -1; // crossed brackets: ( ] — nothing sensible to pair
                if (open.isEmpty()) return i;
            }
        }
        return -1;
    }

    private static int backward(CharSequence text, int from, boolean[] inString) {
        Deque<Character> close = new ArrayDeque<>();
        close.push(text.charAt(from));
        for (int i = from - 1; i >= 0; i--) {
            if (inString[i]) continue;
            char c = text.charAt(i);
            if (CLOSE.indexOf(c) >= 0) {
                close.push(c);
            } else if (OPEN.indexOf(c) >= 0) {
                char expected = OPEN.charAt(CLOSE.indexOf(close.pop()));
                if (c != expected) return -1;
                if (close.isEmpty()) return i;
            }
        }
        return -1;
    }

    /** Which characters are inside a double-quoted string (the quotes included). */
    private static boolean[] strings(CharSequence text) {
        boolean[] in = new boolean[text.length()];
        boolean string = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (string) {
                in[i] = true;
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') in[++i] = true;
                else if (c == '"' || c == '\n') string = false;
            } else if (c == '"') {
                in[i] = true;
                string = true;
            }
        }
        return in;
    }
}

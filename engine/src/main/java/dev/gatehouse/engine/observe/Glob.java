package dev.gatehouse.engine.observe;

/**
 * SQLite's {@code GLOB} operator in Java, for searches over entries decoded from request-log blocks (the former
 * one-row-per-request table matched paths with SQL {@code GLOB}; the results must stay the same). Case-sensitive,
 * on code points: {@code *} any run (also empty), {@code ?} exactly one character, {@code [...]} one character of
 * the set ({@code [^...]} not of it; a {@code ]} first in the set is itself; {@code a-z} a range; a {@code -} first
 * or last is itself); an unclosed {@code [} matches nothing; no escape character. A null string matches nothing
 * (SQL's NULL).
 */
final class Glob {

    private Glob() { }

    static boolean matches(String pattern, String s) {
        if (s == null || pattern == null) return false;
        return match(pattern.codePoints().toArray(), 0, s.codePoints().toArray(), 0);
    }

    private static boolean match(int[] p, int pi, int[] s, int si) {
        while (pi < p.length) {
            int c = p[pi];
            if (c == '*') {
                // a run of '*' and '?': each '?' takes one character
                while (pi < p.length && (p[pi] == '*' || p[pi] == '?')) {
                    if (p[pi] == '?') {
                        if (si >= s.length) return false;
                        si++;
                    }
                    pi++;
                }
                if (pi == p.length) return true;
                for (int k = si; k <= s.length; k++) {
                    if (match(p, pi, s, k)) return true;
                }
                return false;
            }
            if (si >= s.length) return false;
            if (c == '?') {
                pi++;
                si++;
            } else if (c == '[') {
                int end = classEnd(p, pi);
                if (end < 0) return false;
                if (!inClass(p, pi + 1, end, s[si])) return false;
                pi = end + 1;
                si++;
            } else {
                if (c != s[si]) return false;
                pi++;
                si++;
            }
        }
        return si == s.length;
    }

    /** The index of the {@code ]} closing the set opened at {@code open}, or -1. */
    private static int classEnd(int[] p, int open) {
        int i = open + 1;
        if (i < p.length && p[i] == '^') i++;
        if (i < p.length && p[i] == ']') i++;
        while (i < p.length && p[i] != ']') i++;
        return i < p.length ? i : -1;
    }

    /** Whether {@code c} is in the set {@code p[from..end)} (after the opening bracket). */
    private static boolean inClass(int[] p, int from, int end, int c) {
        int i = from;
        boolean invert = false;
        if (i < end && p[i] == '^') {
            invert = true;
            i++;
        }
        boolean seen = false;
        int prev = 0; // the character before a '-': 0 when none can start a range (as SQLite: not a leading ']')
        if (i < end && p[i] == ']') { // literal ']' first in the set
            if (c == ']') seen = true;
            i++;
        }
        while (i < end) {
            int x = p[i];
            if (x == '-' && i + 1 < end && prev != 0) {
                // a range prev-next; '-' last in the set is itself
                int hi = p[i + 1];
                if (c >= prev && c <= hi) seen = true;
                prev = 0;
                i += 2;
            } else {
                if (c == x) seen = true;
                prev = x;
                i++;
            }
        }
        return seen != invert;
    }
}

package dev.gatehouse.app.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Two HTTP responses side by side, row by row, each row marked as the same or different: the status line, the
 * headers (by name, case-insensitive; several values joined with ", ") and the body line by line (a longest
 * common subsequence, so an inserted line does not mark every line after it). Pure; any thread.
 */
public final class ResponseDiff {

    /** How a row differs. */
    public enum Kind { SAME, CHANGED, ONLY_LEFT, ONLY_RIGHT }

    /** One row; {@code left} or {@code right} is "" on the side the row is missing from. */
    public record Row(String section, String left, String right, Kind kind) { }

    /** One response as the diff reads it. */
    public record Side(int status, Map<String, List<String>> headers, String body) { }

    private ResponseDiff() { }

    /** Headers that differ on every call by design (ids, dates, lengths): shown, never marked as a difference. */
    static boolean volatileHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("date") || n.equals("x-amzn-requestid") || n.equals("x-amz-apigw-id")
                || n.equals("x-amzn-trace-id") || n.equals("content-length");
    }

    public static List<Row> of(Side left, Side right) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Status", String.valueOf(left.status()), String.valueOf(right.status()),
                left.status() == right.status() ? Kind.SAME : Kind.CHANGED));
        TreeMap<String, String> l = joined(left.headers());
        TreeMap<String, String> r = joined(right.headers());
        TreeMap<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        l.keySet().forEach(n -> names.put(n, n));
        r.keySet().forEach(n -> names.putIfAbsent(n, n));
        for (String name : names.values()) {
            String a = l.get(name);
            String b = r.get(name);
            // headers that differ on every call by design are shown but never marked
            Kind kind = volatileHeader(name) || (a != null && a.equals(b)) ? Kind.SAME
                    : a == null ? Kind.ONLY_RIGHT : b == null ? Kind.ONLY_LEFT : Kind.CHANGED;
            // each side in its own spelling of the name
            rows.add(new Row("Header", a == null ? "" : l.floorKey(name) + ": " + a, b == null ? "" : r.floorKey(name) + ": " + b, kind));
        }
        rows.addAll(bodyRows(lines(left.body()), lines(right.body())));
        return rows;
    }

    /** True when a row other than a volatile header differs. */
    public static boolean differs(List<Row> rows) {
        return differences(rows) > 0;
    }

    /** The rows that differ, not counting headers that differ on every call (Date, request ids, lengths). */
    public static long differences(List<Row> rows) {
        return rows.stream().filter(r -> r.kind() != Kind.SAME
                && !(r.section().equals("Header") && volatileHeader(headerName(r)))).count();
    }

    private static String headerName(Row r) {
        String s = r.left().isEmpty() ? r.right() : r.left();
        int colon = s.indexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }

    private static TreeMap<String, String> joined(Map<String, List<String>> headers) {
        TreeMap<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) headers.forEach((k, v) -> out.merge(k, String.join(", ", v), (a, b) -> a + ", " + b));
        return out;
    }

    private static List<String> lines(String body) {
        if (body == null || body.isEmpty()) return List.of();
        return List.of(body.split("\r?\n", -1));
    }

    /** Body lines aligned on their longest common subsequence; a changed line pairs a removal with an insertion. */
    private static List<Row> bodyRows(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                flush(rows, removed, added);
                rows.add(new Row("Body", a.get(i), b.get(j), Kind.SAME));
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(b.get(j++));
            } else {
                removed.add(a.get(i++));
            }
        }
        flush(rows, removed, added);
        return rows;
    }

    private static void flush(List<Row> rows, List<String> removed, List<String> added) {
        int n = Math.max(removed.size(), added.size());
        for (int k = 0; k < n; k++) {
            String l = k < removed.size() ? removed.get(k) : null;
            String r = k < added.size() ? added.get(k) : null;
            Kind kind = l == null ? Kind.ONLY_RIGHT : r == null ? Kind.ONLY_LEFT : Kind.CHANGED;
            rows.add(new Row("Body", Objects.requireNonNullElse(l, ""), Objects.requireNonNullElse(r, ""), kind));
        }
        removed.clear();
        added.clear();
    }
}

package dev.gatehouse.engine.access;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One {@code aws:SourceIp} value of a policy condition: an IPv4 or IPv6 address, or a CIDR block
 * ({@code 203.0.113.0/24}, {@code 2001:db8::/32}). Only literals are accepted, so parsing never resolves a name.
 * Immutable.
 */
record SourceIpRange(byte[] network, int prefixBits) {

    /** @throws IllegalArgumentException when {@code text} is not an address or CIDR block */
    static SourceIpRange parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) throw new IllegalArgumentException("not an IP address or CIDR block: '" + text + "'");
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length: '" + text + "'");
            }
            if (bits < 0 || bits > bytes.length * 8) throw new IllegalArgumentException("CIDR prefix out of range: '" + text + "'");
        }
        return new SourceIpRange(bytes, bits);
    }

    /** Whether {@code ip} (a literal address, as the server reports the peer) is in this range. */
    boolean contains(String ip) {
        byte[] candidate = ip == null ? null : literal(ip);
        if (candidate == null || candidate.length != network.length) return false;
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) if (candidate[i] != network[i]) return false;
        int rest = prefixBits % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** The address bytes of an IP literal (IPv4-mapped IPv6 reduced to IPv4); null when it is not one. */
    private static byte[] literal(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (a.isEmpty() || !a.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) return null;
        if (a.indexOf(':') < 0 && !a.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return null;
        try {
            return InetAddress.getByName(a).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

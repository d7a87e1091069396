package dev.gatehouse.engine.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Predicate;

/**
 * Identifiers shaped like AWS's: lowercase letters and digits, 10 characters for APIs and keys, 6 for the parts of
 * an API. Resource ids can be derived from the API id and path so that re-importing the same document keeps them
 * stable (clean diffs in git).
 */
public final class Ids {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new random id of the given length. */
    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(out);
    }

    public static String apiId() {
        return random(10);
    }

    public static String shortId() {
        return random(6);
    }

    /**
     * A resource id derived from the API id and the resource path (10 characters for the root, 6 otherwise, as AWS);
     * if {@code taken} already holds it, the next derivation is tried.
     */
    public static String resourceId(String apiId, String path, Predicate<String> taken) {
        int length = "/".equals(path) ? 10 : 6;
        for (int attempt = 0; ; attempt++) {
            String id = derive(apiId + "\u0000" + path + "\u0000" + attempt, length);
            if (!taken.test(id)) return id;
        }
    }

    private static String derive(String seed, int length) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[length];
            for (int i = 0; i < length; i++) out[i] = ALPHABET[(hash[i] & 0xff) % ALPHABET.length];
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

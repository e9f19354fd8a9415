package io.touchpoint.ticket.domain;

import java.security.SecureRandom;

/**
 * Opaque, type-prefixed ids ({@code tkt_…}, {@code rpl_…}) that sort by creation time: ten Crockford base32
 * characters of milliseconds, then sixteen random ones. Sorting by id is then sorting by age, which is what cursor
 * pagination on {@code _id} needs.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private static final SecureRandom random = new SecureRandom();

    private Ids() {}

    public static String next(String prefix) {
        return next(prefix, System.currentTimeMillis());
    }

    static String next(String prefix, long epochMillis) {
        char[] id = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            id[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        for (int i = 0; i < 16; i++) {
            id[10 + i] = ALPHABET[bytes[i] & 31];
        }
        return prefix + "_" + new String(id);
    }

    /** The id with another type prefix and the same time and randomness: {@code tkt_X} → {@code cnv_X}. */
    public static String withPrefix(String id, String prefix) {
        return prefix + id.substring(id.indexOf('_'));
    }
}

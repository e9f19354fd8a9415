package io.touchpoint.ticket.domain.knowledge;

import java.security.SecureRandom;

/**
 * Opaque, type-prefixed ids ({@code kba_…}) that sort by creation time: ten Crockford base32 characters of
 * milliseconds, then sixteen random ones, so that cursor pagination on {@code _id} is pagination by age.
 */
public final class KnowledgeIds {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private static final SecureRandom random = new SecureRandom();

    private KnowledgeIds() {}

    public static String next(String prefix) {
        char[] id = new char[26];
        long time = System.currentTimeMillis();
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
}

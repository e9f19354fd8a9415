package io.touchpoint.channel.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Opaque, type-prefixed ids ({@code msg_…}, {@code con_…}) of 26 Crockford base32 characters after the prefix. New
 * ids sort by creation time: ten characters of milliseconds, then sixteen random ones, so sorting by id is sorting by
 * age, which is what cursor pagination on {@code _id} needs. Derived ids are the same for the same key every time.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private static final int LENGTH = 26;

    private static final SecureRandom random = new SecureRandom();

    private Ids() {}

    public static String next(String prefix) {
        return next(prefix, System.currentTimeMillis());
    }

    static String next(String prefix, long epochMillis) {
        char[] id = new char[LENGTH];
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

    /**
     * The id for {@code key}: the first 130 bits of its SHA-256 in base32, so a request that is redelivered gets the
     * id it got the first time and storing it twice is a duplicate key. Does not sort by time.
     */
    public static String derive(String prefix, String key) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        char[] id = new char[LENGTH];
        long buffer = 0;
        int bits = 0;
        int next = 0;
        for (byte b : digest) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && next < id.length) {
                id[next++] = ALPHABET[(int) (buffer >>> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        return prefix + "_" + new String(id);
    }

    /** Whether {@code id} looks like an id made here with {@code prefix}; a cheap check before a lookup. */
    public static boolean hasPrefix(String id, String prefix) {
        return id != null && id.length() == prefix.length() + 1 + LENGTH && id.startsWith(prefix + "_");
    }
}

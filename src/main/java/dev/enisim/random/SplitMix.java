package dev.enisim.random;

import java.nio.charset.StandardCharsets;

/** 64-bit mixing and hashing used to derive stream seeds. Pure functions, no state. */
public final class SplitMix {

    private SplitMix() {
    }

    /** The SplitMix64 finaliser: a bijective avalanche mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-8 bytes of {@code s}, then mixed: stable across JVMs (unlike String.hashCode). */
    static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }
}

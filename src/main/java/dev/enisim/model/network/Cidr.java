package dev.enisim.model.network;

/**
 * An IPv4 CIDR block, e.g. {@code 10.0.1.0/28}. AWS reserves five addresses of every subnet (the first four
 * and the last), so a subnet's usable size is 2^(32 - prefix) - 5.
 */
public record Cidr(int network, int prefix) {

    public static final int RESERVED_BY_AWS = 5;

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        if ((network & ~mask) != 0) {
            throw new IllegalArgumentException("host bits set in " + format(network) + "/" + prefix);
        }
    }

    /**
     * Parses {@code a.b.c.d/p}. Throws {@link IllegalArgumentException} with a message saying what was
     * expected when the text is not a well-formed block (including when host bits are set).
     */
    public static Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected an IPv4 CIDR block like 10.0.1.0/24");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected an IPv4 CIDR block like 10.0.1.0/24, got '" + text + "'");
        }
        String[] octets = text.substring(0, slash).split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("expected an IPv4 CIDR block like 10.0.1.0/24, got '" + text + "'");
        }
        int address = 0;
        for (String o : octets) {
            int v = parseInt(o, 255, text);
            address = (address << 8) | v;
        }
        int prefix = parseInt(text.substring(slash + 1), 32, text);
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        if ((address & ~mask) != 0) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; did you mean "
                    + format(address & mask) + "/" + prefix + "?");
        }
        return new Cidr(address, prefix);
    }

    private static int parseInt(String s, int max, String whole) {
        if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("expected an IPv4 CIDR block like 10.0.1.0/24, got '" + whole + "'");
        }
        int v = Integer.parseInt(s);
        if (v > max) {
            throw new IllegalArgumentException("expected an IPv4 CIDR block like 10.0.1.0/24, got '" + whole + "'");
        }
        return v;
    }

    /** Addresses in the block, 2^(32 - prefix). */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** Addresses Lambda or anyone else can use: size - 5 (at most Integer.MAX_VALUE, for blocks up to /0). */
    public int usableAddresses() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, size() - RESERVED_BY_AWS));
    }

    /** The i-th usable address (0-based), skipping the four reserved at the start. */
    public int usableAddress(int index) {
        if (index < 0 || index >= usableAddresses()) {
            throw new IndexOutOfBoundsException("usable address " + index + " of " + this);
        }
        return network + 4 + index;
    }

    public static String format(int address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }
}

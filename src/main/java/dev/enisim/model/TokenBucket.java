package dev.enisim.model;

/** A token bucket refilled continuously: {@code capacity} tokens at most, {@code perSecond} added per second. */
final class TokenBucket {

    private final double capacity;
    private final double perMicro;
    private double tokens;
    private long atMicros;

    TokenBucket(double capacity, double perSecond) {
        this.capacity = capacity;
        this.perMicro = perSecond / 1e6;
        this.tokens = capacity;
    }

    /** Takes a token if there is one at {@code now}. */
    boolean tryTake(long now) {
        if (!has(now)) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Refills to {@code now}; true when a token is there to take. */
    boolean has(long now) {
        if (now > atMicros) {
            tokens = Math.min(capacity, tokens + (now - atMicros) * perMicro);
            atMicros = now;
        }
        return tokens >= 1;
    }

    /** Takes the token {@link #has} found. */
    void take() {
        tokens -= 1;
    }
}

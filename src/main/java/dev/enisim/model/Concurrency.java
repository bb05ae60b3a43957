package dev.enisim.model;


/**
 * Owns the account's concurrency: a function with reserved concurrency runs up to its reservation, the others
 * share what is left of the account limit (the unreserved pool).
 */
final class Concurrency {

    private final int accountLimit;
    private int reservedTotal;
    private int unreservedLimit;
    private int accountInFlight;
    private int unreservedInFlight;

    Concurrency(int accountLimit) {
        this.accountLimit = accountLimit;
        this.unreservedLimit = accountLimit;
    }

    /** A function reserves {@code reserved} of the account's concurrency (-1: none, it uses the unreserved pool). */
    void reserve(int reserved) {
        if (reserved >= 0) {
            reservedTotal += reserved;
            unreservedLimit = accountLimit - reservedTotal;
        }
    }

    /** The throttle that stops one more invocation of {@code f}, or null when it may run. */
    Outcome throttle(LambdaFunction f) {
        if (f.reservedConcurrency() >= 0) {
            return f.inFlight() >= f.reservedConcurrency() ? Outcome.THROTTLED_RESERVED : null;
        }
        return unreservedInFlight >= unreservedLimit ? Outcome.THROTTLED_ACCOUNT : null;
    }

    void started(LambdaFunction f) {
        f.admitted();
        accountInFlight++;
        if (f.reservedConcurrency() < 0) {
            unreservedInFlight++;
        }
    }

    void finished(LambdaFunction f) {
        f.finished();
        accountInFlight--;
        if (f.reservedConcurrency() < 0) {
            unreservedInFlight--;
        }
    }

    int accountInFlight() {
        return accountInFlight;
    }

    int unreservedInFlight() {
        return unreservedInFlight;
    }

    int unreservedLimit() {
        return unreservedLimit;
    }

    int accountLimit() {
        return accountLimit;
    }
}

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

    /** A function reserves its reserved concurrency of the account (if any; else it uses the unreserved pool). */
    void reserve(LambdaFunction f) {
        if (f.reserved()) {
            reservedTotal += f.reservedConcurrency();
            unreservedLimit = accountLimit - reservedTotal;
        }
    }

    /** The throttle that stops one more invocation of {@code f}, or null when it may run. */
    Outcome throttle(LambdaFunction f) {
        if (f.reserved()) {
            return f.inFlight() >= f.reservedConcurrency() ? Outcome.THROTTLED_RESERVED : null;
        }
        return unreservedInFlight >= unreservedLimit ? Outcome.THROTTLED_ACCOUNT : null;
    }

    void started(LambdaFunction f) {
        f.admitted();
        accountInFlight++;
        if (!f.reserved()) {
            unreservedInFlight++;
        }
    }

    void finished(LambdaFunction f) {
        f.finished();
        accountInFlight--;
        if (!f.reserved()) {
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

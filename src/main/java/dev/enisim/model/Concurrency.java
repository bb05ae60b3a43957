package dev.enisim.model;

import java.util.Arrays;

/**
 * Owns each account's concurrency: a function with reserved concurrency runs up to its reservation, the others
 * share what is left of their account's limit (its unreserved pool). Account 0 exists from the start; a scenario
 * with several accounts over shared VPCs adds the others ({@link #addAccount}). A function's own count and
 * reservation are in its row of {@link FunctionRows}: the hot path names it by index.
 */
final class Concurrency {

    private int[] accountLimit = new int[1];
    private int[] reservedTotal = new int[1];
    private int[] unreservedLimit = new int[1];
    private int[] inFlight = new int[1];
    private int[] unreservedInFlight = new int[1];
    private int totalInFlight;
    private final FunctionRows rows;

    Concurrency(FunctionRows rows, int accountLimit) {
        this.rows = rows;
        this.accountLimit[0] = accountLimit;
        this.unreservedLimit[0] = accountLimit;
    }

    /** Another account with its ConcurrentExecutions limit: returns its index. */
    int addAccount(int limit) {
        int a = accountLimit.length;
        accountLimit = Arrays.copyOf(accountLimit, a + 1);
        reservedTotal = Arrays.copyOf(reservedTotal, a + 1);
        unreservedLimit = Arrays.copyOf(unreservedLimit, a + 1);
        inFlight = Arrays.copyOf(inFlight, a + 1);
        unreservedInFlight = Arrays.copyOf(unreservedInFlight, a + 1);
        accountLimit[a] = limit;
        unreservedLimit[a] = limit;
        return a;
    }

    int accounts() {
        return accountLimit.length;
    }

    /**
     * A function reserves its reserved concurrency of its account (if any; else it uses the account's unreserved
     * pool). Its account is set first.
     */
    void reserve(LambdaFunction f) {
        if (f.reserved()) {
            int account = f.account();
            reservedTotal[account] += f.reservedConcurrency();
            unreservedLimit[account] = accountLimit[account] - reservedTotal[account];
        }
    }

    /** The throttle that stops one more invocation of function {@code f}, or null when it may run. */
    Outcome throttle(int f) {
        int reserved = rows.reservedConcurrency(f);
        if (reserved != FunctionRows.UNRESERVED) {
            return rows.inFlight(f) >= reserved ? Outcome.THROTTLED_RESERVED : null;
        }
        int a = rows.account(f);
        return unreservedInFlight[a] >= unreservedLimit[a] ? Outcome.THROTTLED_ACCOUNT : null;
    }

    void started(int f) {
        rows.admitted(f);
        int a = rows.account(f);
        inFlight[a]++;
        totalInFlight++;
        if (rows.reservedConcurrency(f) == FunctionRows.UNRESERVED) {
            unreservedInFlight[a]++;
        }
    }

    /** An invocation of function {@code f} ends; false (and nothing changes) when none of its was in flight. */
    boolean finished(int f) {
        if (!rows.finished(f)) {
            return false;
        }
        int a = rows.account(f);
        inFlight[a]--;
        totalInFlight--;
        if (rows.reservedConcurrency(f) == FunctionRows.UNRESERVED) {
            unreservedInFlight[a]--;
        }
        return true;
    }

    /** In flight in every account together (the only account's, in a single-account world). */
    int accountInFlight() {
        return totalInFlight;
    }

    /** In flight in one account. */
    int inFlight(int account) {
        return inFlight[account];
    }

    int unreservedInFlight(int account) {
        return unreservedInFlight[account];
    }

    int unreservedLimit(int account) {
        return unreservedLimit[account];
    }

    int accountLimit(int account) {
        return accountLimit[account];
    }
}

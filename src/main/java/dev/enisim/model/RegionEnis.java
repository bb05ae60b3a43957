package dev.enisim.model;

/**
 * One account's network interfaces in the Region as the world runs them: EC2's "Network interfaces per Region" quota
 * (5,000 by default, adjustable [doc]) is a quota of each AWS account (amazon-vpc-limits.html: the quotas "for your
 * AWS account"). The owner of that account's count: the Lambda ENIs of its keys (a function's ENIs count against its
 * own account, also in a VPC another account shares with it: "The VPC resources that a participant creates count
 * against the VPC quotas in the participant account, not the owner account" [doc], vpc-share-limitations.html; that
 * Lambda's requester-managed ENIs are such resources is [assumed]), the other services' ENIs of the VPCs it owns
 * ({@code vpcs[*].otherUsedEnis}), and its interfaces in no VPC's quota ({@code otherNetworkInterfaces}). Invariant:
 * their sum <= the limit.
 *
 * <p>With several accounts the Region's total (every account's, no limit) is counted too, in a {@code RegionEnis} of
 * its own that each account's reports to ({@link #countIn}): the most interfaces the Region held at once.
 */
final class RegionEnis {

    private String account; // its id; "" for a single-account world's only account (and the total)
    private final int limit;
    private int lambda;
    private int other;
    private int peak;
    private RegionEnis total; // every account's together; null in a single-account world

    RegionEnis(int limit) {
        this("", limit);
    }

    RegionEnis(String account, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("network interfaces per Region must be >= 1: " + limit
                    + (account.isEmpty() ? "" : " (account " + account + ")"));
        }
        this.account = account;
        this.limit = limit;
    }

    /** The Region's total of every account, no limit: starts at zero; each account then counts in it. */
    static RegionEnis total() {
        return new RegionEnis("", Integer.MAX_VALUE);
    }

    /** This account's figures count in {@code all} from now on, those it holds already included. */
    void countIn(RegionEnis all) {
        if (total != null) {
            throw new IllegalStateException("account " + account + " already counts in a Region total");
        }
        total = all;
        all.lambda += lambda;
        all.other += other;
        all.peak = Math.max(all.peak, all.lambda + all.other);
    }

    /** Names the account (account 0 of a world with several, named once the world knows it has several). */
    void name(String id) {
        account = id;
    }

    /** The account's id ("" for a single-account world's). */
    String account() {
        return account;
    }

    int limit() {
        return limit;
    }

    /** The account's Lambda ENIs in the Region now (all VPCs). */
    int lambdaEnis() {
        return lambda;
    }

    /**
     * The account's other ENIs in the Region now: the {@code otherUsedEnis} of the VPCs it owns, and its interfaces
     * in no VPC's quota ({@code otherNetworkInterfaces}).
     */
    int otherEnis() {
        return other;
    }

    /** The most ENIs (Lambda's and others') the account held at once in the Region. */
    int peak() {
        return peak;
    }

    int free() {
        return limit - lambda - other;
    }

    /** Takes one for a Lambda ENI; false when the account is at its limit. */
    boolean tryTake() {
        if (free() <= 0) {
            return false;
        }
        lambda++;
        peak = Math.max(peak, lambda + other);
        if (total != null) {
            total.tryTake();
        }
        return true;
    }

    void release() {
        if (lambda <= 0) {
            throw new IllegalStateException("releasing a Region network interface that is not held"
                    + (account.isEmpty() ? "" : " (account " + account + ")"));
        }
        lambda--;
        if (total != null) {
            total.release();
        }
    }

    /** Other services' ENIs change by {@code delta}; the caller has checked that it fits. */
    void addOther(int delta) {
        if (other + delta < 0 || free() - delta < 0) {
            throw new IllegalArgumentException("other ENIs " + (other + delta) + " do not fit beside " + lambda
                    + " Lambda ENIs in the Region's " + limit + (account.isEmpty() ? "" : " of account " + account));
        }
        other += delta;
        peak = Math.max(peak, lambda + other);
        if (total != null) {
            total.addOther(delta);
        }
    }

    /**
     * The account counts {@code lambdaCounted} Lambda ENIs (those of its keys that hold a quota slot) and {@code
     * otherCounted} others (its VPCs' otherUsedEnis and its interfaces in no VPC's quota).
     */
    void checkInvariants(int lambdaCounted, int otherCounted) {
        String who = account.isEmpty() ? "Region" : "Region (account " + account + ")";
        if (lambda != lambdaCounted) {
            throw new IllegalStateException(who + " counts " + lambda + " Lambda ENIs, VPCs hold " + lambdaCounted);
        }
        if (other != otherCounted) {
            throw new IllegalStateException(who + " counts " + other + " other ENIs, its VPCs and account hold "
                    + otherCounted);
        }
        if (lambda < 0 || other < 0 || lambda + other > limit || peak < lambda + other) {
            throw new IllegalStateException(who + ": " + lambda + " Lambda ENIs + " + other + " others outside 0.."
                    + limit + " (peak " + peak + ")");
        }
    }
}

package dev.enisim.model;

/**
 * The Region's network interfaces as the world runs them: EC2's "Network interfaces per Region" quota (5,000 by
 * default, adjustable [doc]) counts every ENI of every VPC and service. The owner of that count: Lambda's ENIs
 * of all VPCs plus the other services' ENIs the VPCs declare. Invariant: their sum <= the limit.
 */
final class RegionEnis {

    private final int limit;
    private int lambda;
    private int other;
    private int peak;

    RegionEnis(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("network interfaces per Region must be >= 1: " + limit);
        }
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Lambda's ENIs in the Region now (all VPCs). */
    int lambdaEnis() {
        return lambda;
    }

    /**
     * Other ENIs in the Region now: the sum of the VPCs' {@code otherUsedEnis}, and the interfaces in no VPC's quota
     * ({@code account.otherNetworkInterfaces}).
     */
    int otherEnis() {
        return other;
    }

    /** The most ENIs (Lambda's and others') the Region held at once. */
    int peak() {
        return peak;
    }

    int free() {
        return limit - lambda - other;
    }

    /** Takes one for a Lambda ENI; false when the Region is at its limit. */
    boolean tryTake() {
        if (free() <= 0) {
            return false;
        }
        lambda++;
        peak = Math.max(peak, lambda + other);
        return true;
    }

    void release() {
        if (lambda <= 0) {
            throw new IllegalStateException("releasing a Region network interface that is not held");
        }
        lambda--;
    }

    /** Other services' ENIs change by {@code delta}; the caller has checked that it fits. */
    void addOther(int delta) {
        if (other + delta < 0 || free() - delta < 0) {
            throw new IllegalArgumentException("other ENIs " + (other + delta) + " do not fit beside " + lambda
                    + " Lambda ENIs in the Region's " + limit);
        }
        other += delta;
        peak = Math.max(peak, lambda + other);
    }

    void checkInvariants(int lambdaCounted) {
        if (lambda != lambdaCounted) {
            throw new IllegalStateException("Region counts " + lambda + " Lambda ENIs, VPCs hold " + lambdaCounted);
        }
        if (lambda < 0 || other < 0 || lambda + other > limit) {
            throw new IllegalStateException("Region: " + lambda + " Lambda ENIs + " + other + " others outside 0.."
                    + limit);
        }
    }
}

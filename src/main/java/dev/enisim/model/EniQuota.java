package dev.enisim.model;

/**
 * A VPC as the world runs it: the owner of the count of Lambda's ENIs against its quota (named apart from the
 * scenario's {@code Scenario.Vpc}, which only describes it). The quota is shared with other services ("such as
 * Amazon EFS" [doc]): {@code otherUsedEnis} of it are theirs. Invariant: Lambda's + other ENIs <= quota.
 */
final class EniQuota {

    private final int index;
    private final String id;
    private final int eniQuota;
    private int enis;
    private int peakEnis;
    private int otherUsed;

    EniQuota(int index, String id, int eniQuota) {
        if (eniQuota < 1) {
            throw new IllegalArgumentException(id + ": ENI quota must be >= 1: " + eniQuota);
        }
        this.index = index;
        this.id = id;
        this.eniQuota = eniQuota;
    }

    public int index() {
        return index;
    }

    public String id() {
        return id;
    }

    public int eniQuota() {
        return eniQuota;
    }

    /** Hyperplane ENIs that count against the quota now (creating, in use, deleting or orphaned). */
    public int enis() {
        return enis;
    }

    public int peakEnis() {
        return peakEnis;
    }

    /** ENIs of other services (EFS mount targets...) counting against this quota now. */
    public int otherUsedEnis() {
        return otherUsed;
    }

    /** Other services' ENIs now; the caller has checked that the figure fits beside Lambda's. */
    public void setOtherUsedEnis(int n) {
        if (n < 0 || n + enis > eniQuota) {
            throw new IllegalArgumentException(id + ": other ENIs " + n + " do not fit beside " + enis
                    + " Lambda ENIs in the quota of " + eniQuota);
        }
        otherUsed = n;
    }

    /** Quota slots free now (neither Lambda's nor other services'). */
    public int freeSlots() {
        return eniQuota - otherUsed - enis;
    }

    /** Takes a quota slot; false when the quota is reached. */
    public boolean tryTakeEniSlot() {
        if (freeSlots() <= 0) {
            return false;
        }
        enis++;
        peakEnis = Math.max(peakEnis, enis);
        return true;
    }

    public void releaseEniSlot() {
        if (enis <= 0) {
            throw new IllegalStateException(id + ": releasing an ENI slot that is not held");
        }
        enis--;
    }

    public void checkInvariants() {
        if (enis < 0 || otherUsed < 0 || enis + otherUsed > eniQuota) {
            throw new IllegalStateException(id + ": " + enis + " Lambda ENIs + " + otherUsed
                    + " other ENIs outside 0.." + eniQuota);
        }
    }
}

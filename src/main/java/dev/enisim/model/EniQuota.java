package dev.enisim.model;

/**
 * A VPC as the world runs it: the owner of the count of Lambda's ENIs against its quota (named apart from the
 * scenario's {@code Scenario.Vpc}, which only describes it).
 */
final class EniQuota {

    private final int index;
    private final String id;
    private final int eniQuota;
    private int enis;
    private int peakEnis;

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

    /** Takes a quota slot; false when the quota is reached. */
    public boolean tryTakeEniSlot() {
        if (enis >= eniQuota) {
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
        if (enis < 0 || enis > eniQuota) {
            throw new IllegalStateException(id + ": " + enis + " ENIs outside 0.." + eniQuota);
        }
    }
}

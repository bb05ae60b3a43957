package dev.enisim.model;

/**
 * A VPC as the world runs it: the owner of the count of Lambda's ENIs against its quota (named apart from the
 * scenario's {@code Scenario.Vpc}, which only describes it). The quota is shared with other services ("such as
 * Amazon EFS" [doc]): {@code otherUsedEnis} of it are theirs. Invariant: Lambda's + other ENIs <= quota.
 *
 * <p>Whose ENIs the quota counts is {@code vpcs[*].eniQuotaCountedPer} [assumed]: {@code vpc} (the default), one count
 * of every account's ENIs in the VPC, this object; {@code account}, each account's own copy of the quota (an {@code
 * EniQuota} named by its account, {@link #account}), that reports to the VPC's, which then counts every account's
 * ENIs together and has no limit of its own ({@link #perAccount}).
 */
final class EniQuota {

    private final int index;
    private final String id;
    private final int eniQuota;
    private final String account; // a copy's account id ("" for the first, or only, account); null: the VPC's count
    private boolean perAccount; // the VPC's count when each account has its own copy: no limit of its own
    private EniQuota vpc; // a copy's VPC count (every account's together); null for the VPC's own
    private int enis;
    private int peakEnis;
    private int otherUsed;

    EniQuota(int index, String id, int eniQuota) {
        this(index, id, eniQuota, null);
    }

    private EniQuota(int index, String id, int eniQuota, String account) {
        if (eniQuota < 1) {
            throw new IllegalArgumentException(id + ": ENI quota must be >= 1: " + eniQuota);
        }
        this.index = index;
        this.id = id;
        this.eniQuota = eniQuota;
        this.account = account;
    }

    /**
     * Account {@code account}'s copy of this VPC's quota ({@code eniQuotaCountedPer: account}): its ENIs count
     * against it and, without a limit, in this VPC's count, which from now on checks no limit of its own.
     */
    EniQuota copyFor(String account) {
        if (this.vpc != null) {
            throw new IllegalStateException(id + ": a copy of a copy");
        }
        perAccount = true;
        EniQuota copy = new EniQuota(index, id, eniQuota, account);
        copy.vpc = this;
        return copy;
    }

    /** A copy's account ("" for the first, or only, account); null for the VPC's own count. */
    String account() {
        return account;
    }

    /** The VPC's count of every account's ENIs, each account having its own copy of the quota. */
    boolean perAccount() {
        return perAccount;
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
        if (n < 0 || (!perAccount && n + enis > eniQuota)) {
            throw new IllegalArgumentException(name() + ": other ENIs " + n + " do not fit beside " + enis
                    + " Lambda ENIs in the quota of " + eniQuota);
        }
        if (vpc != null) {
            vpc.setOtherUsedEnis(vpc.otherUsed + n - otherUsed);
        }
        otherUsed = n;
    }

    /** Quota slots free now (neither Lambda's nor other services'); no limit for a VPC counted per account. */
    public int freeSlots() {
        return perAccount ? Integer.MAX_VALUE : eniQuota - otherUsed - enis;
    }

    /** Takes a quota slot; false when the quota is reached. */
    public boolean tryTakeEniSlot() {
        if (freeSlots() <= 0) {
            return false;
        }
        enis++;
        peakEnis = Math.max(peakEnis, enis);
        if (vpc != null) {
            vpc.tryTakeEniSlot();
        }
        return true;
    }

    public void releaseEniSlot() {
        if (enis <= 0) {
            throw new IllegalStateException(name() + ": releasing an ENI slot that is not held");
        }
        enis--;
        if (vpc != null) {
            vpc.releaseEniSlot();
        }
    }

    /** Its VPC's id, and a copy's account. */
    private String name() {
        return account == null ? id : id + " (account " + (account.isEmpty() ? "0" : account) + "'s quota)";
    }

    public void checkInvariants() {
        if (enis < 0 || otherUsed < 0 || (!perAccount && enis + otherUsed > eniQuota)) {
            throw new IllegalStateException(name() + ": " + enis + " Lambda ENIs + " + otherUsed
                    + " other ENIs outside 0.." + eniQuota);
        }
    }
}

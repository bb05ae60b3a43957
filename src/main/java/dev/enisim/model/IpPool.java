package dev.enisim.model;

import dev.enisim.model.network.Cidr;
import java.util.BitSet;

/**
 * A subnet as the world runs it: the owner of its addresses (named apart from the scenario's {@code
 * Scenario.Subnet}, which only describes it). Of the block's usable addresses (size - 5), other tenants (EC2,
 * RDS, ECS...) hold {@code otherUsedIps}; Lambda's ENIs hold one each, lowest free index first. Invariant:
 * other + Lambda-held <= usable, and no address is held twice.
 */
final class IpPool {

    private final int index;
    private final String id;
    private final Cidr cidr;
    private final String az;
    private final int vpc;
    private final int usable;
    private final BitSet lambdaHeld = new BitSet();
    private int lambdaCount;
    private int otherUsed;
    private int otherUsedRefused;

    IpPool(int index, String id, Cidr cidr, String az, int vpc, int otherUsedIps) {
        this.index = index;
        this.id = id;
        this.cidr = cidr;
        this.az = az;
        this.vpc = vpc;
        this.usable = cidr.usableAddresses();
        if (otherUsedIps < 0 || otherUsedIps > usable) {
            throw new IllegalArgumentException(id + ": other tenants' IPs " + otherUsedIps + " outside 0.." + usable);
        }
        this.otherUsed = otherUsedIps;
    }

    public int index() {
        return index;
    }

    public String id() {
        return id;
    }

    public Cidr cidr() {
        return cidr;
    }

    public String az() {
        return az;
    }

    public int vpc() {
        return vpc;
    }

    public int usableIps() {
        return usable;
    }

    public int otherUsedIps() {
        return otherUsed;
    }

    public int lambdaUsedIps() {
        return lambdaCount;
    }

    public int availableIps() {
        return usable - otherUsed - lambdaCount;
    }

    /** Takes the lowest free address for a Lambda ENI; returns its usable-address index, or -1 when full. */
    public int allocateIp() {
        if (availableIps() <= 0) {
            return -1;
        }
        int i = lambdaHeld.nextClearBit(0);
        lambdaHeld.set(i);
        lambdaCount++;
        return i;
    }

    /** Gives an address back. Releasing an address that is not held is a bug. */
    public void releaseIp(int ipIndex) {
        if (!lambdaHeld.get(ipIndex)) {
            throw new IllegalStateException(id + ": releasing address index " + ipIndex + " that is not held");
        }
        lambdaHeld.clear(ipIndex);
        lambdaCount--;
    }

    /** The dotted address of a held index (Lambda's addresses are counted from the top of the block down). */
    public String address(int ipIndex) {
        return Cidr.format(cidr.usableAddress(usable - 1 - ipIndex));
    }

    /**
     * Other tenants ask for {@code asked} addresses (the timeline's setOtherUsedIps): they get as many as Lambda's
     * ENIs leave free, and the most they were refused at once is kept ({@link #otherUsedIpsRefused}). Returns what
     * they got.
     */
    public int askOtherUsedIps(int asked) {
        int fits = Math.min(asked, usable - lambdaCount);
        setOtherUsedIps(fits);
        otherUsedRefused = Math.max(otherUsedRefused, asked - fits);
        return fits;
    }

    /** The most addresses other tenants asked for ({@link #askOtherUsedIps}) and did not get at once; 0 if none. */
    public int otherUsedIpsRefused() {
        return otherUsedRefused;
    }

    /** Other tenants grow or shrink; the caller has checked that the new figure fits. */
    public void setOtherUsedIps(int n) {
        if (n < 0 || n + lambdaCount > usable) {
            throw new IllegalArgumentException(id + ": other tenants' IPs " + n + " do not fit beside "
                    + lambdaCount + " Lambda IPs in " + usable);
        }
        otherUsed = n;
    }

    public void checkInvariants() {
        if (lambdaHeld.cardinality() != lambdaCount) {
            throw new IllegalStateException(id + ": " + lambdaHeld.cardinality() + " addresses held but count "
                    + lambdaCount);
        }
        if (otherUsed + lambdaCount > usable || otherUsed < 0) {
            throw new IllegalStateException(id + ": " + otherUsed + " + " + lambdaCount + " IPs in use > usable "
                    + usable);
        }
        if (lambdaHeld.length() > usable) {
            throw new IllegalStateException(id + ": address index " + (lambdaHeld.length() - 1) + " beyond usable");
        }
    }

    @Override
    public String toString() {
        return id + "(" + cidr + ", " + az + ")";
    }
}

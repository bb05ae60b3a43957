package dev.enisim.model;

import dev.enisim.model.eni.EniState;


/**
 * The pre-2019 VPC model: each function has its own ENIs per subnet, k of them serving k x 3 GB / memory
 * execution environments (AWS's sizing formula, rounded down). A cold start takes a slot on one, creating an ENI through EC2's API (rate-limited by a
 * token bucket) when all are full, and waits for the ENI in its init time: a new ENI is Creating for the time the
 * cold start that made it waits ({@code legacy.coldStartAttachTime}), then InUse. Functions are Active at once
 * and never go idle-Inactive.
 */
final class LegacyNetworking implements Networking {

    private final Legacy parameters;
    private final TokenBucket ec2;

    LegacyNetworking(Legacy parameters) {
        this.parameters = parameters;
        this.ec2 = new TokenBucket(parameters.ec2Burst(), parameters.ec2RefillPerSecond());
    }

    @Override
    public String keyOwner(String function) {
        return function;
    }

    @Override
    public int eniCapacity(int memoryMb, int connectionsPerEni) {
        return memoryMb; // the key's ENIs are sized from the function's memory, ENI by ENI
    }

    @Override
    public int nthEniCapacity(int memoryMb, int nth) {
        return Legacy.environmentsOfNthEni(memoryMb, nth);
    }

    @Override
    public boolean mayCallEc2(long now) {
        return ec2.tryTake(now);
    }

    @Override
    public boolean eniUsableWhileCreating() {
        return true;
    }

    @Override
    public boolean enisBeforeInvocations() {
        return false;
    }

    /**
     * A slot on one of the function's ENIs in the subnet, creating one when all are full. A subnet out of IPs sends
     * the environment to the function's subnet in another AZ: "your Lambda function can run in another Availability
     * Zone if one goes down or runs out of IP addresses" [doc-old].
     */
    @Override
    public Outcome coldStart(LambdaFunction f, int key, KeyPorts fleet, Lease start, long now) {
        HyperplaneEni e = slot(f, key, fleet, now);
        if (e == null) {
            Outcome blocked = fleet.scaleOut(key, f.index(), f.role(), now);
            if (blocked == Outcome.SUBNET_IP_LIMIT_REACHED) {
                for (int[] az : f.binding().keysByAz()) {
                    for (int other : az) {
                        if (other != key && (e = slot(f, other, fleet, now)) == null
                                && fleet.scaleOut(other, f.index(), f.role(), now) == null) {
                            e = slot(f, other, fleet, now);
                        }
                        if (e != null) {
                            start.key = other;
                            return attached(e, fleet, start, now);
                        }
                    }
                }
            }
            if (blocked != null) {
                return blocked;
            }
            e = slot(f, key, fleet, now); // the ENI just made (Creating): this cold start waits for it
        }
        return attached(e, fleet, start, now);
    }

    private static HyperplaneEni slot(LambdaFunction f, int key, KeyPorts fleet, long now) {
        return fleet.acquire(key, 1, now);
    }

    /**
     * The environment takes its slot on {@code e} and waits for its ENI ({@code legacy.coldStartAttachTime}, one draw
     * per cold start). An ENI this cold start has just made is Creating for that time and ready after it (its own
     * Creating phase); a cold start placed on an ENI another cold start is still creating waits for that ENI to be
     * ready, and at least for its own draw.
     */
    private Outcome attached(HyperplaneEni e, KeyPorts fleet, Lease start, long now) {
        start.eni = e == null ? Environments.NO_ENI : e.row();
        long wait = parameters.attachMicros().getAsLong();
        if (e != null && e.state() == EniState.Creating) {
            if (e.plannedReadyMicros() < 0) {
                fleet.readyAt(e, now + wait);
            } else {
                wait = Math.max(wait, e.plannedReadyMicros() - now);
            }
        }
        start.initMicros += wait;
        start.unbilledInitMicros += wait; // the platform's wait: in the latency, not billed as the function's INIT
        return null;
    }

    /** Legacy ENIs belong to one function's environments: no shared ports to count per invocation. */
    @Override
    public int invocationConnections(LambdaFunction f) {
        return 0;
    }

    /** The environment's slot. */
    @Override
    public int environmentConnections(LambdaFunction f) {
        return 1;
    }
}

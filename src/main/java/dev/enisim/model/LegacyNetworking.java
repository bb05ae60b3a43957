package dev.enisim.model;


/**
 * The pre-2019 VPC model: each function has its own ENIs per subnet, each serving {@code 3072 / memoryMb}
 * execution environments. A cold start takes a slot on one, creating an ENI through EC2's API (rate-limited by a
 * token bucket) when all are full, and pays for the attachment in its init time. Functions are Active at once
 * and never go idle-Inactive.
 */
public final class LegacyNetworking implements Networking {

    private final Legacy parameters;
    private final TokenBucket ec2;

    public LegacyNetworking(Legacy parameters) {
        this.parameters = parameters;
        this.ec2 = new TokenBucket(parameters.ec2Burst(), parameters.ec2RefillPerSecond());
    }

    @Override
    public String keyOwner(String function) {
        return function;
    }

    @Override
    public int eniCapacity(int memoryMb, int connectionsPerEni) {
        return Legacy.environmentsPerEni(memoryMb);
    }

    @Override
    public boolean mayCallEc2(long now) {
        return ec2.tryTake(now);
    }

    @Override
    public boolean eniReadyAtCreation() {
        return true;
    }

    @Override
    public boolean enisBeforeInvocations() {
        return false;
    }

    /** A slot on one of the function's ENIs in the subnet, creating one when all are full. */
    @Override
    public Outcome coldStart(LambdaFunction f, int key, KeyPorts fleet, Lease start, long now) {
        HyperplaneEni e = fleet.acquire(key, 1, now);
        if (e == null) {
            Outcome blocked = fleet.scaleOut(key, f.role(), now);
            if (blocked != null) {
                return blocked;
            }
            e = fleet.acquire(key, 1, now); // usable at once: the cold start pays for the attachment
        }
        start.eni = e;
        start.initMicros += parameters.attachMicros().getAsLong();
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

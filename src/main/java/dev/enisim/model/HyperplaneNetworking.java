package dev.enisim.model;


/**
 * Hyperplane (since September 2019): one set of ENIs per key (VPC, subnet, security groups) shared by every
 * function that uses it, made when the function is created; invocations and environments hold ports on them.
 */
final class HyperplaneNetworking implements Networking {

    /** EC2 calls unlimited; a request meeting a key's scale-out runs without its connection. */
    static final HyperplaneNetworking INSTANCE = new HyperplaneNetworking(0, 0, false);

    private final TokenBucket ec2;
    private final boolean eniNotReadyOnScaleOut;

    /**
     * @param ec2Burst              Lambda's CreateNetworkInterface calls EC2 accepts at once; 0: unlimited
     * @param ec2RefillPerSecond    their refill rate
     * @param eniNotReadyOnScaleOut a request that finds its key's ENIs full while another is created gets
     *                              ENINotReadyException
     */
    HyperplaneNetworking(int ec2Burst, double ec2RefillPerSecond, boolean eniNotReadyOnScaleOut) {
        this.ec2 = ec2Burst > 0 ? new TokenBucket(ec2Burst, ec2RefillPerSecond) : null;
        this.eniNotReadyOnScaleOut = eniNotReadyOnScaleOut;
    }

    /** The strategy for {@code limits}: the shared stateless one when nothing is limited. */
    static HyperplaneNetworking of(HyperplaneLimits limits) {
        return limits.ec2RequestLimit().isEmpty() && !limits.eniNotReadyOnScaleOut() ? INSTANCE
                : new HyperplaneNetworking(limits.ec2RequestLimit().map(HyperplaneLimits.Ec2RequestLimit::burst).orElse(0),
                        limits.ec2RequestLimit().map(HyperplaneLimits.Ec2RequestLimit::perSecond).orElse(0.0),
                        limits.eniNotReadyOnScaleOut());
    }

    @Override
    public String keyOwner(String function) {
        return "";
    }

    @Override
    public int eniCapacity(int memoryMb, int connectionsPerEni) {
        return connectionsPerEni;
    }

    @Override
    public boolean mayCallEc2(long nowMicros) {
        return ec2 == null || ec2.tryTake(nowMicros);
    }

    /** Hyperplane ENIs are made ahead of invocations: a refused creation is the function's (or update's) reason. */
    @Override
    public EniFailure ec2Refusal() {
        return EniFailure.EC2_REQUEST_LIMIT;
    }

    @Override
    public Outcome whileScalingOut() {
        return eniNotReadyOnScaleOut ? Outcome.ENI_NOT_READY : null;
    }

    @Override
    public boolean eniUsableWhileCreating() {
        return false;
    }

    @Override
    public boolean enisBeforeInvocations() {
        return true;
    }

    /** The environment's persistent connections (its database pool), if it has any. */
    @Override
    public Outcome coldStart(LambdaFunction f, int key, KeyPorts fleet, Lease start, long now) {
        int persistent = f.connectionsPerEnvironment();
        if (persistent > 0) {
            HyperplaneEni eni = fleet.acquire(key, persistent, now);
            if (eni == null) {
                Outcome blocked = fleet.scaleOut(key, f.index(), f.role(), now);
                return blocked != null ? blocked : Outcome.FUNCTION_ERROR_NO_PORT;
            }
            start.eni = eni.row();
        }
        return null;
    }

    @Override
    public int invocationConnections(LambdaFunction f) {
        return f.connectionsPerInvocation();
    }

    @Override
    public int environmentConnections(LambdaFunction f) {
        return f.connectionsPerEnvironment();
    }
}

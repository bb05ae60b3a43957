package dev.enisim.model;


/**
 * How functions reach their VPC: the one place the network models differ (the Policy style of Caffeine's
 * simulator). {@link HyperplaneNetworking} (since September 2019): shared ENIs per (subnet, security groups),
 * made before the function becomes Active. {@link LegacyNetworking} (before): ENIs per function and subnet, each
 * serving a few execution environments, made during cold starts through EC2's API. A third model (NAT egress,
 * say) is one more implementation; the fleet, admission and lifecycle ask this interface, never which model it is.
 */
interface Networking {


    /** Who owns the ENI keys a function's VpcConfig resolves to: "" for keys shared by every function. */
    String keyOwner(String function);

    /** What one ENI of a function's key can carry: ports (Hyperplane) or execution environments (legacy). */
    int eniCapacity(int memoryMb, int connectionsPerEni);

    /**
     * What the {@code nth} ENI (1-based) of a key carries, given the key's {@link #eniCapacity}: the same for every
     * ENI unless the model says otherwise.
     */
    default int nthEniCapacity(int keyCapacity, int nth) {
        return keyCapacity;
    }

    /** A CreateNetworkInterface call may be made now (takes its token if the model rate-limits them). */
    boolean mayCallEc2(long nowMicros);

    /** Why an ENI creation fails when {@link #mayCallEc2} says no. */
    default EniFailure ec2Refusal() {
        return EniFailure.EC2_THROTTLED;
    }

    /**
     * What a request gets that finds every ENI of its key full while Lambda creates another: null when it runs
     * without its connection (a function error), else the invoke error.
     */
    default Outcome whileScalingOut() {
        return null;
    }

    /**
     * A new ENI's slots may be taken while it is being created: the cold start that made it says when it is ready
     * ({@link KeyPorts#readyAt}, after the time that cold start waits for it), and every cold start placed on it
     * waits at least until then. When false, an ENI is ready after a sampled creation time and serves nothing before.
     */
    boolean eniUsableWhileCreating();

    /**
     * Functions have their ENIs before they run: Pending until every key has a ready ENI (creation, restore,
     * update), and reclaimed when idle. When false, ENIs come with cold starts and a function is Active at once.
     */
    boolean enisBeforeInvocations();

    /**
     * A cold start of {@code f} on {@code key}: takes what its environment holds on the key's ENIs (into {@code
     * start}). Returns the failure, or null.
     */
    Outcome coldStart(LambdaFunction f, int key, KeyPorts ports, Lease start, long nowMicros);

    /** Ports one invocation of {@code f} holds on its key's ENIs while it runs. */
    int invocationConnections(LambdaFunction f);

    /** What an environment of {@code f} gives back to its ENI when it ends. */
    int environmentConnections(LambdaFunction f);
}

package dev.enisim.model;


/**
 * Hyperplane (since September 2019): one set of ENIs per key (VPC, subnet, security groups) shared by every
 * function that uses it, made when the function is created; invocations and environments hold ports on them.
 */
public final class HyperplaneNetworking implements Networking {

    public static final HyperplaneNetworking INSTANCE = new HyperplaneNetworking();

    private HyperplaneNetworking() {
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
        return true;
    }

    @Override
    public boolean eniReadyAtCreation() {
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
                Outcome blocked = fleet.scaleOut(key, f.role(), now);
                return blocked != null ? blocked : Outcome.FUNCTION_ERROR_NO_PORT;
            }
            start.eni = eni;
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

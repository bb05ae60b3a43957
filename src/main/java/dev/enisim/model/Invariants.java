package dev.enisim.model;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.State;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The world's conservation laws, checked from scratch (for tests; not on the hot path). */
final class Invariants {

    private Invariants() {
    }

    static void check(Network network, EniFleet fleet, List<LambdaFunction> functions, Concurrency concurrency,
            EnvironmentPool environments) {
        resources(network, fleet);
        users(fleet, functions);
        concurrency(functions, concurrency, environments.accountEnvironments());
    }

    /** Every IP and quota slot is held by exactly one ENI that still exists (orphans included). */
    private static void resources(Network network, EniFleet fleet) {
        int[] enisPerVpc = new int[network.vpcs.size()];
        int[] ipsPerSubnet = new int[network.subnets.size()];
        Set<Long> addresses = new HashSet<>();
        for (HyperplaneEni eni : fleet.all) {
            eni.checkInvariants();
            if (eni.state().holdsResources()) {
                IpPool s = network.subnets.get(eni.subnet());
                enisPerVpc[s.vpc()]++;
                ipsPerSubnet[s.index()]++;
                if (!addresses.add(((long) s.index() << 32) | eni.ipIndex())) {
                    throw new IllegalStateException("address " + s.address(eni.ipIndex()) + " held twice ("
                            + eni.name() + ")");
                }
            }
            boolean inPool = fleet.pools.get(eni.key()).enis().contains(eni);
            boolean live = eni.state() != EniState.Deleted && eni.state() != EniState.Orphaned;
            if (inPool != live) {
                throw new IllegalStateException(eni.name() + " is " + eni.state() + " but "
                        + (inPool ? "still" : "not") + " in its pool");
            }
        }
        int lambdaInRegion = 0;
        for (EniQuota v : network.vpcs) {
            lambdaInRegion += v.enis();
        }
        for (EniQuota v : network.vpcs) {
            v.checkInvariants();
            if (v.enis() != enisPerVpc[v.index()]) {
                throw new IllegalStateException(v.id() + ": counts " + v.enis() + " ENIs, holds "
                        + enisPerVpc[v.index()]);
            }
        }
        // the Region's sum after each VPC's own count: a VPC's miscount is told as that VPC's
        network.region.checkInvariants(lambdaInRegion);
        for (IpPool s : network.subnets) {
            s.checkInvariants();
            if (s.lambdaUsedIps() != ipsPerSubnet[s.index()]) {
                throw new IllegalStateException(s.id() + ": counts " + s.lambdaUsedIps()
                        + " Lambda IPs, ENIs hold " + ipsPerSubnet[s.index()]);
            }
        }
    }

    /**
     * Each key's user count equals the functions, attachments and versions that hold it; a key with users never
     * has an ENI being deleted, and a key without users has no ENI in use (it would hold its IP and quota slot
     * for ever: an ENI finishing its creation after its users left is deleted at once).
     */
    private static void users(EniFleet fleet, List<LambdaFunction> functions) {
        int[] users = new int[fleet.pools.size()];
        for (LambdaFunction f : functions) {
            if (f.holdsKeys()) {
                count(users, f.binding());
            }
            Attachment a = f.attachment();
            if (a != null && a.purpose() == Attachment.Purpose.UPDATE) {
                count(users, a.binding());
            }
            for (Binding v : f.versions()) {
                if (v != null) {
                    count(users, v);
                }
            }
        }
        for (EniPool p : fleet.pools) {
            p.checkInvariants();
            if (p.users() != users[p.key()]) {
                throw new IllegalStateException("key " + p.eniKey() + " counts " + p.users() + " users, holders "
                        + users[p.key()]);
            }
            for (HyperplaneEni eni : p.enis()) {
                if (eni.state() == EniState.Deleting && p.users() > 0) {
                    throw new IllegalStateException(eni.name() + " is being deleted while its key has "
                            + p.users() + " users");
                }
                if (eni.state() == EniState.InUse && p.users() == 0) {
                    throw new IllegalStateException(eni.name() + " is in use on key " + p.eniKey()
                            + ", which has no users");
                }
            }
        }
    }

    private static void count(int[] users, Binding b) {
        for (int k : b.keys()) {
            users[k]++;
        }
    }

    private static void concurrency(List<LambdaFunction> functions, Concurrency c, int accountEnvironments) {
        int inFlight = 0;
        int unreserved = 0;
        int environments = 0;
        for (LambdaFunction f : functions) {
            f.environments().checkInvariants(f.name());
            if (f.state() != State.Active && (f.environments().idle() > 0 || f.environments().provisionedIdle() > 0)) {
                // its configuration is gone: idle environments (and the database pools they hold) end with it
                throw new IllegalStateException(f.name() + " is " + f.state() + " but keeps "
                        + f.environments().idle() + " idle and " + f.environments().provisionedIdle()
                        + " provisioned environments");
            }
            environments += f.environments().total();
            if (f.environments().busy() != f.inFlight()) {
                throw new IllegalStateException(f.name() + ": " + f.inFlight() + " in flight but "
                        + f.environments().busy() + " busy environments");
            }
            inFlight += f.inFlight();
            if (!f.reserved()) {
                unreserved += f.inFlight();
            } else if (f.inFlight() > f.reservedConcurrency()) {
                throw new IllegalStateException(f.name() + ": " + f.inFlight() + " in flight > reserved "
                        + f.reservedConcurrency());
            }
        }
        if (inFlight != c.accountInFlight() || unreserved != c.unreservedInFlight()) {
            throw new IllegalStateException("in-flight counts disagree: functions " + inFlight + "/" + unreserved
                    + ", account " + c.accountInFlight() + "/" + c.unreservedInFlight());
        }
        if (environments != accountEnvironments) {
            throw new IllegalStateException("environments: functions hold " + environments + ", account counts "
                    + accountEnvironments);
        }
        if (c.unreservedInFlight() > c.unreservedLimit() || c.accountInFlight() > c.accountLimit()) {
            throw new IllegalStateException("concurrency over limit: " + c.accountInFlight());
        }
    }
}

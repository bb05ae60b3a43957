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
        for (EniPool p : fleet.pools) { // a key's ENIs are charged to its own account's Region quota
            if (fleet.region(p.key()) != network.regionOf(p.eniKey().account())) {
                throw new IllegalStateException(p.eniKey().label() + ": charged to account "
                        + fleet.region(p.key()).account() + "'s Region quota");
            }
        }
        int[] lambdaPerAccount = new int[network.accounts()];
        for (HyperplaneEni eni : fleet.all) {
            if (eni.state().holdsResources()) {
                lambdaPerAccount[indexOf(network, fleet.region(eni.key()))]++;
            }
        }
        int[] otherPerAccount = new int[network.accounts()];
        for (EniQuota v : network.vpcs) {
            v.checkInvariants();
            if (v.enis() != enisPerVpc[v.index()]) {
                throw new IllegalStateException(v.id() + ": counts " + v.enis() + " ENIs, holds "
                        + enisPerVpc[v.index()]);
            }
            otherPerAccount[network.vpcOwner(v.index())] += v.otherUsedEnis();
            copies(network, fleet, v);
        }
        // each account's Region count after each VPC's own count: a VPC's miscount is told as that VPC's
        int lambdaInRegion = 0;
        int otherInRegion = 0;
        for (int a = 0; a < network.accounts(); a++) {
            network.region(a).checkInvariants(lambdaPerAccount[a], otherPerAccount[a] + network.outsideVpcs(a));
            lambdaInRegion += lambdaPerAccount[a];
            otherInRegion += otherPerAccount[a] + network.outsideVpcs(a);
        }
        if (network.accounts() > 1) { // the Region's total: every account's
            RegionEnis all = network.regionTotal();
            if (all.lambdaEnis() != lambdaInRegion || all.otherEnis() != otherInRegion
                    || all.peak() < lambdaInRegion + otherInRegion) {
                throw new IllegalStateException("the Region's total counts " + all.lambdaEnis() + " Lambda ENIs and "
                        + all.otherEnis() + " others (peak " + all.peak() + "), its accounts " + lambdaInRegion
                        + " and " + otherInRegion);
            }
        }
        for (IpPool s : network.subnets) {
            s.checkInvariants();
            if (s.lambdaUsedIps() != ipsPerSubnet[s.index()]) {
                throw new IllegalStateException(s.id() + ": counts " + s.lambdaUsedIps()
                        + " Lambda IPs, ENIs hold " + ipsPerSubnet[s.index()]);
            }
        }
    }

    /** The index of the account whose Region count {@code region} is. */
    /**
     * A VPC whose quota each account counts on its own ({@code eniQuotaCountedPer: account}): each copy holds its
     * account's ENIs in the VPC (the keys' quota is their account's copy), the copies add up to the VPC's count, and
     * other services' ENIs are the owner's copy's.
     */
    private static void copies(Network network, EniFleet fleet, EniQuota v) {
        List<EniQuota> copies = network.copies(v.index());
        if (copies.isEmpty() != !v.perAccount()) {
            throw new IllegalStateException(v.id() + ": counted per account but has no copy, or the reverse");
        }
        if (copies.isEmpty()) {
            return;
        }
        int enis = 0;
        int other = 0;
        for (EniQuota c : copies) {
            c.checkInvariants();
            int held = 0;
            for (HyperplaneEni eni : fleet.all) {
                if (eni.state().holdsResources() && fleet.quota(eni.key()) == c) {
                    held++;
                }
            }
            if (c.enis() != held) {
                throw new IllegalStateException(v.id() + ": account " + c.account() + "'s copy counts " + c.enis()
                        + " ENIs, holds " + held);
            }
            enis += c.enis();
            other += c.otherUsedEnis();
        }
        for (EniPool p : fleet.pools) {
            EniQuota q = fleet.quota(p.key());
            if (p.vpc() == v.index() && (q.perAccount() || q != network.quotaOf(v.index(), p.eniKey().account()))) {
                throw new IllegalStateException(p.eniKey().label() + ": counted against another account's quota");
            }
        }
        if (enis != v.enis() || other != v.otherUsedEnis()) {
            throw new IllegalStateException(v.id() + ": its accounts' copies count " + enis + " + " + other
                    + " ENIs, the VPC " + v.enis() + " + " + v.otherUsedEnis());
        }
    }

    private static int indexOf(Network network, RegionEnis region) {
        for (int a = 0; a < network.accounts(); a++) {
            if (network.region(a) == region) {
                return a;
            }
        }
        throw new IllegalStateException("a key's Region count is no account's (" + region.account() + ")");
    }

    /**
     * Each key's user count equals the functions, attachments and versions that hold it; a key with users never
     * has an ENI being deleted (unless {@code hyperplane.reuseDeletingEni} is false: then it finishes deleting), and a key without users has no ENI in use (it would hold its IP and quota slot
     * for ever: an ENI finishing its creation after its users left is deleted at once); an ENI being created is marked
     * released (its teardown waits for it) exactly while its key has no users.
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
            if (a != null) {
                sameAccount(fleet, f, a.binding());
            }
            sameAccount(fleet, f, f.binding());
            for (Binding v : f.versions()) {
                if (v != null) {
                    count(users, v);
                    sameAccount(fleet, f, v);
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
                if (eni.state() == EniState.Deleting && p.users() > 0 && fleet.reusesDeletingEnis()) {
                    throw new IllegalStateException(eni.name() + " is being deleted while its key has "
                            + p.users() + " users");
                }
                if (eni.state() == EniState.InUse && p.users() == 0) {
                    throw new IllegalStateException(eni.name() + " is in use on key " + p.eniKey()
                            + ", which has no users");
                }
                if (eni.state() == EniState.Creating && (eni.releasedWhileCreatingMicros() >= 0) != (p.users() == 0)) {
                    throw new IllegalStateException(eni.name() + " is being created on key " + p.eniKey() + " with "
                            + p.users() + " users, released at " + eni.releasedWhileCreatingMicros() + " us");
                }
            }
        }
    }

    /** A function's keys are its account's: an ENI never serves two accounts ("in your account" [doc]). */
    private static void sameAccount(EniFleet fleet, LambdaFunction f, Binding b) {
        for (int k : b.keys()) {
            if (!fleet.pools.get(k).eniKey().account().equals(f.accountId())) {
                throw new IllegalStateException(f.name() + " of account '" + f.accountId() + "' uses key "
                        + fleet.pools.get(k).eniKey() + " of another account");
            }
        }
    }

    private static void count(int[] users, Binding b) {
        for (int k : b.keys()) {
            users[k]++;
        }
    }

    /**
     * Provisioned environments are conserved: never more idle than allocated (any beyond the allocation are busy
     * and end with their invocation), and no more allocated than the last request.
     */
    private static void provisioned(LambdaFunction f) {
        Environments envs = f.environments();
        if (envs.provisionedIdle() > f.provisionedConcurrency()
                || f.provisionedConcurrency() > f.provisionedRequested()) {
            throw new IllegalStateException(f.name() + ": " + envs.provisioned() + " provisioned environments ("
                    + envs.provisionedIdle() + " idle) but " + f.provisionedConcurrency() + " allocated, "
                    + f.provisionedRequested() + " requested");
        }
    }

    private static void concurrency(List<LambdaFunction> functions, Concurrency c, int accountEnvironments) {
        int[] inFlight = new int[c.accounts()];
        int[] unreserved = new int[c.accounts()];
        int environments = 0;
        for (LambdaFunction f : functions) {
            f.environments().checkInvariants(f.name());
            if (f.state() != State.Active && (f.environments().idle() > 0 || f.environments().provisionedIdle() > 0)) {
                // its configuration is gone: idle environments (and the database pools they hold) end with it
                throw new IllegalStateException(f.name() + " is " + f.state() + " but keeps "
                        + f.environments().idle() + " idle and " + f.environments().provisionedIdle()
                        + " provisioned environments");
            }
            provisioned(f);
            environments += f.environments().total();
            if (f.environments().busy() != f.inFlight()) {
                throw new IllegalStateException(f.name() + ": " + f.inFlight() + " in flight but "
                        + f.environments().busy() + " busy environments");
            }
            inFlight[f.account()] += f.inFlight();
            if (!f.reserved()) {
                unreserved[f.account()] += f.inFlight();
            } else if (f.inFlight() > f.reservedConcurrency()) {
                throw new IllegalStateException(f.name() + ": " + f.inFlight() + " in flight > reserved "
                        + f.reservedConcurrency());
            }
        }
        int total = 0;
        for (int a = 0; a < c.accounts(); a++) {
            // each account's counts are its functions' (an invocation never counts against another account)
            if (inFlight[a] != c.inFlight(a) || unreserved[a] != c.unreservedInFlight(a)) {
                throw new IllegalStateException("in-flight counts disagree" + (a == 0 ? "" : " in account " + a)
                        + ": functions " + inFlight[a] + "/" + unreserved[a] + ", account " + c.inFlight(a) + "/"
                        + c.unreservedInFlight(a));
            }
            if (c.unreservedInFlight(a) > c.unreservedLimit(a) || c.inFlight(a) > c.accountLimit(a)) {
                throw new IllegalStateException("concurrency over limit: " + c.inFlight(a));
            }
            total += inFlight[a];
        }
        if (total != c.accountInFlight()) {
            throw new IllegalStateException("in-flight counts disagree: functions " + total + ", accounts "
                    + c.accountInFlight());
        }
        if (environments != accountEnvironments) {
            throw new IllegalStateException("environments: functions hold " + environments + ", account counts "
                    + accountEnvironments);
        }
    }
}

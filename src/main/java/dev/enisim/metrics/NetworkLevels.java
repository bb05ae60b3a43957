package dev.enisim.metrics;

import dev.enisim.model.WorldSnapshot;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network's levels per bucket: ENIs holding an IP (account, VPC, ENI key), connections per key, free IPs
 * per subnet; ENIs created, deleted and orphaned. Keys appear during the run (a VPC update to new subnets), so
 * the per-key levels grow to cover them.
 */
final class NetworkLevels {

    private final int buckets;
    private final Gauge accountEnis;
    private final Gauge[] subnetIps;
    private final Gauge[] vpcEnis;
    private final long[] vpcEniCount;
    private Gauge[] keyEnis;
    private final KeyConnections keyConnections;
    private long[] keyEniCount;
    private long liveEnis;
    private long enisCreated;
    private long enisDeleted;
    private long enisOrphaned;
    /** The bucket begun last by {@link #crossTo} (the one crossing, {@link Observers}): keys added later begin there. */
    private int bucket;

    /**
     * Levels for the world as built: its keys, subnets (and their free addresses) and VPCs; {@code buckets} buckets
     * of {@code bucketMicros}.
     */
    NetworkLevels(WorldSnapshot w, long bucketMicros, int buckets) {
        this.buckets = buckets;
        accountEnis = new Gauge(buckets, true, 0);
        keyEnis = new Gauge[0];
        keyConnections = new KeyConnections(bucketMicros, buckets);
        keyEniCount = new long[0];
        ensureKey(w.keys().size() - 1);
        subnetIps = new Gauge[w.subnets().size()];
        for (WorldSnapshot.SubnetView s : w.subnets()) {
            subnetIps[s.index()] = new Gauge(buckets, false, s.availableIps());
        }
        vpcEnis = new Gauge[w.vpcs().size()];
        vpcEniCount = new long[w.vpcs().size()];
        for (WorldSnapshot.VpcView v : w.vpcs()) {
            vpcEnis[v.index()] = new Gauge(buckets, true, 0);
        }
    }

    /** Grows the per-key levels to cover {@code key}. */
    private void ensureKey(int key) {
        int n = keyEnis.length;
        if (key < n) {
            return;
        }
        int size = key + 1;
        keyEnis = Arrays.copyOf(keyEnis, size);
        keyConnections.ensureKey(key);
        keyEniCount = Arrays.copyOf(keyEniCount, size);
        for (int i = n; i < size; i++) {
            keyEnis[i] = new Gauge(buckets, true, 0);
            keyEnis[i].crossTo(bucket);
        }
    }

    /** The connections per key (the recorder sets them directly, no bucket looked up; the keys the levels cover, it covers). */
    KeyConnections keyConnections() {
        return keyConnections;
    }

    void subnetIps(int subnet, int availableIps, int bucket) {
        subnetIps[subnet].set(bucket, availableIps);
    }

    /** As {@link #subnetIps(int, int, int)}, in the bucket begun last ({@link #crossTo}). */
    void subnetIpsNow(int subnet, int availableIps) {
        subnetIps[subnet].put(availableIps);
    }

    /** An ENI changed state: creation and the loss of its IP move the levels; deletions and orphans count. */
    void eniState(EniId eni, EniState from, EniState to, int bucket) {
        if (counted(eni, from, to)) {
            int key = eni.key();
            int vpc = eni.vpc();
            accountEnis.set(bucket, liveEnis);
            keyEnis[key].set(bucket, keyEniCount[key]);
            vpcEnis[vpc].set(bucket, vpcEniCount[vpc]);
        }
    }

    /** As {@link #eniState(EniId, EniState, EniState, int)}, in the bucket begun last ({@link #crossTo}). */
    void eniStateNow(EniId eni, EniState from, EniState to) {
        if (counted(eni, from, to)) {
            int key = eni.key();
            int vpc = eni.vpc();
            accountEnis.put(liveEnis);
            keyEnis[key].put(keyEniCount[key]);
            vpcEnis[vpc].put(vpcEniCount[vpc]);
        }
    }

    /** Counts an ENI's change (its key covered): whether the ENIs holding an address changed. */
    private boolean counted(EniId eni, EniState from, EniState to) {
        ensureKey(eni.key());
        int delta = 0;
        if (from == null) {
            enisCreated++;
            delta = 1;
        } else if (!to.holdsResources() && from.holdsResources()) {
            delta = -1;
        }
        if (to == EniState.Deleted) {
            enisDeleted++;
        } else if (to == EniState.Orphaned) {
            enisOrphaned++;
        }
        liveEnis += delta;
        keyEniCount[eni.key()] += delta;
        vpcEniCount[eni.vpc()] += delta;
        return delta != 0;
    }

    /** Every level (and the keys' connections) begins {@code b}, a later bucket: the levels carried through. */
    void crossTo(int b) {
        accountEnis.crossTo(b);
        for (Gauge g : keyEnis) {
            g.crossTo(b);
        }
        for (Gauge g : subnetIps) {
            g.crossTo(b);
        }
        for (Gauge g : vpcEnis) {
            g.crossTo(b);
        }
        keyConnections.crossTo(b);
        bucket = b;
    }

    void addAccountSeries(List<Series> out) {
        out.add(Metric.HYPERPLANE_ENI_COUNT.series(Metric.Scope.ACCOUNT, "", accountEnis.values()));
    }

    /** Per key, per subnet, per VPC, as {@code end} names them. */
    void addSeries(List<Series> out, WorldSnapshot end) {
        ensureKey(end.keys().size() - 1);
        for (WorldSnapshot.KeyView p : end.keys()) {
            out.add(Metric.HYPERPLANE_ENI_COUNT.series(Metric.Scope.ENI_KEY, p.key().label(),
                    keyEnis[p.index()].values()));
            out.add(Metric.ENI_CONNECTIONS.series(Metric.Scope.ENI_KEY, p.key().label(),
                    keyConnections.values(p.index())));
        }
        for (WorldSnapshot.SubnetView s : end.subnets()) {
            out.add(Metric.SUBNET_AVAILABLE_IPS.series(Metric.Scope.SUBNET, s.id(), subnetIps[s.index()].values()));
        }
        for (WorldSnapshot.VpcView v : end.vpcs()) {
            out.add(Metric.HYPERPLANE_ENI_COUNT.series(Metric.Scope.VPC, v.id(), vpcEnis[v.index()].values()));
        }
    }

    /**
     * The ENI counts; those in place at the start read off {@code world}'s ENIs, as the model marks them (an
     * existing function's): not "created and ready at 0", which a legacy cold start at 0 also is; and the most
     * connections one ENI held at once, the highest of its ENIs' peaks.
     */
    RunSummary.Enis enis(WorldSnapshot world) {
        long inPlace = 0;
        long peakPerEni = 0;
        for (WorldSnapshot.EniView e : world.enis()) {
            if (e.inPlaceAtStart()) {
                inPlace++;
            }
            peakPerEni = Math.max(peakPerEni, e.peakConnections());
        }
        return new RunSummary.Enis(enisCreated, accountEnis.peak(), accountEnis.current(), enisDeleted, enisOrphaned,
                inPlace, peakPerEni);
    }

    Map<String, RunSummary.VpcSummary> vpcs(WorldSnapshot world) {
        Map<String, RunSummary.VpcSummary> out = new LinkedHashMap<>();
        for (WorldSnapshot.VpcView v : world.vpcs()) {
            if (v.accounts().isEmpty()) {
                out.put(v.id(), new RunSummary.VpcSummary(v.eniQuota(), vpcEnis[v.index()].peak(),
                        vpcEnis[v.index()].current(), v.otherUsedEnis()));
                continue;
            }
            // eniQuotaCountedPer: account: each account's copy, its peak the model's (as the Region's accounts')
            Map<String, RunSummary.VpcSummary> byAccount = new LinkedHashMap<>();
            for (WorldSnapshot.AccountQuota a : v.accounts()) {
                byAccount.put(a.account(), new RunSummary.VpcSummary(a.eniQuota(), a.peakEnis(), a.enis(),
                        a.otherUsedEnis()));
            }
            out.put(v.id(), new RunSummary.VpcSummary(v.eniQuota(), vpcEnis[v.index()].peak(),
                    vpcEnis[v.index()].current(), v.otherUsedEnis(), "account", byAccount));
        }
        return out;
    }

    Map<String, RunSummary.SubnetSummary> subnets(WorldSnapshot world) {
        Map<String, RunSummary.SubnetSummary> out = new LinkedHashMap<>();
        for (WorldSnapshot.SubnetView s : world.subnets()) {
            Gauge g = subnetIps[s.index()];
            out.put(s.id(), new RunSummary.SubnetSummary(s.cidr().toString(), s.az(), s.usableIps(),
                    s.otherUsedIps(), g.low(), g.current(), s.otherUsedIpsRefused()));
        }
        return out;
    }

    /** Per key, its connections' time average and variance up to {@code endMicros} (call once, at the end). */
    Map<String, RunSummary.KeySummary> keys(WorldSnapshot world, long endMicros) {
        ensureKey(world.keys().size() - 1);
        Map<String, RunSummary.KeySummary> out = new LinkedHashMap<>();
        for (WorldSnapshot.KeyView p : world.keys()) {
            int k = p.index();
            out.put(p.key().label(), new RunSummary.KeySummary(p.key().vpcId(), p.key().subnetId(),
                    p.key().securityGroupIds(), keyEnis[k].peak(), keyEnis[k].current(),
                    keyConnections.peak(k), keyConnections.mean(k, endMicros),
                    keyConnections.variance(k, endMicros)));
        }
        return out;
    }
}

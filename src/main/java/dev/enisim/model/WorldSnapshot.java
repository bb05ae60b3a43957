package dev.enisim.model;

import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.model.network.Cidr;
import java.util.List;
import java.util.OptionalLong;

/**
 * The world as it is at one moment, as immutable values: what metrics and the run read at the start (sizes,
 * names) and at the end (final states, ENI lifetimes, teardowns). Nothing in it can change the world. Lists are
 * indexed as the world numbers things (function i is functions().get(i), and so on).
 */
public record WorldSnapshot(List<FunctionView> functions, List<VpcView> vpcs, List<SubnetView> subnets,
        List<KeyView> keys, List<EniView> enis, List<Teardown> teardowns, RegionView region,
        List<DeletionCancelled> cancellations, List<RejectedAction> rejectedActions) {

    public WorldSnapshot {
        functions = List.copyOf(functions);
        vpcs = List.copyOf(vpcs);
        subnets = List.copyOf(subnets);
        keys = List.copyOf(keys);
        enis = List.copyOf(enis);
        teardowns = List.copyOf(teardowns);
        cancellations = List.copyOf(cancellations);
        rejectedActions = List.copyOf(rejectedActions);
    }

    /** A world whose timeline Lambda refused nothing of. */
    public WorldSnapshot(List<FunctionView> functions, List<VpcView> vpcs, List<SubnetView> subnets,
            List<KeyView> keys, List<EniView> enis, List<Teardown> teardowns, RegionView region,
            List<DeletionCancelled> cancellations) {
        this(functions, vpcs, subnets, keys, enis, teardowns, region, cancellations, List.of());
    }

    /** A world in which no ENI deletion was cancelled. */
    public WorldSnapshot(List<FunctionView> functions, List<VpcView> vpcs, List<SubnetView> subnets,
            List<KeyView> keys, List<EniView> enis, List<Teardown> teardowns, RegionView region) {
        this(functions, vpcs, subnets, keys, enis, teardowns, region, List.of());
    }

    /**
     * EC2's "Network interfaces per Region" as the world counts it: a quota of each account.
     *
     * @param limit      the quota (5,000 by default) of the only account; 0 with several accounts (each has its own:
     *                   {@code accounts})
     * @param lambdaEnis Lambda's ENIs of every VPC now (every account's)
     * @param otherEnis  other services' ENIs now (the VPCs' otherUsedEnis and the interfaces in no VPC's quota)
     * @param peak       the most ENIs (Lambda's and others') the Region held at once (every account's together)
     * @param accounts   each account's, in the order of the scenario's accounts; empty in a single-account world
     */
    public record RegionView(int limit, int lambdaEnis, int otherEnis, int peak, List<AccountRegion> accounts) {
        public RegionView {
            accounts = List.copyOf(accounts);
        }

        /** A single-account world's. */
        public RegionView(int limit, int lambdaEnis, int otherEnis, int peak) {
            this(limit, lambdaEnis, otherEnis, peak, List.of());
        }
    }

    /**
     * One account's network interfaces in the Region, against its own quota.
     *
     * @param limit       its networkInterfacesPerRegion
     * @param lambdaEnis  the Lambda ENIs of its keys now (its functions', in its VPCs or those shared with it)
     * @param otherEnis   its other ENIs now: the otherUsedEnis of the VPCs it owns, and {@code outsideVpcs}
     * @param outsideVpcs its interfaces in no VPC's quota (otherNetworkInterfaces)
     * @param peak        the most it held at once
     */
    public record AccountRegion(String account, int limit, int lambdaEnis, int otherEnis, int outsideVpcs, int peak) {
    }

    /** @param state null until the function is created */
    public record FunctionView(int index, String name, State state, StateReasonCode reason,
            LastUpdateStatus lastUpdateStatus) {
    }

    /**
     * @param enis          Lambda's ENIs holding a quota slot now (every account's)
     * @param otherUsedEnis other services' ENIs holding slots of the same quota now
     * @param accounts      its quota counted per account ({@code eniQuotaCountedPer: account}): each account's copy
     *                      (its owner's and those of the accounts with keys in it), in the accounts' order; else empty
     */
    public record VpcView(int index, String id, int eniQuota, int enis, int otherUsedEnis,
            List<AccountQuota> accounts) {
        public VpcView {
            accounts = List.copyOf(accounts);
        }

        /** A VPC whose quota counts every account's ENIs together. */
        public VpcView(int index, String id, int eniQuota, int enis, int otherUsedEnis) {
            this(index, id, eniQuota, enis, otherUsedEnis, List.of());
        }
    }

    /**
     * One account's copy of a VPC's ENI quota ({@code eniQuotaCountedPer: account}).
     *
     * @param account       its id ("" for a single-account world's only account)
     * @param enis          its Lambda ENIs in the VPC now
     * @param otherUsedEnis other services' ENIs in its copy now (the VPC owner's copy holds them)
     * @param peakEnis      the most of its Lambda ENIs the VPC held at once
     */
    public record AccountQuota(String account, int eniQuota, int enis, int otherUsedEnis, int peakEnis) {
    }

    /**
     * @param otherUsedIpsRefused the most addresses other tenants asked for (the timeline's setOtherUsedIps) and did
     *                            not get at once, Lambda's ENIs holding the rest; 0 when they always got them
     */
    public record SubnetView(int index, String id, Cidr cidr, String az, int vpc, int usableIps, int otherUsedIps,
            int availableIps, int otherUsedIpsRefused) {

        /** A subnet whose other tenants were never refused an address. */
        public SubnetView(int index, String id, Cidr cidr, String az, int vpc, int usableIps, int otherUsedIps,
                int availableIps) {
            this(index, id, cidr, az, vpc, usableIps, otherUsedIps, availableIps, 0);
        }
    }

    /** An ENI key and the connections its ENIs hold now. */
    public record KeyView(int index, EniKey key, int connections) {
    }

    /**
     * An ENI's state, the connections it holds and its lifetime; times in microseconds, each step empty where it has
     * not happened.
     *
     * @param readyMicros             when it first became InUse
     * @param deletionRequestedMicros when its last deletion was requested (empty again if it was reused since)
     * @param orphanedMicros          when its deletion failed and left it orphaned
     * @param endedMicros             when it was deleted
     * @param inPlaceAtStart          it existed before the run (an existing function's, put in place at the start),
     *                                not created by it (a legacy cold start at 0 makes one ready at 0 too)
     * @param releasedWhileCreatingMicros when its key lost its last user while it was still being created (its
     *                                deletion was requested when it was ready); empty if that never happened, or a
     *                                user came back before its deletion
     * @param peakConnections         the most connections it held at once over the run (at most {@code capacity})
     * @param capacity                the connections it can carry (hyperplane.connectionsPerEni; under the legacy
     *                                model, the environments its memory allows)
     */
    public record EniView(EniId id, EniState state, int connections, long createdMicros, OptionalLong readyMicros,
            OptionalLong deletionRequestedMicros, OptionalLong orphanedMicros, OptionalLong endedMicros,
            boolean inPlaceAtStart, OptionalLong releasedWhileCreatingMicros, int peakConnections, int capacity) {
    }
}

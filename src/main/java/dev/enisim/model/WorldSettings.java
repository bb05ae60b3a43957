package dev.enisim.model;

import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * What the world is built with: limits, the ENI timings (samplers with their own streams), scaling and the
 * network model.
 *
 * @param accountConcurrencyLimit account ConcurrentExecutions limit
 * @param connectionsPerEni       ports per ENI
 * @param eniRetryBackoffMicros   wait before retrying an ENI creation that failed
 * @param idleReclaimAfterMicros  a VPC function not invoked for this long goes Inactive
 * @param eniCreateMicros         draws the time to create a new ENI
 * @param attachExistingMicros    draws the time to attach to a key that already has a ready ENI
 * @param eniDeleteMicros         draws the time Lambda takes to delete an ENI nobody uses
 * @param keepAliveMicros         an idle execution environment is reclaimed after this long
 * @param initCapMicros           a cold start's init duration is cut here (10 s)
 * @param scaling                 how fast environments may be added
 * @param networking              how functions reach their VPC (Hyperplane or the pre-2019 model)
 * @param warmRouting             which idle environment a warm invocation takes
 * @param networkInterfacesPerRegion EC2's network interfaces per Region, shared by every VPC (5,000 by default [doc])
 * @param stuckPendingAfterMicros an update or PublishVersion on a function Pending for longer than this puts it in
 *                                Failed (6 min [doc])
 * @param routingRandom           uniform draws below a bound, for {@link WarmRouting#RANDOM} (no other policy
 *                                draws; {@link #NO_DRAWS} when the routing never draws)
 * @param provisioning            how provisioned concurrency requested on the timeline is allocated
 */
public record WorldSettings(int accountConcurrencyLimit, int connectionsPerEni, long eniRetryBackoffMicros,
        long idleReclaimAfterMicros, LongSupplier eniCreateMicros, LongSupplier attachExistingMicros,
        LongSupplier eniDeleteMicros, long keepAliveMicros, long initCapMicros, Scaling scaling,
        Networking networking, WarmRouting warmRouting, int networkInterfacesPerRegion, long stuckPendingAfterMicros,
        IntUnaryOperator routingRandom, ProvisionedAllocation provisioning) {

    /** Settings with provisioned concurrency allocated at AWS's documented pace. */
    public WorldSettings(int accountConcurrencyLimit, int connectionsPerEni, long eniRetryBackoffMicros,
            long idleReclaimAfterMicros, LongSupplier eniCreateMicros, LongSupplier attachExistingMicros,
            LongSupplier eniDeleteMicros, long keepAliveMicros, long initCapMicros, Scaling scaling,
            Networking networking, WarmRouting warmRouting, int networkInterfacesPerRegion, long stuckPendingAfterMicros,
            IntUnaryOperator routingRandom) {
        this(accountConcurrencyLimit, connectionsPerEni, eniRetryBackoffMicros, idleReclaimAfterMicros,
                eniCreateMicros, attachExistingMicros, eniDeleteMicros, keepAliveMicros, initCapMicros, scaling,
                networking, warmRouting, networkInterfacesPerRegion, stuckPendingAfterMicros, routingRandom,
                ProvisionedAllocation.DEFAULT);
    }

    /** Draws for a warm routing that never draws: fails if asked. */
    public static final IntUnaryOperator NO_DRAWS = bound -> {
        throw new IllegalStateException("this warm routing draws no random numbers");
    };

    /** Init is capped at 10 s by Lambda [doc]. */
    public static final long INIT_CAP_MICROS = 10_000_000L;
}

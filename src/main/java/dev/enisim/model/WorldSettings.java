package dev.enisim.model;

import dev.enisim.model.eni.EniKey;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * What the world is built with: the scenario's settings, read through {@link Configuration} (the scenario's own
 * record, no copy), and what the run makes for them: the ENI timings' samplers (each key's from random streams of its
 * own: {@link EniTimings}), the network model's strategy and the warm routing's draws. The accessors are the ones the
 * model's owners call; each owner reads them once, when it is built (the samplers when it draws), never per
 * invocation.
 *
 * @param config        the scenario's settings
 * @param eniTimings    a key's samplers of the time to create a new ENI, to attach to a key that already has a ready
 *                      ENI, and the time Lambda takes to delete an ENI nobody uses
 * @param networking    how functions reach their VPC (Hyperplane or the pre-2019 model): a strategy with state,
 *                      package-private; from outside, the constructors below make it from the network model's
 *                      parameters ({@link HyperplaneLimits}, {@link Legacy})
 * @param routingRandom uniform draws below a bound, for {@link WarmRouting#RANDOM} (no other policy draws;
 *                      {@link #NO_DRAWS} when the routing never draws)
 */
public record WorldSettings(Configuration config, EniTimings eniTimings, Networking networking,
        IntUnaryOperator routingRandom) {

    /** Settings of a world of the Hyperplane network model. */
    public WorldSettings(Configuration config, EniTimings eniTimings, HyperplaneLimits hyperplane,
            IntUnaryOperator routingRandom) {
        this(config, eniTimings, HyperplaneNetworking.of(hyperplane), routingRandom);
    }

    /** Settings of a world of the pre-2019 network model. */
    public WorldSettings(Configuration config, EniTimings eniTimings, Legacy legacy, IntUnaryOperator routingRandom) {
        this(config, eniTimings, new LegacyNetworking(legacy), routingRandom);
    }

    /**
     * The ENI timings' samplers, one per key and timing, so that a key's timings are common random numbers: they
     * depend on the key's identity (its VPC, subnet, security groups, account and, under the legacy model, function)
     * and the run's seed, not on which other keys exist or in which order ENIs are made. The fleet asks for a key's
     * sampler of a timing once, at that key's first draw of it, and draws every later one of the key from it.
     */
    @FunctionalInterface
    public interface EniTimings {

        /** The sampler of {@code timing}'s durations (microseconds) for the ENIs of {@code key}. */
        LongSupplier sampler(Timing timing, EniKey key);

        /**
         * The same three samplers for every key: each one sequence drawn in the order ENIs ask for it, whatever their
         * key (tests, with constant times).
         */
        static EniTimings shared(LongSupplier create, LongSupplier attachExisting, LongSupplier delete) {
            return (timing, key) -> switch (timing) {
                case CREATE -> create;
                case ATTACH_EXISTING -> attachExisting;
                case DELETE -> delete;
            };
        }

        /** The ENI timings that are drawn. */
        enum Timing {
            /** The time to create a new ENI ({@code hyperplane.eniCreateTime}). */
            CREATE,
            /** The time to attach to a key that already has a ready ENI ({@code hyperplane.attachExistingTime}). */
            ATTACH_EXISTING,
            /** The time Lambda takes to delete an ENI nobody uses ({@code hyperplane.eniDeleteTime}). */
            DELETE
        }
    }

    /**
     * What the model reads of the scenario's settings (the scenario's record is one: the model reads the values the
     * loader validated, not a copy of them). A setting the model needs is a method here, one of
     * {@link WorldSettings} named as its owner calls it, and the scenario's component (or a method of the scenario
     * that reads it from its block).
     */
    public interface Configuration {
        /** The account's ConcurrentExecutions limit. */
        int accountConcurrencyLimit();

        /** Ports per ENI. */
        int connectionsPerEni();

        /** Wait before retrying an ENI creation that failed. */
        long eniRetryBackoffMicros();

        /** A VPC function not invoked for this long goes Inactive. */
        long idleReclaimAfterMicros();

        /** An idle execution environment is reclaimed after this long. */
        long keepAliveMicros();

        /** How fast environments may be added. */
        Scaling scalingRule();

        /** Which idle environment a warm invocation takes. */
        WarmRouting warmRouting();

        /** EC2's network interfaces per Region, shared by every VPC (5,000 by default [doc]). */
        int networkInterfacesPerRegion();

        /**
         * An update or PublishVersion on a function Pending for longer than this puts it in Failed (6 min [doc]).
         */
        long stuckPendingAfterMicros();

        /** How provisioned concurrency requested on the timeline is allocated. */
        ProvisionedAllocation provisioning();

        /**
         * A function or version that starts using a key whose ENIs are being deleted (no user left) takes them back,
         * cancelling their deletion (true, the default), or has a new ENI created while they finish deleting (false)
         * [assumed: AWS documents neither].
         */
        default boolean reuseDeletingEni() {
            return true;
        }

        /**
         * A creation Lambda cancels (an update or PublishVersion on a function Pending too long) keeps the ENIs made
         * for it until the function is deleted (true); false, the default: the Failed function uses no key, and an
         * ENI no other function uses is deleted [assumed: AWS says only that the operation is cancelled].
         */
        default boolean cancelledCreationKeepsEnis() {
            return false;
        }

        /**
         * After an ENI creation fails for lack of IPs or quota, Lambda's back-off ({@link #eniRetryBackoffMicros})
         * holds back every creation for the key: other functions created, restored or updated onto it fail at once
         * for the same reason, and requests that find its ENIs full too (true, the default); false: only the
         * function it failed for waits, another tries at once [assumed: AWS documents the wait, not whose it is]. A
         * failure for the role's permissions holds back that role's creations only, either way.
         */
        default boolean eniRetryBackoffPerKey() {
            return true;
        }
    }

    public int accountConcurrencyLimit() {
        return config.accountConcurrencyLimit();
    }

    public int connectionsPerEni() {
        return config.connectionsPerEni();
    }

    public long eniRetryBackoffMicros() {
        return config.eniRetryBackoffMicros();
    }

    public long idleReclaimAfterMicros() {
        return config.idleReclaimAfterMicros();
    }

    public long keepAliveMicros() {
        return config.keepAliveMicros();
    }

    public Scaling scaling() {
        return config.scalingRule();
    }

    public WarmRouting warmRouting() {
        return config.warmRouting();
    }

    public int networkInterfacesPerRegion() {
        return config.networkInterfacesPerRegion();
    }

    public long stuckPendingAfterMicros() {
        return config.stuckPendingAfterMicros();
    }

    public ProvisionedAllocation provisioning() {
        return config.provisioning();
    }

    public boolean reuseDeletingEni() {
        return config.reuseDeletingEni();
    }

    public boolean cancelledCreationKeepsEnis() {
        return config.cancelledCreationKeepsEnis();
    }

    public boolean eniRetryBackoffPerKey() {
        return config.eniRetryBackoffPerKey();
    }

    /** A cold start's init duration is cut here: 10 s [doc]. */
    public long initCapMicros() {
        return INIT_CAP_MICROS;
    }

    /** Draws for a warm routing that never draws: fails if asked. */
    public static final IntUnaryOperator NO_DRAWS = bound -> {
        throw new IllegalStateException("this warm routing draws no random numbers");
    };

    /** Init is capped at 10 s by Lambda [doc]. */
    public static final long INIT_CAP_MICROS = 10_000_000L;
}

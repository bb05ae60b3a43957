package dev.enisim.model;

import dev.enisim.model.SimEvent.AsyncAttempt;
import dev.enisim.model.SimEvent.SqsBatchStep;
import dev.enisim.model.SimEvent.SqsRetention;
import dev.enisim.model.SimEvent.SqsScaleUp;
import dev.enisim.model.function.FunctionConfiguration;
import dev.enisim.model.network.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The model as a run sees it, its one public class with state: declared through {@link Builder} in scenario order,
 * then driven by events ({@link #arrive} for arrivals, {@link #handle} for the rest) and read as values
 * ({@link #snapshot()}). Behind it, package-private: the running {@link World}, the asynchronous queue
 * ({@link AsyncInvocations}) and the SQS pollers ({@link SqsEventSource}), the two sources of invocations layered
 * above the world's admission. Nothing outside this package holds a mutable part of the model.
 */
public final class LambdaService {

    private final World world;
    private final AsyncInvocations async;
    private final SqsEventSource[] sqs;          // null where the function is not fed by a queue
    private final IntToLongFunction durations;   // a function's invocation durations, by index (synchronous arrivals)
    private final boolean[] synchronous;         // neither fed by a queue nor invoked asynchronously (one load)

    private LambdaService(World world, AsyncInvocations async, SqsEventSource[] sqs, IntToLongFunction durations) {
        this.world = world;
        this.async = async;
        this.sqs = sqs;
        this.synchronous = new boolean[sqs.length];
        for (int f = 0; f < sqs.length; f++) {
            synchronous[f] = sqs[f] == null && !async.isAsync(f);
        }
        this.durations = durations;
    }

    /**
     * The idle on-demand execution environments an {@code existing: Active} function starts with under
     * {@code warmEnvironments: auto}: those a steady run of its traffic keeps within the keep-alive (the M/G/inf
     * occupancy's levels, {@code WarmStart}), rounded. A figure of the model's rules, given here because the model's
     * entry is the one class with behaviour others may name.
     *
     * @param ratePerSecond     the function's arrival rate at time 0 (per second, >= 0)
     * @param meanSeconds       its mean invocation duration (seconds, >= 0; no init: a warm start has none)
     * @param keepAliveSeconds  the keep-alive (seconds, >= 0)
     * @param provisioned       its provisioned concurrency (levels it serves need no on-demand environment)
     * @param most              the most it can run at once (reserved concurrency, else the account's limit)
     */
    public static int warmEnvironments(double ratePerSecond, double meanSeconds, double keepAliveSeconds,
            int provisioned, int most) {
        return WarmStart.environments(ratePerSecond, meanSeconds, keepAliveSeconds, provisioned, most);
    }

    /**
     * Starts declaring a model.
     *
     * @param settings what does not change during a run (limits, timings and their samplers, the network model)
     * @param port     where the model schedules its follow-up events
     * @param listener told every fact of the world the metrics need
     * @param async    told what the asynchronous queue does
     * @param sqs      told what the SQS pollers do
     */
    public static Builder builder(WorldSettings settings, Port port, WorldListener listener, AsyncListener async,
            SqsListener sqs) {
        return new Builder(settings, port, listener, async, sqs);
    }

    /**
     * An arrival for {@code function}: a message sent to its queue, an event queued for it (asynchronous), or
     * else a synchronous invocation, its duration drawn now from the function's durations.
     */
    public void arrive(int function, long nowMicros) {
        if (synchronous[function]) {
            world.invoke(function, nowMicros, durations.applyAsLong(function));
        } else if (sqs[function] != null) {
            sqs[function].send(nowMicros); // an arrival is a message sent to the function's queue
        } else {
            async.receive(function, nowMicros);
        }
    }

    /**
     * Reads the model's rows that an arrival of {@code function} reads first and returns them folded together
     * (meaningless: the caller keeps it so that the reads stay): a look ahead, so that the rows are fetched while
     * another event is handled. Changes nothing.
     */
    public long touchArrival(int function) {
        return world.touchInvocation(function);
    }

    /**
     * Whether the run reads rows ahead ({@link #touchArrival}, {@link #touch(int, long)}): off, the model does not
     * keep what only the reads ahead use (one store less per take and return of an idle environment).
     */
    public void readAhead(boolean on) {
        world.readAhead(on);
    }

    /**
     * As {@link #touchArrival}, for the plain event ({@code kind}, {@code payload}) of
     * {@link #handle(int, long, long)}.
     */
    public long touch(int kind, long payload) {
        return world.touch(kind, payload);
    }

    /** The function the plain event ({@code kind}, {@code payload}) is of (an invocation's end), or -1. */
    public int functionOf(int kind, long payload) {
        return kind == SimEvent.INVOCATION_END ? Invocations.function(payload) : -1;
    }

    /** Dispatches one of the model's own events or a timeline action (arrivals come through {@link #arrive}). */
    public void handle(SimEvent event, long nowMicros) {
        if (event instanceof AsyncAttempt attempt) {
            async.attempt(attempt, nowMicros);
        } else if (event instanceof SqsBatchStep step) {
            sqs[step.function()].step(step, nowMicros);
        } else if (event instanceof SqsScaleUp up) {
            sqs[up.function()].scaleUp(nowMicros);
        } else if (event instanceof SqsRetention r) {
            sqs[r.function()].retention(nowMicros);
        } else {
            world.handle(event, nowMicros);
        }
    }

    /** Dispatches one of the model's plain events: an invocation's end ({@link SimEvent#INVOCATION_END}). */
    public void handle(int kind, long payload, long nowMicros) {
        world.handle(kind, payload, nowMicros);
    }

    /** The world now, as immutable values (names, states, ENIs and their lifetimes, teardowns). */
    public WorldSnapshot snapshot() {
        return world.snapshot();
    }

    /**
     * Checks every capacity rule and conservation law of the world, the asynchronous queue and the SQS pollers;
     * throws {@link IllegalStateException} naming the first one broken (slow: for tests).
     */
    public void checkInvariants() {
        world.checkInvariants();
        async.checkInvariants();
        for (SqsEventSource q : sqs) {
            if (q != null) {
                q.checkInvariants();
            }
        }
    }

    /**
     * Declares the model in scenario order, so that its indices are the scenario's (VPC, subnet, security group,
     * account, function i); {@link #build()} once. Nothing is added afterwards: a change during the run is a
     * timeline event. The world's parts are built by {@link WorldBuilder}, which this declares into.
     */
    public static final class Builder {

        private final WorldBuilder world;
        private final Port port;
        private final AsyncListener asyncListener;
        private final SqsListener sqsListener;
        private final List<LongSupplier> durations = new ArrayList<>();
        private final List<AsyncConfig> asyncConfigs = new ArrayList<>();
        private final List<RandomGenerator> deliveryFailures = new ArrayList<>();
        private final List<SqsConfig> queues = new ArrayList<>();
        private IntToLongFunction byIndex;
        private boolean built;

        private Builder(WorldSettings settings, Port port, WorldListener listener, AsyncListener async,
                SqsListener sqs) {
            this.world = new WorldBuilder(settings, port, listener);
            this.port = port;
            this.asyncListener = async;
            this.sqsListener = sqs;
        }

        /** A VPC whose quota other services' ENIs already share ({@code otherUsedEnis}, as many as fit). */
        public int addVpc(String id, int eniQuota, int otherUsedEnis) {
            return world.addVpc(id, eniQuota, otherUsedEnis);
        }

        /** The same for a VPC account {@code owner} owns (its index; 0 for the first). */
        public int addVpc(String id, int eniQuota, int otherUsedEnis, int owner) {
            return world.addVpc(id, eniQuota, otherUsedEnis, owner);
        }

        /** The same, its quota counted per account when {@code perAccount} ({@code eniQuotaCountedPer: account}). */
        public int addVpc(String id, int eniQuota, int otherUsedEnis, int owner, boolean perAccount) {
            return world.addVpc(id, eniQuota, otherUsedEnis, owner, perAccount);
        }

        /** Network interfaces of the Region in no VPC's quota: they count against the Region's limit only. */
        public int addOtherRegionInterfaces(int count) {
            return world.addOtherRegionInterfaces(count);
        }

        /** The same for account {@code account} (its index; 0 for the first), against its own Region quota. */
        public int addOtherRegionInterfaces(int account, int count) {
            return world.addOtherRegionInterfaces(account, count);
        }

        /** A NAT gateway in a VPC's Availability Zone with {@code addresses} IPv4 addresses (1 to 8). */
        public int addNatGateway(String vpcId, String id, String az, int addresses) {
            return world.addNatGateway(vpcId, id, az, addresses);
        }

        /** A security group of a VPC; its index is the next of the world's (every VPC's, in the order added). */
        public int addSecurityGroup(String vpcId, String groupId) {
            return world.addSecurityGroup(vpcId, groupId);
        }

        public int addSubnet(String vpcId, String id, Cidr cidr, String az, int otherUsedIps) {
            return world.addSubnet(vpcId, id, cidr, az, otherUsedIps);
        }

        /**
         * A key (subnet + security groups, of account {@code account}: 0 for the first) that starts with {@code enis}
         * in-use ENIs when an existing Active function uses it (Hyperplane scaled it out before the run).
         */
        public void enisAtStart(String vpcId, String subnetId, List<String> securityGroupIds, int account, int enis) {
            world.enisAtStart(vpcId, subnetId, securityGroupIds, account, enis);
        }

        /** Names account 0 (in a scenario with several accounts; a single-account world's has no id). */
        public void setFirstAccount(String id) {
            world.setFirstAccount(id);
        }

        /** Another account over the same VPCs (after {@link #setFirstAccount}): returns its index. */
        public int addAccount(String id, int concurrencyLimit) {
            return world.addAccount(id, concurrencyLimit);
        }

        /** The same with the account's own EC2 network interfaces per Region. */
        public int addAccount(String id, int concurrencyLimit, int networkInterfacesPerRegion) {
            return world.addAccount(id, concurrencyLimit, networkInterfacesPerRegion);
        }

        /**
         * Adds a function of account {@code account} (0 for the first), invoked synchronously unless declared
         * {@link #asynchronous} or {@link #fedByQueue}; it is created by the {@link SimEvent.CreateFunction} (or
         * {@link SimEvent.ExistingFunction}) the run schedules.
         *
         * @param subnetChoice the function's stream for choosing a subnet
         * @param initMicros   draws a cold start's init duration
         * @param duration     draws an invocation's duration
         */
        public int addFunction(FunctionConfiguration config, RandomGenerator subnetChoice, LongSupplier initMicros,
                int account, LongSupplier duration) {
            int i = world.addFunction(config, subnetChoice, initMicros, account);
            durations.add(duration);
            asyncConfigs.add(null);
            deliveryFailures.add(null);
            queues.add(null);
            return i;
        }

        /**
         * Function {@code function} sends {@code share} of its connections to {@code destination} through its VPC's
         * NAT gateway; {@code keptOpen}: it leaves them open after each invocation.
         */
        public void addEgress(int function, String destination, double share, boolean keptOpen) {
            world.addEgress(function, destination, share, keptOpen);
        }

        /**
         * Every function's durations drawn by index, {@code all.applyAsLong(function)}, where a synchronous arrival
         * draws one (one call for all functions, whose draws a table may keep together): each must draw what the
         * function's own duration given to {@link #addFunction} draws, which the asynchronous queue and the SQS
         * pollers still use.
         */
        public void durations(IntToLongFunction all) {
            open();
            byIndex = all;
        }

        /** Function {@code function} is invoked asynchronously: its arrivals are events queued by Lambda. */
        public void asynchronous(int function, AsyncConfig config, RandomGenerator deliveryFailures) {
            open();
            asyncConfigs.set(function, config);
            this.deliveryFailures.set(function, deliveryFailures);
        }

        /** Function {@code function} is fed by an SQS queue: its arrivals are messages sent to the queue. */
        public void fedByQueue(int function, SqsConfig config) {
            open();
            queues.set(function, config);
        }

        private void open() {
            if (built) {
                throw new IllegalStateException("the model is built: a change during the run is a timeline event");
            }
        }

        /** The model, with everything declared; the builder is spent. */
        public LambdaService build() {
            World w = world.build(); // throws if built already
            built = true;
            int n = durations.size();
            AsyncInvocations async = new AsyncInvocations(w, port, asyncListener, n);
            SqsEventSource[] sqs = new SqsEventSource[n];
            for (int i = 0; i < n; i++) {
                if (queues.get(i) != null) {
                    sqs[i] = new SqsEventSource(i, queues.get(i), w, port, sqsListener, durations.get(i));
                }
                if (asyncConfigs.get(i) != null) {
                    async.add(i, asyncConfigs.get(i), durations.get(i), deliveryFailures.get(i));
                }
            }
            LongSupplier[] each = durations.toArray(new LongSupplier[0]);
            return new LambdaService(w, async, sqs, byIndex != null ? byIndex : f -> each[f].getAsLong());
        }
    }
}

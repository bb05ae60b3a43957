package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.enisim.model.AsyncDrop;
import dev.enisim.model.AsyncListener;
import dev.enisim.model.Outcome;
import dev.enisim.model.SqsListener;
import dev.enisim.model.WorldListener;
import dev.enisim.model.WorldSnapshot;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every recorder with time buckets in {@link Observers}' one crossing (round 2's sixteenth pass): the NAT,
 * provisioned, accounts', asynchronous and SQS recorders and the network's levels (ENIs per account, VPC and key, free
 * addresses per subnet; keys that appear during the run) write in the bucket {@link Observers} crossed them into, with
 * no edge test of their own, and build the same outputs as each told directly through its own listener methods,
 * crossing its own buckets at its own calls (the code before, kept as those methods): random calls of every kind over
 * random buckets (edges, shared instants, quiet stretches), crossed at the first call past each edge, at every edge
 * (as a run does; then no call crossed one), or either at random.
 */
class EveryRecorderCrossingProperties {

    private static final String ONE = "111111111111";
    private static final String TWO = "222222222222";
    private static final Outcome[] OUTCOMES = Outcome.all();
    private static final EniState[] CYCLE = {null, EniState.Creating, EniState.InUse, EniState.Deleting,
        EniState.Deleted};
    private static final int GATEWAYS = 2;
    private static final int DESTINATIONS = 3;

    /** The keys ENIs are made in: 0 is in the world from the start, 1 and 2 appear during the run. */
    private static final EniKey[] KEYS = {new EniKey("vpc-1", "subnet-a", List.of("sg-1"), "", ONE),
        new EniKey("vpc-1", "subnet-b", List.of("sg-2"), "", TWO), new EniKey("vpc-1", "subnet-a", List.of("sg-3"),
            "", TWO)};

    /** A run's recorders, behind one {@link Observers} (levels and executions left out: OneCrossingProperties). */
    static final class Recorders {
        final int functions;
        final long duration;
        final Recorder recorder;
        final LatencyRecorder latency;
        final Journal journal = new Journal();
        final NatRecorder nat;
        final ProvisionedRecorder provisioned;
        final AccountsRecorder accounts;
        final AsyncRecorder async;
        final SqsRecorder sqs;
        final Observers observers;

        Recorders(int functions, long duration, long bucket) {
            this.functions = functions;
            this.duration = duration;
            List<String> names = CombinedCallsProperties.names(functions);
            recorder = new Recorder(duration, bucket);
            recorder.attach(world(functions, 1));
            latency = new LatencyRecorder(duration, bucket);
            latency.attach(names);
            journal.attach(names);
            nat = new NatRecorder(duration, bucket, List.of("nat-a", "nat-b"), List.of("db", "api", "s3"));
            provisioned = new ProvisionedRecorder(duration, bucket);
            List<OptionalInt> configured = new ArrayList<>();
            int[] account = new int[functions];
            boolean[] asynchronous = new boolean[functions];
            boolean[] fed = new boolean[functions];
            for (int f = 0; f < functions; f++) {
                configured.add(tracked(f) ? OptionalInt.of(f == 0 ? 2 : 0) : OptionalInt.empty());
                account[f] = f % 2;
                asynchronous[f] = asynchronous(f);
                fed[f] = fed(f);
            }
            provisioned.attach(names, configured);
            accounts = new AccountsRecorder(duration, bucket, List.of(ONE, TWO), names, account);
            async = new AsyncRecorder(duration, bucket);
            sqs = new SqsRecorder(duration, bucket);
            observers = new Observers(recorder, latency, journal, nat, null, null, provisioned, accounts, async, sqs);
            async.attach(names, asynchronous); // after the observers, as a run attaches them
            sqs.attach(names, fed);
        }

        /** Every output, as text: the summary (JSON), every series, the journal, every section. */
        String outputs() throws JsonProcessingException {
            WorldSnapshot end = world(functions, KEYS.length);
            StringBuilder out = new StringBuilder();
            List<Series> series = CombinedCallsProperties.summaryAndSeries(out, recorder, latency, end, duration);
            series.addAll(nat.series());
            series.addAll(provisioned.series());
            series.addAll(accounts.series());
            series.addAll(async.series());
            series.addAll(sqs.series());
            CombinedCallsProperties.append(out, series);
            for (int g = 0; g < GATEWAYS; g++) {
                out.append(nat.refusedTotal(g)).append(' ');
            }
            out.append('\n').append(journal.entries(duration)).append('\n');
            out.append(provisioned.summary()).append('\n').append(accounts.summary()).append('\n')
                    .append(async.summary()).append('\n').append(sqs.summary()).append('\n');
            return out.toString();
        }
    }

    /** Function 0 has provisioned concurrency, function 1 gets some on the timeline; the others none. */
    private static boolean tracked(int f) {
        return f < 2;
    }

    private static boolean asynchronous(int f) {
        return f % 3 != 1;
    }

    private static boolean fed(int f) {
        return f % 3 != 2;
    }

    /** The world with its first {@code keys} keys (the others appear during the run). */
    private static WorldSnapshot world(int functions, int keys) {
        List<WorldSnapshot.FunctionView> fs = new ArrayList<>();
        for (int f = 0; f < functions; f++) {
            fs.add(new WorldSnapshot.FunctionView(f, "f" + f, null, null, null));
        }
        List<WorldSnapshot.KeyView> ks = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            ks.add(new WorldSnapshot.KeyView(k, KEYS[k], 0));
        }
        return RecorderTest.world(fs, ks, 251, 11);
    }

    /**
     * Each recorder told directly through its own listener methods, each crossing its own buckets at its own calls
     * (the reference: the way before): the world's recorders as {@link OneCrossingProperties.PerMetric} tells them,
     * and the sections'.
     */
    static final class Direct extends OneCrossingProperties.PerMetric implements AsyncListener, SqsListener {
        private final Recorders r;

        Direct(Recorders r) {
            super(r.recorder, r.latency, r.journal, null, null, r.provisioned, r.accounts);
            this.r = r;
        }

        @Override
        public void provisionedConcurrency(int function, int requested, int allocated, long nowMicros) {
            r.provisioned.changed(function, requested, allocated, nowMicros);
        }

        @Override
        public void natConnections(int gateway, int destination, int connections, long nowMicros) {
            r.nat.connections(gateway, destination, connections, nowMicros);
        }

        @Override
        public void natPortAllocationError(int gateway, int destination, long nowMicros) {
            r.nat.refused(gateway, nowMicros);
        }

        @Override
        public void received(int function, long nowMicros) {
            r.async.received(function, nowMicros);
        }

        @Override
        public void refused(int function, long nowMicros) {
            r.async.refused(function, nowMicros);
        }

        @Override
        public void invoked(int function, long eventAgeMicros, long nowMicros) {
            r.async.invoked(function, eventAgeMicros, nowMicros);
        }

        @Override
        public void retried(int function, boolean functionError, long nowMicros) {
            r.async.retried(function, functionError, nowMicros);
        }

        @Override
        public void succeeded(int function, long latencyMicros, int attempts, long nowMicros) {
            r.async.succeeded(function, latencyMicros, attempts, nowMicros);
        }

        @Override
        public void dropped(int function, AsyncDrop reason, long nowMicros) {
            r.async.dropped(function, reason, nowMicros);
        }

        @Override
        public void delivery(int function, boolean destination, boolean delivered, long nowMicros) {
            r.async.delivery(function, destination, delivered, nowMicros);
        }

        @Override
        public void sent(int function, long nowMicros) {
            r.sqs.sent(function, nowMicros);
        }

        @Override
        public void deleted(int function, int messages, long nowMicros) {
            r.sqs.deleted(function, messages, nowMicros);
        }

        @Override
        public void batchFailed(int function, Outcome outcome, long nowMicros) {
            r.sqs.batchFailed(function, outcome, nowMicros);
        }

        @Override
        public void visibilityExpired(int function, int returned, int toDeadLetterQueue, long nowMicros) {
            r.sqs.visibilityExpired(function, returned, toDeadLetterQueue, nowMicros);
        }

        @Override
        public void queue(int function, int visible, long oldestAgeMicros, int batches, int target, long nowMicros) {
            r.sqs.queue(function, visible, oldestAgeMicros, batches, target, nowMicros);
        }
    }

    /** The same calls to both, in order: the observers first. */
    private record Both(Observers one, Direct each) {
    }

    /** One random call of each listener's kinds at {@code now}, to both. */
    private static final class Calls {
        private final SplittableRandom rng;
        private final int functions;
        private final int[] eniStep = new int[KEYS.length];
        private final int[] eniOf = new int[KEYS.length];
        private int nextEni = KEYS.length;

        Calls(SplittableRandom rng, int functions) {
            this.rng = rng;
            this.functions = functions;
            for (int k = 0; k < KEYS.length; k++) {
                eniOf[k] = k;
            }
        }

        /** At random, one call of the sections' or the network's (the starts and ends come from the driver). */
        void one(long now, Both b) {
            int f = rng.nextInt(functions);
            switch (rng.nextInt(10)) {
                case 0 -> nat(now, b);
                case 1 -> provisioned(now, b);
                case 2 -> network(now, b);
                case 3, 4, 5 -> async(f, now, b);
                case 6, 7, 8 -> sqs(f, now, b);
                default -> { }
            }
        }

        private void nat(long now, Both b) {
            int g = rng.nextInt(GATEWAYS);
            int d = rng.nextInt(DESTINATIONS);
            if (rng.nextInt(3) == 0) {
                b.one().natPortAllocationError(g, d, now);
                b.each().natPortAllocationError(g, d, now);
            } else {
                int n = rng.nextInt(60_000);
                b.one().natConnections(g, d, n, now);
                b.each().natConnections(g, d, n, now);
            }
        }

        private void provisioned(long now, Both b) {
            int f = rng.nextInt(Math.min(2, functions));
            switch (rng.nextInt(3)) {
                case 0 -> {
                    int requested = rng.nextInt(6);
                    int allocated = rng.nextBoolean() ? requested : rng.nextInt(requested + 1);
                    b.one().provisionedConcurrency(f, requested, allocated, now);
                    b.each().provisionedConcurrency(f, requested, allocated, now);
                }
                case 1 -> {
                    b.one().provisionedSpillover(f, now);
                    b.each().provisionedSpillover(f, now);
                }
                default -> {
                    Outcome o = OUTCOMES[rng.nextInt(OUTCOMES.length)];
                    boolean p = rng.nextBoolean();
                    b.one().execution(f, o, !p, p, 0, 1_000, now);
                    b.each().execution(f, o, !p, p, 0, 1_000, now);
                }
            }
        }

        /** The next change of one key's current ENI (keys 1 and 2 new to the world), or a subnet's addresses. */
        private void network(long now, Both b) {
            if (rng.nextInt(3) == 0) {
                int s = rng.nextInt(2);
                int ips = rng.nextInt(252);
                b.one().subnetIps(s, ips, now);
                b.each().subnetIps(s, ips, now);
                return;
            }
            int k = rng.nextInt(KEYS.length);
            int id = eniOf[k];
            EniId eni = new EniId(id, EniId.name(id), k, KEYS[k].label(), k == 1 ? 1 : 0, 0, "10.0.0." + (3 + id % 200));
            int step = eniStep[k];
            b.one().eniState(eni, CYCLE[step], CYCLE[step + 1], now);
            b.each().eniState(eni, CYCLE[step], CYCLE[step + 1], now);
            if (++eniStep[k] == CYCLE.length - 1) {
                eniStep[k] = 0;
                eniOf[k] = nextEni++;
            }
        }

        private void async(int f, long now, Both b) {
            if (!asynchronous(f)) {
                return;
            }
            long age = rng.nextLong(10_000_000) - 1_000; // a negative age is recorded as 0 in the histogram
            switch (rng.nextInt(7)) {
                case 0, 1 -> {
                    b.one().received(f, now);
                    b.each().received(f, now);
                }
                case 2 -> {
                    b.one().refused(f, now);
                    b.each().refused(f, now);
                }
                case 3 -> {
                    b.one().invoked(f, age, now);
                    b.each().invoked(f, age, now);
                }
                case 4 -> {
                    boolean error = rng.nextBoolean();
                    b.one().retried(f, error, now);
                    b.each().retried(f, error, now);
                    int attempts = 1 + rng.nextInt(3);
                    b.one().succeeded(f, age, attempts, now);
                    b.each().succeeded(f, age, attempts, now);
                }
                case 5 -> {
                    AsyncDrop why = AsyncDrop.values()[rng.nextInt(AsyncDrop.values().length)];
                    b.one().dropped(f, why, now);
                    b.each().dropped(f, why, now);
                }
                default -> {
                    boolean destination = rng.nextBoolean();
                    boolean delivered = rng.nextBoolean();
                    b.one().delivery(f, destination, delivered, now);
                    b.each().delivery(f, destination, delivered, now);
                }
            }
        }

        private void sqs(int f, long now, Both b) {
            if (!fed(f)) {
                return;
            }
            switch (rng.nextInt(5)) {
                case 0 -> {
                    b.one().sent(f, now);
                    b.each().sent(f, now);
                }
                case 1 -> {
                    int m = 1 + rng.nextInt(10);
                    b.one().deleted(f, m, now);
                    b.each().deleted(f, m, now);
                }
                case 2 -> {
                    Outcome o = OUTCOMES[rng.nextInt(OUTCOMES.length)];
                    b.one().batchFailed(f, o, now);
                    b.each().batchFailed(f, o, now);
                }
                case 3 -> {
                    int returned = rng.nextInt(10);
                    int redriven = rng.nextInt(3);
                    b.one().visibilityExpired(f, returned, redriven, now);
                    b.each().visibilityExpired(f, returned, redriven, now);
                }
                default -> {
                    int visible = rng.nextInt(100);
                    long age = visible == 0 ? 0 : rng.nextLong(60_000_000);
                    int batches = rng.nextInt(8);
                    b.one().queue(f, visible, age, batches, 5, now);
                    b.each().queue(f, visible, age, batches, 5, now);
                }
            }
        }
    }

    @Property(tries = 300)
    void everyRecorderCrossedAtTheFirstCallPastAnEdgeBuildsTheSameOutputs(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int functions, @ForAll @IntRange(min = 1, max = 8) int buckets,
            @ForAll @IntRange(min = 0, max = 400) int steps) throws JsonProcessingException {
        assertSameOutputs(seed, functions, buckets, steps, 0);
    }

    /**
     * Crossed at each edge itself before the calls past it ({@link Observers#reach}, as a run does: one bucket at a
     * time, quiet ones included), or at random some so and the others at the first call past them: the same outputs;
     * crossed at every edge, no call crossed one.
     */
    @Property(tries = 300)
    void everyRecorderCrossedAtTheEdgesBuildsTheSameOutputs(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int functions, @ForAll @IntRange(min = 1, max = 8) int buckets,
            @ForAll @IntRange(min = 0, max = 400) int steps, @ForAll boolean everyEdge)
            throws JsonProcessingException {
        assertSameOutputs(seed, functions, buckets, steps, everyEdge ? 1 : 2);
    }

    /** {@code edges}: 0 none reached at the edge, 1 all, 2 each at random. */
    private static void assertSameOutputs(long seed, int functions, int buckets, int steps, int edges)
            throws JsonProcessingException {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucket = 1 + rng.nextInt(2_000_000);
        long duration = buckets * bucket - rng.nextLong(bucket);
        Recorders one = new Recorders(functions, duration, bucket);
        Recorders each = new Recorders(functions, duration, bucket);
        Observers observers = one.observers;
        Both both = new Both(observers, new Direct(each));
        Calls calls = new Calls(rng, functions);
        CombinedCallsProperties.drive(rng, functions, bucket, duration, steps, observers, both.each(), now -> {
            OneCrossingProperties.reachEdges(observers, rng, now, edges);
            calls.one(now, both);
        });
        assertEquals(each.outputs(), one.outputs());
        if (edges == 1) {
            assertEquals(0, observers.crossedAtCalls());
        }
    }

    /** A recorder cut into other buckets than the recorder's is refused, whichever it is. */
    @Example
    void recordersCutIntoOtherBucketsAreRefused() {
        long s = Seconds.MICROS;
        Recorder recorder = new Recorder(60 * s, 30 * s);
        recorder.attach(world(1, 1));
        LatencyRecorder latency = new LatencyRecorder(60 * s, 30 * s);
        latency.attach(List.of("f0"));
        NatRecorder nat = new NatRecorder(60 * s, 20 * s, List.of("nat-a"), List.of("db"));
        ProvisionedRecorder provisioned = new ProvisionedRecorder(90 * s, 30 * s);
        AccountsRecorder accounts = new AccountsRecorder(60 * s, 15 * s, List.of(ONE), List.of("f0"), new int[] {0});
        AsyncRecorder async = new AsyncRecorder(61 * s, 30 * s);
        SqsRecorder sqs = new SqsRecorder(60 * s, 60 * s);
        assertThrows(IllegalArgumentException.class,
                () -> new Observers(recorder, latency, new Journal(), nat, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Observers(recorder, latency, new Journal(), null, null, null, provisioned, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Observers(recorder, latency, new Journal(), null, null, null, null, accounts, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Observers(recorder, latency, new Journal(), null, null, null, null, null, async, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Observers(recorder, latency, new Journal(), null, null, null, null, null, null, sqs));
    }
}

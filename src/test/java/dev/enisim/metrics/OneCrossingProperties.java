package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.enisim.metrics.CombinedCallsProperties.Observed;
import dev.enisim.model.Outcome;
import dev.enisim.model.WorldListener;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Observers} crosses the buckets of every series it keeps in one place (one test per call, {@link
 * Observers#reach} at an edge), the series then writing with no edge test of their own: the same outputs as each
 * series crossing its own buckets at its own next change (each observer told directly, through its own listener
 * methods: the way before), for random calls over random buckets (edges, shared instants and quiet stretches
 * included), whether the crossings come at the first call past an edge, at the edges themselves (as a run makes them),
 * or either at random.
 */
class OneCrossingProperties {

    /**
     * Each observer of {@code o} told directly through its own listener methods, each crossing its own buckets (the
     * reference): what {@link Observers} does, less its one crossing. (Levels and executions may be null: not told.)
     */
    static class PerMetric implements WorldListener {
        private final Recorder recorder;
        private final LatencyRecorder latency;
        private final Journal journal;
        private final EnvironmentLevels levels;
        private final Executions executions;
        private final ProvisionedRecorder provisioned;
        private final AccountsRecorder accounts;

        PerMetric(Observed o) {
            this(o.recorder, o.latency, o.journal, o.levels, o.executions, o.provisioned, o.accounts);
        }

        PerMetric(Recorder recorder, LatencyRecorder latency, Journal journal, EnvironmentLevels levels,
                Executions executions, ProvisionedRecorder provisioned, AccountsRecorder accounts) {
            this.recorder = recorder;
            this.latency = latency;
            this.journal = journal;
            this.levels = levels;
            this.executions = executions;
            this.provisioned = provisioned;
            this.accounts = accounts;
        }

        @Override
        public void invocation(int function, Outcome outcome, long nowMicros) {
            recorder.invocation(function, outcome, nowMicros);
            journal.invocation(function, outcome, nowMicros);
            accounts.invocation(function, outcome, nowMicros);
        }

        @Override
        public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
            recorder.concurrency(function, functionInFlight, accountInFlight, nowMicros);
            accounts.concurrency(function, functionInFlight, nowMicros);
        }

        @Override
        public void ended(int function, int functionInFlight, int accountInFlight, long nowMicros) {
            recorder.ended(function, functionInFlight, accountInFlight, nowMicros);
            accounts.concurrency(function, functionInFlight, nowMicros);
        }

        @Override
        public void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
            latency.latency(function, latencyMicros, coldStart, nowMicros);
        }

        @Override
        public void environments(int function, int total, long nowMicros) {
            recorder.environments(function, total, nowMicros);
        }

        @Override
        public void environmentLevels(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
            if (levels != null) {
                levels.environmentLevels(function, busyOnDemand, idle, provisioned, nowMicros);
            }
        }

        @Override
        public void execution(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
                long runMicros, long nowMicros) {
            if (executions != null) {
                executions.execution(function, outcome, coldStart, provisioned, initMicros, runMicros, nowMicros);
            }
            this.provisioned.execution(function, provisioned, nowMicros);
        }

        @Override
        public void provisionedSpillover(int function, long nowMicros) {
            provisioned.spillover(function, nowMicros);
        }

        @Override
        public void connections(int key, int keyConnections, long nowMicros) {
            recorder.connections(key, keyConnections, nowMicros);
        }

        @Override
        public void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
            recorder.eniState(eni, from, to, nowMicros);
            journal.eniState(eni, from, to, nowMicros);
            accounts.eniState(eni, from, to, nowMicros);
        }

        @Override
        public void subnetIps(int subnet, int availableIps, long nowMicros) {
            recorder.subnetIps(subnet, availableIps, nowMicros);
        }
    }

    /** ENIs made and deleted, and a subnet's free addresses, now and then: the network's rare calls. */
    private static final class Network {
        /** The label of the key of the observers' world ({@link CombinedCallsProperties#world}). */
        private static final String KEY = new EniKey("vpc-1", "subnet-a", List.of("sg-1"), "",
                "111111111111").label();
        private static final EniState[] CYCLE = {null, EniState.Creating, EniState.InUse, EniState.Deleting,
            EniState.Deleted};
        private int eni;
        private int step;

        /** At random, the next change of the current ENI's cycle, or the subnet's addresses, to both listeners. */
        void maybe(SplittableRandom rng, long now, WorldListener a, WorldListener b) {
            if (rng.nextInt(6) != 0) {
                return;
            }
            if (rng.nextBoolean()) {
                int ips = rng.nextInt(252);
                a.subnetIps(0, ips, now);
                b.subnetIps(0, ips, now);
                return;
            }
            EniId id = new EniId(eni, EniId.name(eni), 0, KEY, 0, 0, "10.0.0." + (3 + eni % 200));
            a.eniState(id, CYCLE[step], CYCLE[step + 1], now);
            b.eniState(id, CYCLE[step], CYCLE[step + 1], now);
            if (++step == CYCLE.length - 1) {
                step = 0;
                eni++;
            }
        }
    }

    /** Observers crossing at the first call past each edge: the outputs of every series crossing its own. */
    @Property(tries = 300)
    void oneCrossingAtTheFirstCallPastAnEdgeBuildsTheSameMetrics(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int functions, @ForAll @IntRange(min = 1, max = 8) int buckets,
            @ForAll @IntRange(min = 0, max = 400) int steps) throws JsonProcessingException {
        assertSameOutputs(seed, functions, buckets, steps, 0);
    }

    /**
     * Observers brought to each edge at the edge itself before the calls past it ({@link Observers#reach}, as a run
     * does: one bucket at a time, quiet ones included), or at random some edges so and the others at the first call
     * past them: the same outputs; brought to every edge, no call crossed one.
     */
    @Property(tries = 300)
    void crossingsAtTheEdgesBuildTheSameMetrics(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int functions, @ForAll @IntRange(min = 1, max = 8) int buckets,
            @ForAll @IntRange(min = 0, max = 400) int steps, @ForAll boolean everyEdge)
            throws JsonProcessingException {
        assertSameOutputs(seed, functions, buckets, steps, everyEdge ? 1 : 2);
    }

    /**
     * Brings {@code observers} to the edges up to {@code now} at the edges themselves ({@link Observers#reach}):
     * {@code edges} 0 none (the calls past them cross them), 1 all (as a run does), 2 each at random.
     */
    static void reachEdges(Observers observers, SplittableRandom rng, long now, int edges) {
        for (long edge; (edge = observers.nextBucketMicros()) <= now && edges > 0; ) {
            if (edges == 2 && rng.nextBoolean()) {
                break;
            }
            observers.reach(edge);
        }
    }

    /**
     * Random calls to observers behind {@link Observers} and to the same observers told directly: the same outputs.
     * {@code edges}: 0 none reached at the edge, 1 all, 2 each at random.
     */
    private static void assertSameOutputs(long seed, int functions, int buckets, int steps, int edges)
            throws JsonProcessingException {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucket = 1 + rng.nextInt(2_000_000);
        long duration = buckets * bucket - rng.nextLong(bucket);
        Observed one = new Observed(functions, duration, bucket, true);
        Observed each = new Observed(functions, duration, bucket, false);
        Observers observers = one.observers;
        PerMetric reference = new PerMetric(each);
        Network network = new Network();
        CombinedCallsProperties.drive(rng, functions, bucket, duration, steps, observers, reference, now -> {
            reachEdges(observers, rng, now, edges);
            network.maybe(rng, now, observers, reference);
        });
        assertEquals(each.outputs(), one.outputs());
        if (edges == 1) {
            assertEquals(0, observers.crossedAtCalls());
        }
    }
}

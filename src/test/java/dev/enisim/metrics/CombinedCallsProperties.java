package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.enisim.model.Outcome;
import dev.enisim.model.WorldListener;
import dev.enisim.model.WorldSnapshot;
import dev.enisim.model.eni.EniKey;
import dev.enisim.report.SummaryJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The run's observers told of an invocation's start and end in one call each ({@link WorldListener#started},
 * {@link WorldListener#ended}, which {@link Observers} overrides to do its bookkeeping in one pass) build the same
 * metrics as when told through the interface's defaults, which forward to the fine-grained calls: random sequences
 * of starts, ends, throttles, failed executions, environment levels (set, or moved by one between idle and busy:
 * {@link WorldListener#environmentTaken}, {@link WorldListener#environmentIdled}, which {@link Observers} keeps
 * by moving its levels, the defaults by telling them) and connections over random buckets (edges, shared instants
 * and quiet stretches included), every output of every observer compared.
 */
class CombinedCallsProperties {

    private static final Outcome[] RAN = Arrays.stream(Outcome.all()).filter(Outcome::admitted)
            .toArray(Outcome[]::new);
    private static final Outcome[] REFUSED = Arrays.stream(Outcome.all()).filter(o -> !o.admitted())
            .toArray(Outcome[]::new);
    private static final String ONE = "111111111111";
    private static final String TWO = "222222222222";

    /** Every observer of a run, behind one {@link Observers}. */
    /**
     * The run's summary as one line of JSON into {@code out}, then the recorder's and the latency recorder's series
     * (a list the caller adds its other series to): the outputs both crossing properties compare.
     */
    static List<Series> summaryAndSeries(StringBuilder out, Recorder recorder, LatencyRecorder latency,
            WorldSnapshot end, long duration) throws JsonProcessingException {
        RunSummary summary = recorder.summary("p", 1, 0, Seconds.of(duration), new RunSummary.Events(0, 0, 0, 0),
                300, List.of(), latency, end);
        out.append(SummaryJson.mapper().writeValueAsString(summary)).append('\n');
        List<Series> series = new ArrayList<>(recorder.timeSeries(end).series());
        series.addAll(latency.series());
        return series;
    }

    static final class Observed {
        final int functions;
        final long duration;
        final long bucket;
        final Recorder recorder;
        final LatencyRecorder latency;
        final Journal journal = new Journal();
        final EnvironmentLevels levels;
        final Executions executions = new Executions();
        final ProvisionedRecorder provisioned;
        final AccountsRecorder accounts;
        final Observers observers;

        Observed(int functions, long duration, long bucket) {
            this(functions, duration, bucket, false);
        }

        /**
         * @param observersFirst the {@link Observers} made before the environment levels and executions are attached
         *                       (as a run does: they share rows, {@link FunctionLines}), else after (each its own)
         */
        Observed(int functions, long duration, long bucket, boolean observersFirst) {
            this.functions = functions;
            this.duration = duration;
            this.bucket = bucket;
            List<String> names = names(functions);
            recorder = new Recorder(duration, bucket);
            recorder.attach(world(functions));
            latency = new LatencyRecorder(duration, bucket);
            latency.attach(names);
            journal.attach(names);
            levels = new EnvironmentLevels(duration, bucket);
            if (!observersFirst) {
                levels.attach(functions);
                executions.attach(functions);
            }
            provisioned = new ProvisionedRecorder(duration, bucket);
            List<OptionalInt> configured = new ArrayList<>();
            int[] account = new int[functions];
            for (int f = 0; f < functions; f++) {
                configured.add(f == 0 ? OptionalInt.of(2) : OptionalInt.empty()); // function 0 has provisioned
                account[f] = f % 2;
            }
            provisioned.attach(names, configured);
            accounts = new AccountsRecorder(duration, bucket, List.of(ONE, TWO), names, account);
            observers = new Observers(recorder, latency, journal, null, levels, executions, provisioned, accounts);
            if (observersFirst) {
                executions.attach(functions);
                levels.attach(functions);
            }
        }

        /** Every output, as text: the summary (JSON), every series, the journal, executions, levels, sections. */
        String outputs() throws JsonProcessingException {
            WorldSnapshot end = world(functions);
            StringBuilder out = new StringBuilder();
            List<Series> series = CombinedCallsProperties.summaryAndSeries(out, recorder, latency, end, duration);
            series.addAll(provisioned.series());
            series.addAll(accounts.series());
            for (int f = 0; f < functions; f++) {
                levels.addFunctionSeries(series, "f" + f, f);
                out.append(executions.coldStarts(f)).append(executions.usage(f)).append(levels.function(f))
                        .append('\n');
            }
            levels.addAccountSeries(series);
            append(out, series);
            out.append(executions.accountColdStarts()).append(levels.account()).append('\n');
            out.append(journal.entries(duration)).append('\n');
            out.append(provisioned.summary()).append(accounts.summary()).append('\n');
            return out.toString();
        }
    }

    /** Every series of {@code series}, a line each: scope, id, metric, exception, values. */
    static void append(StringBuilder out, List<Series> series) {
        for (Series s : series) {
            out.append(s.scope()).append(' ').append(s.id()).append(' ').append(s.metric()).append(' ')
                    .append(s.exception()).append(' ').append(Arrays.toString(s.values())).append('\n');
        }
    }

    /**
     * A listener that implements only the fine-grained calls, forwarding each to {@code next}: told of a start or an
     * end, it gets {@link WorldListener}'s defaults.
     */
    static final class FineGrained implements WorldListener {
        private final WorldListener next;

        FineGrained(WorldListener next) {
            this.next = next;
        }

        @Override
        public void invocation(int function, Outcome outcome, long nowMicros) {
            next.invocation(function, outcome, nowMicros);
        }

        @Override
        public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
            next.concurrency(function, functionInFlight, accountInFlight, nowMicros);
        }

        @Override
        public void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
            next.latency(function, latencyMicros, coldStart, nowMicros);
        }

        @Override
        public void environmentLevels(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
            next.environmentLevels(function, busyOnDemand, idle, provisioned, nowMicros);
        }

        @Override
        public void environments(int function, int total, long nowMicros) {
            next.environments(function, total, nowMicros);
        }

        @Override
        public void execution(int function, Outcome outcome, boolean coldStart, boolean provisioned,
                long initMicros, long runMicros, long nowMicros) {
            next.execution(function, outcome, coldStart, provisioned, initMicros, runMicros, nowMicros);
        }

        @Override
        public void provisionedSpillover(int function, long nowMicros) {
            next.provisionedSpillover(function, nowMicros);
        }

        @Override
        public void connections(int key, int keyConnections, long nowMicros) {
            next.connections(key, keyConnections, nowMicros);
        }
    }

    static List<String> names(int functions) {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < functions; f++) {
            names.add("f" + f);
        }
        return names;
    }

    static WorldSnapshot world(int functions) {
        List<WorldSnapshot.FunctionView> fs = new ArrayList<>();
        for (int f = 0; f < functions; f++) {
            fs.add(new WorldSnapshot.FunctionView(f, "f" + f, null, null, null));
        }
        EniKey key = new EniKey("vpc-1", "subnet-a", List.of("sg-1"), "", ONE);
        return RecorderTest.world(fs, List.of(new WorldSnapshot.KeyView(0, key, 0)), 251, 11);
    }

    @Property(tries = 300)
    void startsAndEndsInOneCallBuildTheMetricsOfTheFineGrainedCalls(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int functions, @ForAll @IntRange(min = 1, max = 8) int buckets,
            @ForAll @IntRange(min = 0, max = 400) int steps) throws JsonProcessingException {
        assertSameOutputs(seed, functions, buckets, steps, false, true);
    }

    /**
     * The environment levels and the executions keeping their longs in one row per function ({@link FunctionLines},
     * as {@link Observers} makes them when it comes before their attachment, as in a run) build the same metrics as
     * each with rows of its own: the same random calls as above.
     */
    @Property(tries = 200)
    void levelsAndExecutionsInSharedRowsBuildTheSameMetrics(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int functions, @ForAll @IntRange(min = 1, max = 8) int buckets,
            @ForAll @IntRange(min = 0, max = 400) int steps) throws JsonProcessingException {
        assertSameOutputs(seed, functions, buckets, steps, true, false);
    }

    /**
     * Two sets of observers told the same random calls build the same outputs: the first made with its
     * {@link Observers} before attaching if {@code observersFirst}, the second after, and told through
     * {@link FineGrained} if {@code fineGrained}.
     */
    private static void assertSameOutputs(long seed, int functions, int buckets, int steps, boolean observersFirst,
            boolean fineGrained) throws JsonProcessingException {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucket = 1 + rng.nextInt(2_000_000);
        long duration = buckets * bucket - rng.nextLong(bucket);
        Observed first = new Observed(functions, duration, bucket, observersFirst);
        Observed second = new Observed(functions, duration, bucket, false);
        drive(rng, functions, bucket, duration, steps, first.observers,
                fineGrained ? new FineGrained(second.observers) : second.observers);
        assertEquals(second.outputs(), first.outputs());
    }

    /** Random starts, ends, refusals, levels and connections, each told to {@code a} then {@code b}. */
    private static void drive(SplittableRandom rng, int functions, long bucket, long duration, int steps,
            WorldListener a, WorldListener b) {
        drive(rng, functions, bucket, duration, steps, a, b, now -> { });
    }

    /** As above, {@code before} told each step's instant before the step's calls. */
    static void drive(SplittableRandom rng, int functions, long bucket, long duration, int steps,
            WorldListener a, WorldListener b, java.util.function.LongConsumer before) {
        int[] inFlight = new int[functions];
        int[][] levels = new int[functions][3]; // busy on demand, idle, provisioned: as last told
        int total = 0;
        long now = 0;
        for (int i = 0; i < steps; i++) {
            now = next(rng, now, bucket, duration);
            before.accept(now);
            int f = rng.nextInt(functions);
            int what = rng.nextInt(23);
            if (what < 8) {
                Outcome o = RAN[rng.nextInt(RAN.length)];
                boolean cold = rng.nextBoolean();
                boolean provisioned = f == 0 && !cold && rng.nextInt(3) == 0;
                boolean spillover = f == 0 && !provisioned && rng.nextBoolean();
                long init = cold ? rng.nextLong(3_000_000) : 0;
                long run = rng.nextInt(4) == 0 ? 0 : rng.nextLong(5_000_000);
                inFlight[f]++;
                total++;
                for (WorldListener l : List.of(a, b)) {
                    l.started(f, o, cold, provisioned, init, run, inFlight[f], total, spillover, now);
                }
            } else if (what < 14) {
                if (inFlight[f] == 0) {
                    continue;
                }
                inFlight[f]--;
                total--;
                for (WorldListener l : List.of(a, b)) {
                    l.ended(f, inFlight[f], total, now);
                }
            } else if (what < 16) {
                Outcome o = REFUSED[rng.nextInt(REFUSED.length)];
                boolean executed = rng.nextBoolean(); // an environment taken, then the invocation refused
                boolean cold = rng.nextBoolean();
                long init = cold ? rng.nextLong(3_000_000) : 0;
                for (WorldListener l : List.of(a, b)) {
                    if (executed) {
                        l.execution(f, o, cold, false, init, 0, now);
                    }
                    l.invocation(f, o, now);
                }
            } else if (what < 19) {
                int busy = rng.nextInt(5);
                int idle = rng.nextInt(5);
                int provisioned = f == 0 ? rng.nextInt(3) : 0;
                levels[f] = new int[] {busy, idle, provisioned};
                for (WorldListener l : List.of(a, b)) {
                    l.environments(f, busy + idle + provisioned, now);
                    l.environmentLevels(f, busy, idle, provisioned, now);
                }
            } else if (what < 22) {
                // an idle environment taken (a warm start) or a busy one gone idle: the levels moved by one
                int[] v = levels[f];
                boolean take = what == 19 || (what == 21 && v[0] == 0);
                if (take ? v[1] == 0 : v[0] == 0) {
                    continue;
                }
                v[0] += take ? 1 : -1;
                v[1] += take ? -1 : 1;
                for (WorldListener l : List.of(a, b)) {
                    if (take) {
                        l.environmentTaken(f, v[0], v[1], v[2], now);
                    } else {
                        l.environmentIdled(f, v[0], v[1], v[2], now);
                    }
                }
            } else {
                int connections = rng.nextInt(50);
                for (WorldListener l : List.of(a, b)) {
                    l.connections(0, connections, now);
                }
            }
        }
    }

    /** The next instant: on the next bucket edge, a few buckets on, the same, or a little later. */
    private static long next(SplittableRandom rng, long now, long bucket, long duration) {
        return switch (rng.nextInt(6)) {
            case 0 -> Math.min(duration, (now / bucket + 1) * bucket);
            case 1 -> Math.min(duration, now + bucket * rng.nextInt(1, 3) + rng.nextLong(bucket));
            case 2, 3 -> now;
            default -> Math.min(duration, now + rng.nextLong(bucket / 8 + 1));
        };
    }
}

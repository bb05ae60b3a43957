package dev.enisim.workload;

import dev.enisim.random.Uniform;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Poisson arrivals whose rate is constant between change points (bursts, schedules), exactly: an exponential gap
 * at the current rate; if it crosses the next change, the process starts again from the change (it is
 * memoryless). A quiet step (rate 0) is jumped over at once, so a quiet period costs O(1) whatever its length.
 *
 * <p>The steps: {@code rates[i]} until {@code origin + ends[i]} (ends non-decreasing, relative to origin);
 * {@code before} ahead of origin, {@code after} after the last end, or with {@code cycle > 0} the steps start
 * over every cycle. A cursor walks the steps as time goes on, so each arrival costs O(1) plus one per change
 * crossed. Allocation-free.
 */
final class StepPoisson implements ArrivalProcess.Source {

    private static final int BEFORE = -1;

    private final RandomGenerator stream;
    private final long until;
    private final long[] ends;
    private final double[] rates;
    private final double before;
    private final double after;
    // the mean gap of each rate, 1e6 / rate, as the draw computes it (so divided once, not at every draw)
    private final double[] gaps;
    private final double beforeGap;
    private final double afterGap;
    private final long cycle;
    private final boolean quiet;
    // a double, so that rounding each gap to a microsecond does not bias the rate
    private double clock;
    /** The absolute time steps are counted from (moves on by a cycle at each repeat). */
    private long origin;
    /** The current step: BEFORE, 0..ends.length - 1, or ends.length (after the last step, when not cycling). */
    private int step;

    StepPoisson(RandomGenerator stream, long from, long until, long origin, long[] ends, double[] rates,
            double before, double after, long cycle) {
        this.stream = stream;
        this.until = until;
        this.ends = ends;
        this.rates = rates;
        this.before = before;
        this.after = after;
        this.gaps = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            gaps[i] = 1e6 / rates[i];
        }
        this.beforeGap = 1e6 / before;
        this.afterGap = 1e6 / after;
        this.cycle = cycle;
        this.clock = from;
        this.origin = origin;
        this.quiet = !hasTraffic(rates, before, after, cycle);
        locate(from);
    }

    private static boolean hasTraffic(double[] rates, double before, double after, long cycle) {
        for (double r : rates) {
            if (r > 0) {
                return true;
            }
        }
        // a cycle never returns to before/after
        return cycle == 0 && (before > 0 || after > 0);
    }

    /** Puts the cursor on the step holding {@code t} (once, at the start: O(steps)). */
    private void locate(long t) {
        if (t < origin) {
            step = BEFORE;
            return;
        }
        if (cycle > 0) {
            origin += (t - origin) / cycle * cycle;
        }
        step = 0;
        while (step < ends.length && origin + ends[step] <= t) {
            advance();
        }
    }

    private void advance() {
        step++;
        if (step == ends.length && cycle > 0) {
            step = 0;
            origin += cycle;
        }
    }

    private double rate() {
        return step == BEFORE ? before : step == ends.length ? after : rates[step];
    }

    private double gap() {
        return step == BEFORE ? beforeGap : step == ends.length ? afterGap : gaps[step];
    }

    private long change() {
        return step == BEFORE ? origin : step == ends.length ? Long.MAX_VALUE : origin + ends[step];
    }

    @Override
    public long next() {
        if (quiet) {
            return ArrivalProcess.NONE;
        }
        while (clock < until) {
            double r = rate();
            long change = change();
            if (r <= 0) {
                if (change == Long.MAX_VALUE) {
                    return ArrivalProcess.NONE;
                }
                clock = change;
                advance();
                continue;
            }
            // clock - 1e6 / r * ln(1 - u), the gap's division done once per step
            double candidate = clock - gap() * Math.log(1.0 - stream.nextDouble());
            if (candidate >= change) {
                clock = change;
                advance();
                continue;
            }
            clock = candidate;
            long at = (long) Math.ceil(clock);
            return at >= until ? ArrivalProcess.NONE : at;
        }
        return ArrivalProcess.NONE;
    }

    /**
     * One rate throughout: a plain Poisson process, drawn as the steps would draw it with none ({@link Homogeneous};
     * a quiet one is the steps', which never draw).
     */
    static ArrivalProcess.Source homogeneous(double ratePerSecond, RandomGenerator stream, long from, long until) {
        if (!(ratePerSecond > 0)) {
            return new StepPoisson(stream, from, until, from, new long[0], new double[0], 0, ratePerSecond, 0);
        }
        return new Homogeneous(ratePerSecond, Uniform.withDoubles(stream), from, until);
    }

    /**
     * A Poisson process at one rate (> 0): the steps' draw without their branches (no change ahead, no quiet step).
     * Its state is three longs (the clock's and the mean gap's bits, the end), so that a table of functions keeps it
     * in its rows ({@link FunctionDraws}).
     */
    static final class Homogeneous implements ArrivalProcess.Source {
        static final int CLOCK = 0;
        static final int GAP = 1;
        static final int UNTIL = 2;
        static final int SIZE = 3;

        private final UniformRandomProvider stream;
        private final long[] state = new long[SIZE];

        Homogeneous(double ratePerSecond, UniformRandomProvider stream, long from, long until) {
            this.stream = stream;
            init(state, 0, ratePerSecond, from, until);
        }

        static void init(long[] s, int at, double ratePerSecond, long from, long until) {
            s[at + CLOCK] = ArrivalProcess.bits(from);
            s[at + GAP] = ArrivalProcess.bits(1e6 / ratePerSecond);
            s[at + UNTIL] = until;
        }

        @Override
        public long next() {
            return next(stream, state, 0);
        }

        /**
         * As {@link StepPoisson#next()} with no steps: a candidate at or beyond 2^63 us crosses the "change" at
         * Long.MAX_VALUE, which ends the process (the clock is then never below the end).
         */
        static long next(UniformRandomProvider stream, long[] s, int at) {
            double clock = ArrivalProcess.value(s[at + CLOCK]);
            long until = s[at + UNTIL];
            if (!(clock < until)) {
                return ArrivalProcess.NONE;
            }
            double candidate = clock - ArrivalProcess.value(s[at + GAP]) * Math.log(1.0 - stream.nextDouble());
            if (candidate >= Long.MAX_VALUE) {
                s[at + CLOCK] = ArrivalProcess.bits(Long.MAX_VALUE);
                return ArrivalProcess.NONE;
            }
            s[at + CLOCK] = ArrivalProcess.bits(candidate);
            long t = (long) Math.ceil(candidate);
            return t >= until ? ArrivalProcess.NONE : t;
        }
    }

    /** Bursts as steps: base, then burst and base in turn from the first burst's start. */
    static StepPoisson bursts(ArrivalSpec.Bursts b, RandomGenerator stream, long from, long until) {
        long[] starts = b.startsMicros();
        int n = starts.length;
        long[] ends = new long[2 * n - 1];
        double[] rates = new double[2 * n - 1];
        for (int i = 0; i < n; i++) {
            ends[2 * i] = starts[i] + b.burstMicros() - starts[0];
            rates[2 * i] = b.burstPerSecond();
            if (i + 1 < n) {
                ends[2 * i + 1] = starts[i + 1] - starts[0];
                rates[2 * i + 1] = b.basePerSecond();
            }
        }
        return new StepPoisson(stream, from, until, starts[0], ends, rates, b.basePerSecond(), b.basePerSecond(), 0);
    }

    /** A schedule as steps: its phases from its start, repeating or then quiet. */
    static StepPoisson schedule(ArrivalSpec.Schedule s, RandomGenerator stream, long from, long until) {
        long[] phases = s.phaseMicros();
        long[] ends = new long[phases.length];
        long sum = 0;
        for (int i = 0; i < phases.length; i++) {
            sum += phases[i];
            ends[i] = sum;
        }
        return new StepPoisson(stream, from, until, s.fromMicros(), ends, s.ratesPerSecond(), 0, 0,
                s.repeat() ? sum : 0);
    }
}

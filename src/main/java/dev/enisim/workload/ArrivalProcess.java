package dev.enisim.workload;

import dev.enisim.random.Uniform;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An {@link ArrivalSpec} bound to random streams: yields arrival times one at a time, so that only the next
 * arrival of each function sits in the event queue and quiet periods cost nothing. Allocation-free per arrival.
 *
 * <p>Poisson, bursts and schedules are {@link StepPoisson} (piecewise-constant rates), diurnal is thinning, a
 * trace is a {@link Replay}, and several processes are a {@link Merge} in which part i draws from stream i.
 */
public final class ArrivalProcess {

    /** Returned by {@link #next()} when no further arrival will come. */
    public static final long NONE = Long.MAX_VALUE;

    private final ArrivalSpec spec;
    private final Source source;
    /**
     * The next arrival, drawn one call early: the process's stream is its own, so drawing ahead gives the same
     * arrivals, and the draw's latency (a logarithm, for Poisson and thinning) overlaps the caller's work on the
     * arrival it was just handed instead of delaying it.
     */
    private long ahead;

    /** One process: the next arrival time after the previous one, or {@link #NONE}. */
    interface Source {
        long next();
    }

    /**
     * @param streams the stream of each part: part 0 (the only one unless the spec is a superposition) first
     */
    public ArrivalProcess(ArrivalSpec spec, IntFunction<RandomGenerator> streams, long notBeforeMicros) {
        this.spec = spec;
        this.source = spec instanceof ArrivalSpec.Superposition s ? superpose(s.parts(), streams, notBeforeMicros)
                : single(spec, streams.apply(0), notBeforeMicros);
        this.ahead = source.next();
    }

    /** A single process on one stream. */
    public ArrivalProcess(ArrivalSpec spec, RandomGenerator stream, long notBeforeMicros) {
        this(spec, i -> stream, notBeforeMicros);
    }

    public ArrivalSpec spec() {
        return spec;
    }

    /** The time of the next arrival in microseconds, or {@link #NONE} (then for good). */
    public long next() {
        long at = ahead;
        if (at != NONE) {
            ahead = source.next();
        }
        return at;
    }

    private static Source single(ArrivalSpec spec, RandomGenerator stream, long notBefore) {
        long from = Math.max(spec.fromMicros(), notBefore);
        long until = spec.untilMicros();
        if (spec instanceof ArrivalSpec.Poisson p) {
            return StepPoisson.homogeneous(p.ratePerSecond(), stream, from, until);
        }
        if (spec instanceof ArrivalSpec.Constant c) {
            return new Evenly(c.ratePerSecond(), from, until);
        }
        if (spec instanceof ArrivalSpec.Bursts b) {
            return StepPoisson.bursts(b, stream, from, until);
        }
        if (spec instanceof ArrivalSpec.Schedule sc) {
            return StepPoisson.schedule(sc, stream, from, until);
        }
        if (spec instanceof ArrivalSpec.Diurnal d) {
            return new Thinning(stream, from, until, d);
        }
        if (spec instanceof ArrivalSpec.Trace tr) {
            return new Replay(tr, stream, from, until);
        }
        if (spec instanceof ArrivalSpec.None) {
            return () -> NONE;
        }
        // a superposition inside another would have to share its parts' streams: the reader never builds one
        throw new IllegalArgumentException("unhandled arrival process (nested superpositions are not) " + spec);
    }

    private static Source superpose(List<ArrivalSpec> parts, IntFunction<RandomGenerator> streams, long notBefore) {
        Source[] sources = new Source[parts.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = single(parts.get(i), streams.apply(i), notBefore);
        }
        return new Merge(sources);
    }

    /**
     * Evenly spaced: a rate r over a window w gives exactly r x w arrivals, the first at the window's start. The
     * k-th is at from + ceil(k x gap), multiplied rather than summed so that no rounding builds up over a long run.
     */
    private static final class Evenly implements Source {
        private final double gap;
        private final long from;
        private final long until;
        private long k;

        Evenly(double ratePerSecond, long from, long until) {
            this.gap = 1e6 / ratePerSecond;
            this.from = from;
            this.until = until;
        }

        @Override
        public long next() {
            double offset = Math.ceil(k++ * gap);
            // beyond the long range (a rate of a few per century) there is simply no further arrival
            if (offset >= (double) (until - from)) {
                return NONE;
            }
            long at = from + (long) offset;
            return at >= until ? NONE : at;
        }
    }

    /**
     * Non-homogeneous Poisson by thinning (Lewis and Shedler): candidates at the peak rate, kept with r(t)/peak.
     *
     * <p>The decision, a draw v below r(t) = a + b cos(phase) as {@link ArrivalSpec.Diurnal#rateAt} computes it, is
     * mostly taken without the cosine, by bounds that hold for the computed rate (so that the decisions, hence the
     * numbers, are the plain formula's; {@code ArrivalDrawsProperties} holds them to it):
     * <ul>
     *   <li>the whole day: r(t) >= a - |b| as computed in doubles (rounding is monotonic and |cos| <= 1);</li>
     *   <li>a segment of the day, from a candidate on for {@code length} microseconds: where no extremum of the
     *       cosine lies within it, the exact rate is monotonic across it, so it lies between its values at the two
     *       ends; the computed rate differs from the exact one by far less than {@link #RELATIVE_MARGIN} of
     *       |a| + |b| per radian of phase (a few ulps from the phase's two roundings and the cosine's 1 ulp), so
     *       the ends' computed rates widened by that margin bound every candidate's computed rate in the segment.
     *       A draw below the lower bound is kept, one at or above the upper bound is not, and only a draw between
     *       them (a band about |b| x 2 pi x length / period wide) computes the cosine.</li>
     * </ul>
     * The segment's length balances its one cosine at entry against the band:
     * sqrt(mean gap x period x peak / 4|b|), within [1 us, period / 16].
     */
    static final class Thinning implements Source {
        /** The margin per radian of phase, relative to |a| + |b|: about a thousand times the rounding error. */
        static final double RELATIVE_MARGIN = 1e-12;
        /** Beyond this distance from the peak (2^52 us, 142 years) the phase is not exact in a double: no segments. */
        private static final long FAR = 1L << 52;

        // The state, in longs (doubles as their bits) so that a table of functions keeps it in its rows
        // (FunctionDraws): from a hot base, what each candidate reads; the current segment: candidates before
        // SEGMENT_END with a draw below KEEP_BELOW are kept, those with a draw at or above REJECT_FROM are not
        static final int CLOCK = 0;
        static final int MEAN_GAP = 1;
        static final int MAX = 2;
        static final int UNTIL = 3;
        static final int SEGMENT_END = 4;
        static final int KEEP_BELOW = 5;
        static final int REJECT_FROM = 6;
        static final int HOT = 7;
        // from a cold base, what only a segment's start or a cosine reads: rateAt's a - |b| and |a| + |b|, the
        // segment's length, and the day's parameters
        static final int LOWEST = 0;
        static final int SCALE = 1;
        static final int LENGTH = 2;
        static final int PEAK_AT = 3;
        static final int PERIOD = 4;
        static final int PEAK = 5;
        static final int TROUGH = 6;
        static final int COLD = 7;

        private final UniformRandomProvider stream;
        private final long[] state = new long[HOT + COLD];

        Thinning(RandomGenerator stream, long from, long until, ArrivalSpec.Diurnal d) {
            this.stream = Uniform.withDoubles(stream);
            init(state, 0, HOT, from, until, d);
        }

        /** Writes the state of {@code d}'s process from {@code from} into {@code s} at bases {@code hot}, {@code cold}. */
        static void init(long[] s, int hot, int cold, long from, long until, ArrivalSpec.Diurnal d) {
            double max = Math.max(d.peakPerSecond(), d.troughPerSecond());
            double meanGap = 1e6 / max;
            // rateAt's a and b, computed as it computes them
            double a = (d.peakPerSecond() + d.troughPerSecond()) / 2;
            double b = (d.peakPerSecond() - d.troughPerSecond()) / 2;
            s[hot + CLOCK] = bits(from);
            s[hot + MEAN_GAP] = bits(meanGap);
            s[hot + MAX] = bits(max);
            s[hot + UNTIL] = until;
            s[hot + SEGMENT_END] = Long.MIN_VALUE;
            s[hot + KEEP_BELOW] = bits(0);
            s[hot + REJECT_FROM] = bits(0);
            s[cold + LOWEST] = bits(a - Math.abs(b));
            s[cold + SCALE] = bits(Math.abs(a) + Math.abs(b));
            s[cold + LENGTH] = segmentLength(meanGap, d.periodMicros(), max, Math.abs(b));
            s[cold + PEAK_AT] = d.peakAtMicros();
            s[cold + PERIOD] = d.periodMicros();
            s[cold + PEAK] = bits(d.peakPerSecond());
            s[cold + TROUGH] = bits(d.troughPerSecond());
        }

        private static long segmentLength(double meanGap, long period, double max, double amplitude) {
            if (period <= 0 || !(amplitude > 0)) {
                return Long.MAX_VALUE; // a flat day (or no cosine to bound): one segment, the trough bound only
            }
            double best = Math.sqrt(meanGap * period * max / (4 * amplitude));
            return Math.max(1, Math.min(period / 16, best >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) best));
        }

        @Override
        public long next() {
            return next(stream, state, 0, HOT);
        }

        /** The next arrival of the process whose state is in {@code s} at {@code hot}, {@code cold}, or NONE. */
        static long next(UniformRandomProvider stream, long[] s, int hot, int cold) {
            double clock = value(s[hot + CLOCK]);
            double meanGap = value(s[hot + MEAN_GAP]);
            double max = value(s[hot + MAX]);
            long until = s[hot + UNTIL];
            while (true) {
                clock -= meanGap * Math.log(1.0 - stream.nextDouble());
                long at = (long) Math.ceil(clock);
                if (at >= until) {
                    s[hot + CLOCK] = bits(clock);
                    return NONE;
                }
                double v = stream.nextDouble() * max;
                if (at >= s[hot + SEGMENT_END]) {
                    enter(s, hot, cold, at);
                }
                if (v < value(s[hot + KEEP_BELOW]) || v < value(s[hot + REJECT_FROM]) && v < rateAt(s, cold, at)) {
                    s[hot + CLOCK] = bits(clock);
                    return at;
                }
            }
        }

        private static double rateAt(long[] s, int cold, long at) {
            return ArrivalSpec.Diurnal.rateAt(value(s[cold + PEAK]), value(s[cold + TROUGH]), s[cold + PEAK_AT],
                    s[cold + PERIOD], at);
        }

        /**
         * Starts a segment at {@code start} (a candidate's time: candidates only move forward) and bounds it.
         * Package-private for the tests, which check the bounds against every candidate time of a segment.
         */
        void enter(long start) {
            enter(state, 0, HOT, start);
        }

        private static void enter(long[] s, int hot, int cold, long start) {
            long length = s[cold + LENGTH];
            long end = start + length;
            long segmentEnd = end < start ? Long.MAX_VALUE : end;
            double lowest = value(s[cold + LOWEST]);
            s[hot + SEGMENT_END] = segmentEnd;
            s[hot + KEEP_BELOW] = bits(lowest);
            s[hot + REJECT_FROM] = bits(Double.POSITIVE_INFINITY);
            long period = s[cold + PERIOD];
            long peakAt = s[cold + PEAK_AT];
            long last = segmentEnd - 1;
            long first = start - peakAt;
            long late = last - peakAt;
            if (length == Long.MAX_VALUE || Math.abs(first) >= FAR || Math.abs(late) >= FAR || late < first) {
                return;
            }
            // an extremum of the cosine where t - peakAt = k x period / 2 for an integer k: the segment holds one
            // if the largest such k x period not above 2 x late is at or above 2 x first
            if (Math.floorDiv(2 * late, period) * period >= 2 * first) {
                return;
            }
            double r0 = rateAt(s, cold, start);
            double r1 = rateAt(s, cold, last);
            double phases = Math.abs(phase(first, period)) + Math.abs(phase(late, period));
            double margin = value(s[cold + SCALE]) * RELATIVE_MARGIN * (4 + phases);
            s[hot + KEEP_BELOW] = bits(Math.max(lowest, Math.min(r0, r1) - margin));
            s[hot + REJECT_FROM] = bits(Math.max(r0, r1) + margin);
        }

        /** The current segment's end (exclusive) and bounds: for {@code ArrivalDrawsProperties}. */
        long segmentEnd() {
            return state[SEGMENT_END];
        }

        double keepBelow() {
            return value(state[KEEP_BELOW]);
        }

        double rejectFrom() {
            return value(state[REJECT_FROM]);
        }

        private static double phase(long fromPeak, long period) {
            return 2 * Math.PI * fromPeak / period;
        }
    }

    /** A double kept in a long slot of a state row. */
    static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    static double value(long bits) {
        return Double.longBitsToDouble(bits);
    }
}

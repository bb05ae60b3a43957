package dev.enisim.workload;

import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.math3.random.RandomGenerator;

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

        private final RandomGenerator stream;
        private final long until;
        private final ArrivalSpec.Diurnal d;
        private final double meanGap;
        private final double max;
        private final double lowest;
        private final double scale;
        private final long length;
        private double clock;
        // the current segment: candidates before segmentEnd with a draw below keepBelow are kept, those with a draw
        // at or above rejectFrom are not
        private long segmentEnd = Long.MIN_VALUE;
        private double keepBelow;
        private double rejectFrom;

        Thinning(RandomGenerator stream, long from, long until, ArrivalSpec.Diurnal d) {
            this.stream = stream;
            this.until = until;
            this.d = d;
            this.max = Math.max(d.peakPerSecond(), d.troughPerSecond());
            this.meanGap = 1e6 / max;
            // rateAt's a and b, computed as it computes them
            double a = (d.peakPerSecond() + d.troughPerSecond()) / 2;
            double b = (d.peakPerSecond() - d.troughPerSecond()) / 2;
            this.lowest = a - Math.abs(b);
            this.scale = Math.abs(a) + Math.abs(b);
            this.length = segmentLength(meanGap, d.periodMicros(), max, Math.abs(b));
            this.clock = from;
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
            while (true) {
                clock -= meanGap * Math.log(1.0 - stream.nextDouble());
                long at = (long) Math.ceil(clock);
                if (at >= until) {
                    return NONE;
                }
                double v = stream.nextDouble() * max;
                if (at >= segmentEnd) {
                    enter(at);
                }
                if (v < keepBelow) {
                    return at;
                }
                if (v < rejectFrom && v < d.rateAt(at)) {
                    return at;
                }
            }
        }

        /**
         * Starts a segment at {@code start} (a candidate's time: candidates only move forward) and bounds it.
         * Package-private for the tests, which check the bounds against every candidate time of a segment.
         */
        void enter(long start) {
            long end = start + length;
            segmentEnd = end < start ? Long.MAX_VALUE : end;
            keepBelow = lowest;
            rejectFrom = Double.POSITIVE_INFINITY;
            long period = d.periodMicros();
            long last = segmentEnd - 1;
            long first = start - d.peakAtMicros();
            long late = last - d.peakAtMicros();
            if (length == Long.MAX_VALUE || Math.abs(first) >= FAR || Math.abs(late) >= FAR || late < first) {
                return;
            }
            // an extremum of the cosine where t - peakAt = k x period / 2 for an integer k: the segment holds one
            // if the largest such k x period not above 2 x late is at or above 2 x first
            if (Math.floorDiv(2 * late, period) * period >= 2 * first) {
                return;
            }
            double r0 = d.rateAt(start);
            double r1 = d.rateAt(last);
            double phases = Math.abs(phase(first, period)) + Math.abs(phase(late, period));
            double margin = scale * RELATIVE_MARGIN * (4 + phases);
            keepBelow = Math.max(lowest, Math.min(r0, r1) - margin);
            rejectFrom = Math.max(r0, r1) + margin;
        }

        /** The current segment's end (exclusive) and bounds: for {@code ArrivalDrawsProperties}. */
        long segmentEnd() {
            return segmentEnd;
        }

        double keepBelow() {
            return keepBelow;
        }

        double rejectFrom() {
            return rejectFrom;
        }

        private static double phase(long fromPeak, long period) {
            return 2 * Math.PI * fromPeak / period;
        }
    }
}

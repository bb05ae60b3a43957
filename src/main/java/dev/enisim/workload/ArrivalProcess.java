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
    }

    /** A single process on one stream. */
    public ArrivalProcess(ArrivalSpec spec, RandomGenerator stream, long notBeforeMicros) {
        this(spec, i -> stream, notBeforeMicros);
    }

    public ArrivalSpec spec() {
        return spec;
    }

    /** The time of the next arrival in microseconds, or {@link #NONE}. */
    public long next() {
        return source.next();
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
     * The rate r(t) = a + b cos(phase) lies within [a - |b|, a + |b|] as computed in doubles (rounding is
     * monotonic and |cos| <= 1), so a candidate whose draw falls below the trough is kept without computing the
     * cosine: the same decision, the same numbers, a third fewer cosines at a 3:1 peak to trough.
     */
    private static final class Thinning implements Source {
        private final RandomGenerator stream;
        private final long until;
        private final ArrivalSpec.Diurnal d;
        private final double meanGap;
        private final double max;
        private final double lowest;
        private double clock;

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
            this.clock = from;
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
                if (v < lowest || v < d.rateAt(at)) {
                    return at;
                }
            }
        }
    }
}

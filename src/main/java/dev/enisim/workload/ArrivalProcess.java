package dev.enisim.workload;

import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * An {@link ArrivalSpec} bound to random streams: yields arrival times one at a time, so that only the next
 * arrival of each function sits in the event queue and quiet periods cost nothing. Allocation-free per arrival.
 */
public final class ArrivalProcess {

    /** Returned by {@link #next()} when no further arrival will come. */
    public static final long NONE = Long.MAX_VALUE;

    private final ArrivalSpec spec;
    private final Source source;

    /** One process: the next arrival time after the previous one. */
    private interface Source {
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
            return new PiecewisePoisson(stream, from, until, t -> p.ratePerSecond(), Long.MAX_VALUE);
        }
        if (spec instanceof ArrivalSpec.Constant c) {
            return new Evenly(c.ratePerSecond(), from, until);
        }
        if (spec instanceof ArrivalSpec.Bursts b) {
            return new PiecewisePoisson(stream, from, until, b::rateAt, 0) {
                @Override
                long nextChange(long t) {
                    for (long s : b.startsMicros()) {
                        if (s > t) {
                            return s;
                        }
                        if (t < s + b.burstMicros()) {
                            return s + b.burstMicros();
                        }
                    }
                    return Long.MAX_VALUE;
                }
            };
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
        throw new IllegalArgumentException("unhandled arrival process " + spec);
    }

    private static Source superpose(List<ArrivalSpec> parts, IntFunction<RandomGenerator> streams, long notBefore) {
        Source[] sources = new Source[parts.size()];
        long[] heads = new long[parts.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = single(parts.get(i), streams.apply(i), notBefore);
            heads[i] = sources[i].next();
        }
        return () -> {
            int best = 0;
            for (int i = 1; i < heads.length; i++) {
                if (heads[i] < heads[best]) {
                    best = i;
                }
            }
            long t = heads[best];
            if (t != NONE) {
                heads[best] = sources[best].next();
            }
            return t;
        };
    }

    /** Evenly spaced: a rate r over a window w gives exactly r x w arrivals, the first at the window's start. */
    private static final class Evenly implements Source {
        private final double gap;
        private final long until;
        private double clock;

        Evenly(double ratePerSecond, long from, long until) {
            this.gap = 1e6 / ratePerSecond;
            this.until = until;
            this.clock = from - gap;
        }

        @Override
        public long next() {
            clock += gap;
            long at = (long) Math.ceil(clock);
            return at >= until ? NONE : at;
        }
    }

    /** Rate as a function of time, constant between change points. */
    @FunctionalInterface
    private interface Rate {
        double at(long micros);
    }

    /**
     * Poisson with a piecewise-constant rate, exactly: an exponential gap at the current rate; if it crosses the
     * next change of rate, start again from the change (the process is memoryless). A zero rate jumps to the
     * next change at once.
     */
    private static class PiecewisePoisson implements Source {
        private final RandomGenerator stream;
        private final long until;
        private final Rate rate;
        private final long constantChange;
        // a double, so that rounding each gap to a microsecond does not bias the rate
        private double clock;

        PiecewisePoisson(RandomGenerator stream, long from, long until, Rate rate, long constantChange) {
            this.stream = stream;
            this.until = until;
            this.rate = rate;
            this.constantChange = constantChange;
            this.clock = from;
        }

        long nextChange(long t) {
            return constantChange;
        }

        @Override
        public long next() {
            while (clock < until) {
                long t = (long) clock;
                double r = rate.at(t);
                long change = nextChange(t);
                if (r <= 0) {
                    if (change == Long.MAX_VALUE) {
                        return NONE;
                    }
                    clock = change;
                    continue;
                }
                double candidate = clock - 1e6 / r * Math.log(1.0 - stream.nextDouble());
                if (candidate >= change) {
                    clock = change;
                    continue;
                }
                clock = candidate;
                long at = (long) Math.ceil(clock);
                return at >= until ? NONE : at;
            }
            return NONE;
        }
    }

    /** Non-homogeneous Poisson by thinning (Lewis and Shedler): candidates at the peak rate, kept with r(t)/peak. */
    private static final class Thinning implements Source {
        private final RandomGenerator stream;
        private final long until;
        private final ArrivalSpec.Diurnal d;
        private final double meanGap;
        private double clock;

        Thinning(RandomGenerator stream, long from, long until, ArrivalSpec.Diurnal d) {
            this.stream = stream;
            this.until = until;
            this.d = d;
            this.meanGap = 1e6 / Math.max(d.peakPerSecond(), d.troughPerSecond());
            this.clock = from;
        }

        @Override
        public long next() {
            double max = Math.max(d.peakPerSecond(), d.troughPerSecond());
            while (true) {
                clock -= meanGap * Math.log(1.0 - stream.nextDouble());
                long at = (long) Math.ceil(clock);
                if (at >= until) {
                    return NONE;
                }
                if (stream.nextDouble() * max < d.rateAt(at)) {
                    return at;
                }
            }
        }
    }

    /** A recorded trace, scaled by thinning (factor < 1) or duplication (factor > 1). */
    private static final class Replay implements Source {
        private final long[] times;
        private final double factor;
        private final RandomGenerator stream;
        private final long until;
        private int index;
        private int pendingCopies;
        private long current;

        Replay(ArrivalSpec.Trace trace, RandomGenerator stream, long from, long until) {
            this.times = trace.timesMicros();
            this.factor = trace.factor();
            this.stream = stream;
            this.until = until;
            while (index < times.length && times[index] < from) {
                index++;
            }
        }

        @Override
        public long next() {
            while (pendingCopies == 0) {
                if (index >= times.length || times[index] >= until) {
                    return NONE;
                }
                current = times[index++];
                if (factor == 1.0) {
                    pendingCopies = 1;
                } else {
                    int whole = (int) factor;
                    pendingCopies = whole + (stream.nextDouble() < factor - whole ? 1 : 0);
                }
            }
            pendingCopies--;
            return current;
        }
    }
}

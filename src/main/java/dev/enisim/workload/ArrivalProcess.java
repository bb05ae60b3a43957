package dev.enisim.workload;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * An {@link ArrivalSpec} bound to a random stream: yields arrival times one at a time, so that only the next
 * arrival of each function sits in the event queue and quiet periods cost nothing.
 */
public final class ArrivalProcess {

    /** Returned by {@link #next()} when no further arrival will come. */
    public static final long NONE = Long.MAX_VALUE;

    private final ArrivalSpec spec;
    private final RandomGenerator stream;
    private final double meanGapMicros;
    private final boolean poisson;
    private final long fromMicros;
    private final long untilMicros;
    // kept as a double so that rounding each gap to a microsecond does not bias the rate
    private double clockMicros;

    public ArrivalProcess(ArrivalSpec spec, RandomGenerator stream, long notBeforeMicros) {
        this.spec = spec;
        this.stream = stream;
        if (spec instanceof ArrivalSpec.Poisson p) {
            meanGapMicros = 1e6 / p.ratePerSecond();
            poisson = true;
        } else if (spec instanceof ArrivalSpec.Constant c) {
            meanGapMicros = 1e6 / c.ratePerSecond();
            poisson = false;
        } else if (spec instanceof ArrivalSpec.None) {
            meanGapMicros = Double.POSITIVE_INFINITY;
            poisson = false;
        } else {
            throw new IllegalArgumentException("unhandled arrival process " + spec);
        }
        this.fromMicros = Math.max(spec.fromMicros(), notBeforeMicros);
        this.untilMicros = spec.untilMicros();
        // Poisson: the first gap is drawn from the start; constant: the first arrival is at the start itself,
        // so that a rate r over a window of length w gives exactly r * w arrivals
        this.clockMicros = poisson ? fromMicros : fromMicros - meanGapMicros;
    }

    public ArrivalSpec spec() {
        return spec;
    }

    /** The time of the next arrival in microseconds, or {@link #NONE}. */
    public long next() {
        if (Double.isInfinite(meanGapMicros)) {
            return NONE;
        }
        double gap = poisson ? -meanGapMicros * Math.log(1.0 - stream.nextDouble()) : meanGapMicros;
        if (Double.isInfinite(clockMicros)) {
            return NONE;
        }
        clockMicros += gap;
        long at = (long) Math.ceil(clockMicros);
        return at >= untilMicros ? NONE : at;
    }
}

package dev.enisim.workload;

import java.util.List;

/**
 * How invocations of one function arrive, as a scenario says it. Rates are per second, times in microseconds.
 * Arrivals happen only in the window [fromMicros, untilMicros) of simulated time (and not before the function
 * exists). Several processes on one function add up ({@link Superposition}); phases are processes with
 * consecutive windows.
 */
public sealed interface ArrivalSpec {

    long fromMicros();

    long untilMicros();

    /**
     * The same process with every rate multiplied by {@code factor} (> 0): used by planning and sweeps to scale
     * traffic. Every arrival shape must implement it.
     */
    ArrivalSpec scaled(double factor);

    /** Poisson process: exponential gaps with mean 1 / rate. */
    record Poisson(double ratePerSecond, long fromMicros, long untilMicros) implements ArrivalSpec {
        @Override
        public ArrivalSpec scaled(double factor) {
            return new Poisson(ratePerSecond * factor, fromMicros, untilMicros);
        }
    }

    /** Evenly spaced arrivals, one every 1 / rate seconds, the first at fromMicros. */
    record Constant(double ratePerSecond, long fromMicros, long untilMicros) implements ArrivalSpec {
        @Override
        public ArrivalSpec scaled(double factor) {
            return new Constant(ratePerSecond * factor, fromMicros, untilMicros);
        }
    }

    /**
     * A daily (or {@code periodMicros}) sine: rate(t) = (peak + trough) / 2 + (peak - trough) / 2 x
     * cos(2 pi (t - peakAtMicros) / period), as a non-homogeneous Poisson process (thinning).
     */
    record Diurnal(double peakPerSecond, double troughPerSecond, long peakAtMicros, long periodMicros,
            long fromMicros, long untilMicros) implements ArrivalSpec {
        public double rateAt(long micros) {
            double phase = 2 * Math.PI * (micros - peakAtMicros) / periodMicros;
            return (peakPerSecond + troughPerSecond) / 2 + (peakPerSecond - troughPerSecond) / 2 * Math.cos(phase);
        }

        public double meanPerSecond() {
            return (peakPerSecond + troughPerSecond) / 2;
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return new Diurnal(peakPerSecond * factor, troughPerSecond * factor, peakAtMicros, periodMicros,
                    fromMicros, untilMicros);
        }
    }

    /**
     * Poisson at {@code basePerSecond}, and at {@code burstPerSecond} for {@code burstMicros} from each of
     * {@code startsMicros} (sorted, not overlapping).
     */
    record Bursts(double basePerSecond, double burstPerSecond, long burstMicros, long[] startsMicros,
            long fromMicros, long untilMicros) implements ArrivalSpec {
        public double rateAt(long micros) {
            for (long s : startsMicros) {
                if (micros >= s && micros < s + burstMicros) {
                    return burstPerSecond;
                }
            }
            return basePerSecond;
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return new Bursts(basePerSecond * factor, burstPerSecond * factor, burstMicros, startsMicros, fromMicros,
                    untilMicros);
        }
    }

    /**
     * A recorded trace: arrival times in microseconds, sorted. With a factor other than 1 (traffic scaling), each
     * recorded arrival stands for {@code factor} arrivals on average (the fractional part drawn at random).
     */
    record Trace(long[] timesMicros, double factor, String file, long fromMicros, long untilMicros)
            implements ArrivalSpec {
        @Override
        public ArrivalSpec scaled(double by) {
            return new Trace(timesMicros, factor * by, file, fromMicros, untilMicros);
        }
    }

    /** Several processes on one function, adding up (each draws from its own stream). */
    record Superposition(List<ArrivalSpec> parts) implements ArrivalSpec {
        public Superposition {
            parts = List.copyOf(parts);
        }

        @Override
        public long fromMicros() {
            return parts.stream().mapToLong(ArrivalSpec::fromMicros).min().orElse(Long.MAX_VALUE);
        }

        @Override
        public long untilMicros() {
            return parts.stream().mapToLong(ArrivalSpec::untilMicros).max().orElse(Long.MAX_VALUE);
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return new Superposition(parts.stream().map(p -> p.scaled(factor)).toList());
        }
    }

    /** No traffic at all. */
    record None() implements ArrivalSpec {
        @Override
        public long fromMicros() {
            return Long.MAX_VALUE;
        }

        @Override
        public long untilMicros() {
            return Long.MAX_VALUE;
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return this;
        }
    }
}

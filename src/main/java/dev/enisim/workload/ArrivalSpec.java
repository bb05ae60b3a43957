package dev.enisim.workload;

/**
 * How invocations of one function arrive, as a scenario says it. Rates are per second. Arrivals happen only in
 * the window [fromMicros, untilMicros) of simulated time (the function must also exist by then).
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

package dev.enisim.workload;

import java.util.List;

/**
 * How invocations of one function arrive, as a scenario says it. Rates are per second, times in microseconds.
 * Arrivals happen only in the window [fromMicros, untilMicros) of simulated time (and not before the function
 * exists). Several processes on one function add up ({@link Superposition}).
 *
 * <p>{@link #meanCount} is the exact expected number of arrivals in an interval (the integral of the rate), so
 * that tests and planning can compare a run against what the shape promises.
 */
public sealed interface ArrivalSpec {

    long fromMicros();

    long untilMicros();

    /**
     * The same process with every rate multiplied by {@code factor} (> 0): used by planning and sweeps to scale
     * traffic. Every arrival shape must implement it.
     */
    ArrivalSpec scaled(double factor);

    /** The expected number of arrivals in [fromMicros, toMicros) (inside this process's window). */
    double meanCount(long fromMicros, long toMicros);

    /**
     * The highest rate (per second) any one of this process's rates reaches: what {@code --set traffic=F} must not
     * carry past a rate a scenario may state (a scenario's own rates are held to it as they are read; a factor took
     * them past it, and a run of 10^304 events was begun).
     */
    double highestRatePerSecond();

    /**
     * The same process with its window ending at {@code micros} at the latest: its arrivals before then are the
     * same draws (planning's teardown runs the scenario as it is, then deletes every function with no traffic
     * after). Every arrival shape must implement it.
     */
    ArrivalSpec until(long micros);

    /** The part of [a, b) inside the window, in seconds. */
    private static double overlapSeconds(long a, long b, long from, long until) {
        long lo = Math.max(a, from);
        long hi = Math.min(b, until);
        return hi > lo ? (hi - lo) / 1e6 : 0;
    }

    /** Poisson process: exponential gaps with mean 1 / rate. */
    record Poisson(double ratePerSecond, long fromMicros, long untilMicros) implements ArrivalSpec {
        @Override
        public ArrivalSpec until(long micros) {
            return new Poisson(ratePerSecond, fromMicros, Math.min(untilMicros, micros));
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return new Poisson(ratePerSecond * factor, fromMicros, untilMicros);
        }

        @Override
        public double highestRatePerSecond() {
            return ratePerSecond;
        }

        @Override
        public double meanCount(long a, long b) {
            return ratePerSecond * overlapSeconds(a, b, fromMicros, untilMicros);
        }
    }

    /** Evenly spaced arrivals, one every 1 / rate seconds, the first at fromMicros. */
    record Constant(double ratePerSecond, long fromMicros, long untilMicros) implements ArrivalSpec {
        @Override
        public ArrivalSpec until(long micros) {
            return new Constant(ratePerSecond, fromMicros, Math.min(untilMicros, micros));
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return new Constant(ratePerSecond * factor, fromMicros, untilMicros);
        }

        @Override
        public double highestRatePerSecond() {
            return ratePerSecond;
        }

        @Override
        public double meanCount(long a, long b) {
            return ratePerSecond * overlapSeconds(a, b, fromMicros, untilMicros);
        }
    }

    /**
     * A daily (or {@code periodMicros}) sine: rate(t) = (peak + trough) / 2 + (peak - trough) / 2 x
     * cos(2 pi (t - peakAtMicros) / period), as a non-homogeneous Poisson process (thinning).
     */
    record Diurnal(double peakPerSecond, double troughPerSecond, long peakAtMicros, long periodMicros,
            long fromMicros, long untilMicros) implements ArrivalSpec {
        public double rateAt(long micros) {
            return rateAt(peakPerSecond, troughPerSecond, peakAtMicros, periodMicros, micros);
        }

        /** The rate at {@code micros} of the day these parameters give (for the draws, which keep them in rows). */
        static double rateAt(double peak, double trough, long peakAt, long period, long micros) {
            double phase = 2 * Math.PI * (micros - peakAt) / period;
            return (peak + trough) / 2 + (peak - trough) / 2 * Math.cos(phase);
        }

        public double meanPerSecond() {
            return (peakPerSecond + troughPerSecond) / 2;
        }

        @Override
        public ArrivalSpec until(long micros) {
            return new Diurnal(peakPerSecond, troughPerSecond, peakAtMicros, periodMicros, fromMicros,
                    Math.min(untilMicros, micros));
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return new Diurnal(peakPerSecond * factor, troughPerSecond * factor, peakAtMicros, periodMicros,
                    fromMicros, untilMicros);
        }

        @Override
        public double highestRatePerSecond() {
            return Math.max(peakPerSecond, troughPerSecond);
        }

        /** The integral of the sine: mean x T + amplitude x period / 2 pi x [sin(phase)] over the interval. */
        @Override
        public double meanCount(long a, long b) {
            long lo = Math.max(a, fromMicros);
            long hi = Math.min(b, untilMicros);
            if (hi <= lo) {
                return 0;
            }
            double amplitude = (peakPerSecond - troughPerSecond) / 2;
            double w = 2 * Math.PI / periodMicros;
            double sines = Math.sin(w * (hi - peakAtMicros)) - Math.sin(w * (lo - peakAtMicros));
            return meanPerSecond() * (hi - lo) / 1e6 + amplitude * sines / w / 1e6;
        }
    }

    /**
     * Poisson at {@code basePerSecond}, and at {@code burstPerSecond} for {@code burstMicros} from each of
     * {@code startsMicros} (sorted, not overlapping).
     */
    record Bursts(double basePerSecond, double burstPerSecond, long burstMicros, long[] startsMicros,
            long fromMicros, long untilMicros) implements ArrivalSpec {
        @Override
        public ArrivalSpec until(long micros) {
            return new Bursts(basePerSecond, burstPerSecond, burstMicros, startsMicros, fromMicros,
                    Math.min(untilMicros, micros));
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return new Bursts(basePerSecond * factor, burstPerSecond * factor, burstMicros, startsMicros, fromMicros,
                    untilMicros);
        }

        @Override
        public double highestRatePerSecond() {
            return Math.max(basePerSecond, burstPerSecond);
        }

        /** The burst times by value (a record prints an array by identity, which differs from run to run). */
        @Override
        public String toString() {
            return "Bursts[basePerSecond=" + basePerSecond + ", burstPerSecond=" + burstPerSecond + ", burstMicros="
                    + burstMicros + ", startsMicros=" + java.util.Arrays.toString(startsMicros) + ", fromMicros="
                    + fromMicros + ", untilMicros=" + untilMicros + "]";
        }

        @Override
        public double meanCount(long a, long b) {
            double n = basePerSecond * overlapSeconds(a, b, fromMicros, untilMicros);
            for (long s : startsMicros) {
                long lo = Math.max(s, fromMicros);
                long hi = Math.min(s + burstMicros, untilMicros);
                n += (burstPerSecond - basePerSecond) * overlapSeconds(a, b, lo, hi);
            }
            return n;
        }
    }

    /**
     * A piecewise-constant schedule: Poisson at {@code ratesPerSecond[i]} for {@code phaseMicros[i]}, the phases
     * one after the other from fromMicros; a rate of 0 is a quiet phase. With {@code repeat} the phases start
     * over after the last one (a cycle as long as their sum), until untilMicros; without, arrivals end with the
     * last phase.
     */
    record Schedule(long[] phaseMicros, double[] ratesPerSecond, boolean repeat, long fromMicros, long untilMicros)
            implements ArrivalSpec {
        /** The phases by value (a record prints an array by identity, which differs from run to run). */
        @Override
        public String toString() {
            return "Schedule[phaseMicros=" + java.util.Arrays.toString(phaseMicros) + ", ratesPerSecond="
                    + java.util.Arrays.toString(ratesPerSecond) + ", repeat=" + repeat + ", fromMicros=" + fromMicros
                    + ", untilMicros=" + untilMicros + "]";
        }

        public Schedule {
            if (phaseMicros.length == 0 || phaseMicros.length != ratesPerSecond.length) {
                throw new IllegalArgumentException("a schedule needs as many rates as phases, at least one");
            }
            for (int i = 0; i < phaseMicros.length; i++) {
                if (phaseMicros[i] <= 0 || !(ratesPerSecond[i] >= 0)) {
                    throw new IllegalArgumentException("phase " + i + ": length must be > 0 and rate >= 0");
                }
            }
        }

        public long cycleMicros() {
            long sum = 0;
            for (long p : phaseMicros) {
                sum += p;
            }
            return sum;
        }

        @Override
        public ArrivalSpec until(long micros) {
            return new Schedule(phaseMicros, ratesPerSecond, repeat, fromMicros, Math.min(untilMicros, micros));
        }

        @Override
        public double highestRatePerSecond() {
            double most = 0;
            for (double r : ratesPerSecond) {
                most = Math.max(most, r);
            }
            return most;
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            double[] r = ratesPerSecond.clone();
            for (int i = 0; i < r.length; i++) {
                r[i] *= factor;
            }
            return new Schedule(phaseMicros, r, repeat, fromMicros, untilMicros);
        }

        /**
         * In closed form: the rest of the first cycle the interval touches, the whole cycles after it (each the
         * same count), then the part of the last one. Counting cycle after cycle took one step per cycle, for ever
         * with phases of microseconds over days (an adversarial review: {@code validate} hung).
         */
        @Override
        public double meanCount(long a, long b) {
            long cycle = cycleMicros();
            long lo = Math.max(a, fromMicros);
            long end = Math.min(b, repeat ? untilMicros : Math.min(untilMicros, fromMicros + cycle));
            if (end <= lo) {
                return 0;
            }
            long first = (lo - fromMicros) / cycle;
            long last = (end - 1 - fromMicros) / cycle; // the cycle holding the interval's last microsecond
            long start = fromMicros + first * cycle;
            if (first == last) {
                return within(start, lo, end);
            }
            long lastStart = fromMicros + last * cycle; // <= end - 1: no overflow
            double n = within(start, lo, start + cycle);
            if (last - first > 1) {
                n += (last - first - 1) * within(start, start, start + cycle);
            }
            return n + within(lastStart, lastStart, end);
        }

        /** The expected arrivals in [lo, hi) of the cycle starting at {@code start} (lo and hi inside it). */
        private double within(long start, long lo, long hi) {
            double n = 0;
            for (int i = 0; i < phaseMicros.length && start < hi; i++) {
                n += ratesPerSecond[i] * overlapSeconds(lo, hi, start, start + phaseMicros[i]);
                start += phaseMicros[i];
            }
            return n;
        }
    }

    /**
     * A recorded trace, as rows: {@code counts[i]} arrivals spread evenly over [startsMicros[i], startsMicros[i]
     * + intervalMicros), rows in time order and not overlapping. A trace of timestamps has interval 0: each row
     * is one instant and how many arrivals it holds. With a factor other than 1 (traffic scaling), each recorded
     * arrival stands for {@code factor} arrivals on average (the fractional part drawn at random).
     */
    record Trace(long[] startsMicros, long[] counts, long intervalMicros, double factor, String file,
            long fromMicros, long untilMicros) implements ArrivalSpec {
        /** At most this many arrivals per row (so that spreading them cannot overflow). */
        public static final long MAX_COUNT = 1L << 31;

        public Trace {
            if (startsMicros.length != counts.length || intervalMicros < 0) {
                throw new IllegalArgumentException("a trace needs one count per row and an interval >= 0");
            }
            for (long c : counts) {
                if (c < 0 || c > MAX_COUNT) {
                    throw new IllegalArgumentException("a trace row's count must be in [0, 2^31], got " + c);
                }
            }
        }

        /**
         * The trace by its rows' number and total rather than the rows (up to 50,000,000; a record would print its
         * arrays by identity, which differs from run to run).
         */
        @Override
        public String toString() {
            return "Trace[rows=" + counts.length + ", recorded=" + recorded() + ", intervalMicros=" + intervalMicros
                    + ", factor=" + factor + ", file=" + file + ", fromMicros=" + fromMicros + ", untilMicros="
                    + untilMicros + "]";
        }

        /** Recorded arrivals in the whole file. */
        public long recorded() {
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            return n;
        }

        /**
         * The k-th (from 0) of {@code count} arrivals spread evenly over [start, start + interval): start +
         * floor(k x interval / count), computed as k x q + floor(k x r / count) so that nothing overflows.
         */
        public static long spread(long start, long interval, long count, long k) {
            long q = interval / count;
            long r = interval % count;
            return start + k * q + k * r / count;
        }

        @Override
        public ArrivalSpec until(long micros) {
            return new Trace(startsMicros, counts, intervalMicros, factor, file, fromMicros,
                    Math.min(untilMicros, micros));
        }

        @Override
        public ArrivalSpec scaled(double by) {
            return new Trace(startsMicros, counts, intervalMicros, factor * by, file, fromMicros, untilMicros);
        }

        /** The busiest row's count over its interval, times the factor (a row's arrivals spread over it). */
        @Override
        public double highestRatePerSecond() {
            long most = 0;
            for (long c : counts) {
                most = Math.max(most, c);
            }
            return most == 0 ? 0 : most * factor / Math.max(intervalMicros / 1e6, 1e-6);
        }

        @Override
        public double meanCount(long a, long b) {
            long lo = Math.max(a, fromMicros);
            long hi = Math.min(b, untilMicros);
            long n = 0;
            for (int i = 0; i < startsMicros.length; i++) {
                long first = startsMicros[i];
                long last = counts[i] == 0 ? first : spread(first, intervalMicros, counts[i], counts[i] - 1);
                if (first >= lo && last < hi) {
                    n += counts[i];
                } else if (last >= lo && first < hi) {
                    for (long k = 0; k < counts[i]; k++) {
                        long t = spread(first, intervalMicros, counts[i], k);
                        n += t >= lo && t < hi ? 1 : 0;
                    }
                }
            }
            return n * factor;
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
        public ArrivalSpec until(long micros) {
            return new Superposition(parts.stream().map(p -> p.until(micros)).toList());
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return new Superposition(parts.stream().map(p -> p.scaled(factor)).toList());
        }

        /** Each part's rates are held to the bound on their own, as the scenario's own are. */
        @Override
        public double highestRatePerSecond() {
            double most = 0;
            for (ArrivalSpec p : parts) {
                most = Math.max(most, p.highestRatePerSecond());
            }
            return most;
        }

        @Override
        public double meanCount(long a, long b) {
            return parts.stream().mapToDouble(p -> p.meanCount(a, b)).sum();
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
        public ArrivalSpec until(long micros) {
            return this;
        }

        @Override
        public ArrivalSpec scaled(double factor) {
            return this;
        }

        @Override
        public double highestRatePerSecond() {
            return 0;
        }

        @Override
        public double meanCount(long a, long b) {
            return 0;
        }
    }
}

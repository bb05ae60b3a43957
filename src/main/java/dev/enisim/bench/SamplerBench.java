package dev.enisim.bench;

import dev.enisim.random.SplitMix;
import dev.enisim.random.Xoshiro256;
import dev.enisim.workload.ArrivalProcess;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import dev.enisim.workload.Sampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Times random draws: enisim's hand-written generators and samplers (xoshiro256**, SplitMix64, the exponential
 * and log-normal duration samplers exactly as the model uses them: {@link Sampler} over {@link Xoshiro256}; and
 * the arrival processes, a draw being one arrival of {@link ArrivalProcess}) beside any other {@link Draws} on the
 * class path. Each candidate is warmed up, then timed {@code rounds} times in this
 * thread's CPU time (steadier than wall time on a shared machine); the median round gives its ns per draw.
 */
public final class SamplerBench {

    /** A candidate's figure: median ns per draw over the rounds, and the spread. */
    public record Figure(String group, String name, double nsPerDraw, double nsMin, double nsMax) {
    }

    /** The durations timed: the {@code account} workload's log-normal (median 100 ms, p99 1 s) and loss's exponential. */
    public static final double LOGNORMAL_MEDIAN_MICROS = 100_000;
    public static final double LOGNORMAL_P99_MICROS = 1_000_000;
    public static final double EXPONENTIAL_MEAN_MICROS = 1_000_000;
    /** The arrivals timed, one draw being one arrival: loss's Poisson, and account's diurnal day (2 hours). */
    public static final double POISSON_PER_SECOND = 950;
    public static final double DIURNAL_PEAK_PER_SECOND = 40;
    public static final double DIURNAL_TROUGH_PER_SECOND = 10;
    public static final long DIURNAL_PERIOD_MICROS = 7_200_000_000L;

    /** enisim's own candidates. */
    public static final List<Draws> OWN = List.of(
            draws("uniform-long", "enisim Xoshiro256 (xoshiro256**)", (seed, n) -> {
                Xoshiro256 r = new Xoshiro256(seed);
                long s = 0;
                for (int i = 0; i < n; i++) {
                    s += r.nextLong();
                }
                return s;
            }),
            draws("uniform-double", "enisim Xoshiro256 (xoshiro256**)", (seed, n) -> {
                Xoshiro256 r = new Xoshiro256(seed);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += r.nextDouble();
                }
                return s;
            }),
            draws("seeding", "enisim SplitMix (SplitMix64)", (seed, n) -> {
                long x = seed;
                long s = 0;
                for (int i = 0; i < n; i++) {
                    x += 0x9E3779B97F4A7C15L;
                    s += SplitMix.mix(x);
                }
                return s;
            }),
            draws("exponential", "enisim Sampler (Commons RNG ZigguratSampler.Exponential)", (seed, n) -> {
                Sampler d = Sampler.of(new DistributionSpec.Exponential(EXPONENTIAL_MEAN_MICROS, Double.MAX_VALUE),
                        new Xoshiro256(seed));
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += d.sample();
                }
                return s;
            }),
            draws("lognormal", "enisim Sampler (Commons RNG LogNormalSampler, ziggurat Gaussian)", (seed, n) -> {
                Sampler d = Sampler.of(new DistributionSpec.LogNormal(LOGNORMAL_MEDIAN_MICROS, LOGNORMAL_P99_MICROS,
                        Double.MAX_VALUE), new Xoshiro256(seed));
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += d.sample();
                }
                return s;
            }),
            draws("poisson-arrival", "enisim ArrivalProcess (Poisson: StepPoisson, -ln(1 - u) gaps)", (seed, n) ->
                    arrivals(new ArrivalSpec.Poisson(POISSON_PER_SECOND, 0, Long.MAX_VALUE), seed, n)),
            draws("diurnal-arrival", "enisim ArrivalProcess (diurnal: thinning, bounded segments)", (seed, n) ->
                    arrivals(new ArrivalSpec.Diurnal(DIURNAL_PEAK_PER_SECOND, DIURNAL_TROUGH_PER_SECOND, 0,
                            DIURNAL_PERIOD_MICROS, 0, Long.MAX_VALUE), seed, n)));

    /** n arrivals of the process on a stream seeded with seed: the sum of their times in seconds. */
    private static double arrivals(ArrivalSpec spec, long seed, int n) {
        ArrivalProcess p = new ArrivalProcess(spec, new Xoshiro256(seed), 0);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += p.next() * 1e-6;
        }
        return s;
    }

    private interface Body {
        double run(long seed, int n);
    }

    private static Draws draws(String group, String name, Body body) {
        return new Draws.Named(group, name) {
            @Override
            public double run(long seed, int n) {
                return body.run(seed, n);
            }
        };
    }

    private SamplerBench() {
    }

    /** enisim's candidates and every {@link Draws} service on the class path, grouped in that order. */
    public static List<Draws> candidates() {
        List<Draws> all = new ArrayList<>(OWN);
        for (Draws d : ServiceLoader.load(Draws.class)) {
            all.add(d);
        }
        List<Draws> grouped = new ArrayList<>();
        for (Draws own : OWN) {
            for (Draws d : all) {
                if (d.group().equals(own.group())) {
                    grouped.add(d);
                }
            }
        }
        return grouped;
    }

    /** Times each candidate: {@code draws} per round, {@code rounds} rounds after two of warm-up. */
    public static List<Figure> measure(List<Draws> candidates, int draws, int rounds, Consumer<String> progress) {
        List<Figure> figures = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (Draws d : candidates) {
            progress.accept("samplers: " + d.group() + ", " + d.name());
            sink += d.run(1, draws);
            sink += d.run(2, draws);
            double[] ns = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = threads.getCurrentThreadCpuTime();
                sink += d.run(3 + r, draws);
                ns[r] = (double) (threads.getCurrentThreadCpuTime() - t0) / draws;
            }
            Arrays.sort(ns);
            figures.add(new Figure(d.group(), d.name(), ns[rounds / 2], ns[0], ns[rounds - 1]));
        }
        if (sink == 42) { // keeps every draw live; never true in practice, harmless if it is
            progress.accept("");
        }
        return figures;
    }
}

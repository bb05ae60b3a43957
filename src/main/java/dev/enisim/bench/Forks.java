package dev.enisim.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A workload measured in several JVMs of its own, as JMH's forks: the JIT's choices differ from one JVM to the next
 * (which method C2 compiles first decides what it inlines where), and for some workloads so does the rate, by up to
 * 45% ({@code loss-100}: 6.3 to 9.1 M events per CPU second in separate JVMs of the same jar minutes apart). One
 * fork gives one draw of that; several give its spread, and the figure reported is the median fork's.
 */
public final class Forks {

    /** Measures the workload in one fresh JVM ({@code index}: 0 for the first). */
    @FunctionalInterface
    public interface Runner {
        Fork run(int index) throws IOException;
    }

    /** What one fork measured: the workload's figures and its reference simulators'. */
    public record Fork(Bench.Result result, List<Bench.ReferenceResult> references) {
        public Fork {
            references = List.copyOf(references);
        }
    }

    /**
     * Each fork's rate (events per CPU second of the simulating thread, the median of its repeats, whole run and
     * steady part), in the order the forks ran, with their median (the upper one of an even count, as the bench's
     * repeats), min and max; and each fork's warm-up in tenths (0 where its result does not say).
     */
    public record Spread(int forks, double[] eventsPerCpuSecond, double[] steadyEventsPerCpuSecond, double median,
            double min, double max, double steadyMedian, double steadyMin, double steadyMax, int[] warmupTenths) {
    }

    /**
     * The forks of one workload: the median fork (by events per CPU second) and the spread of all; and each reference
     * simulator (for a pure loss workload) over the same forks, in the order the forks listed them.
     */
    public record Measured(Fork median, Spread spread, List<Reference> references) {
        public Measured {
            references = List.copyOf(references);
        }
    }

    /**
     * A reference simulator over the forks: its median fork's figures (by its own events per CPU second, as the
     * workload's), with the ratios taken against the workload's median fork, and the spread of all its forks (a
     * reference builds nothing: its steady figures are its whole run's). The reference's rate spreads from one JVM
     * to the next as the model's does, more so (the priority-queue simulator: 5.7 to 10.5 M events/s in JVMs of the
     * same jar, HISTORY, thirty-fifth pass): the median fork's figure is its own, not the one that happened to run
     * beside the model's median fork.
     */
    public record Reference(Bench.ReferenceResult median, Spread spread) {
    }

    private Forks() {
    }

    /**
     * Runs {@code forks} forks one after the other (fork {@code i} told to {@code progress} before it starts when
     * there are several) and returns the median one with the spread of all.
     */
    public static Measured measure(String workload, int forks, Runner runner, Consumer<String> progress)
            throws IOException {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1: " + forks);
        }
        List<Fork> all = new ArrayList<>(forks);
        for (int i = 0; i < forks; i++) {
            if (forks > 1) {
                progress.accept(workload + ": fork " + (i + 1) + " of " + forks);
            }
            all.add(runner.run(i));
        }
        return of(all);
    }

    /**
     * The median fork of {@code forks} (at least one) by events per CPU second, and their spread; each reference's
     * median fork by its own rate, and its spread.
     */
    static Measured of(List<Fork> forks) {
        int n = forks.size();
        double[] rates = new double[n];
        double[] steady = new double[n];
        int[] tenths = new int[n];
        for (int i = 0; i < n; i++) {
            Bench.Result r = forks.get(i).result();
            rates[i] = r.eventsPerCpuSecond();
            steady[i] = r.steadyEventsPerCpuSecond();
            tenths[i] = r.warmup() == null ? 0 : r.warmup().tenths();
        }
        Fork median = forks.get(medianIndex(rates));
        Spread spread = spread(rates, steady, tenths);
        List<Reference> references = new ArrayList<>();
        for (Bench.ReferenceResult first : forks.get(0).references()) {
            double[] refRates = new double[n];
            int[] refTenths = new int[n];
            List<Bench.ReferenceResult> each = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Bench.ReferenceResult r = named(forks.get(i).references(), first.name());
                each.add(r);
                refRates[i] = r.eventsPerCpuSecond();
                refTenths[i] = r.warmup() == null ? 0 : r.warmup().tenths();
            }
            references.add(new Reference(each.get(medianIndex(refRates)).against(median.result()),
                    spread(refRates, refRates, refTenths)));
        }
        return new Measured(median, spread, references);
    }

    /** The first of {@code rates} equal to their median (the upper one of an even count). */
    private static int medianIndex(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int i = 0;
        while (rates[i] != sorted[rates.length / 2]) {
            i++;
        }
        return i;
    }

    private static Spread spread(double[] rates, double[] steady, int[] tenths) {
        int n = rates.length;
        double[] byRate = rates.clone();
        Arrays.sort(byRate);
        double[] bySteady = steady.clone();
        Arrays.sort(bySteady);
        return new Spread(n, rates, steady, byRate[n / 2], byRate[0], byRate[n - 1], bySteady[n / 2], bySteady[0],
                bySteady[n - 1], tenths);
    }

    /** The reference named {@code name} among a fork's (every fork runs the same ones, from the same class path). */
    private static Bench.ReferenceResult named(List<Bench.ReferenceResult> references, String name) {
        for (Bench.ReferenceResult r : references) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalStateException("a fork did not run the reference " + name);
    }
}
